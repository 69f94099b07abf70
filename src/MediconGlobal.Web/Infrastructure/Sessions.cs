using System.Globalization;
using MediconGlobal.Core.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MediconGlobal.Web.Infrastructure;

/// <summary>
/// How long a sign-in lasts, from the <c>Sessions</c> configuration section (ADR 1003). The defaults are OWASP ASVS
/// 4.0 level 2, requirement 3.3.2: signed out after 30 minutes without a request and 12 hours after signing in.
/// </summary>
public sealed class SessionOptions
{
    public const string Section = "Sessions";

    /// <summary>Sliding lifetime: the sign-in ends after this long without a request.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Absolute lifetime: the sign-in ends this long after the password was entered, however active the user is.</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// How often a cookie's security stamp is compared with the account's. Zero (the default) compares on every
    /// request, so sign-out, a password change, a role change, a lock or deletion ends every copy of the cookie on
    /// its next request, on every instance. Costs one primary-key read of the user per request.
    /// </summary>
    public TimeSpan StampCheckInterval { get; set; } = TimeSpan.Zero;

    /// <summary>How often the roles, organisation and name carried in the cookie are rebuilt from the database (and the cookie reissued).</summary>
    public TimeSpan ClaimsRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>Registers the sign-in cookie's lifetimes and the per-request security-stamp check.</summary>
public static class Sessions
{
    /// <summary>The authentication property holding when the password (or second factor) was last entered, ISO 8601 UTC.</summary>
    public const string SignedInAtKey = "mg.signedInAt";

    public static IServiceCollection AddPortalSessions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SessionOptions>()
            .Bind(configuration.GetSection(SessionOptions.Section))
            .Validate(o => o.IdleTimeout > TimeSpan.Zero && o.AbsoluteLifetime >= o.IdleTimeout, "Sessions:IdleTimeout must be positive and no longer than Sessions:AbsoluteLifetime.")
            .Validate(o => o.StampCheckInterval >= TimeSpan.Zero && o.ClaimsRefreshInterval >= TimeSpan.Zero, "Sessions:StampCheckInterval and Sessions:ClaimsRefreshInterval cannot be negative.")
            .ValidateOnStart();
        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<IOptions<SessionOptions>, TimeProvider>((options, sessions, clock) =>
            {
                options.ValidationInterval = sessions.Value.StampCheckInterval;
                options.TimeProvider = clock;
            });
        services.Replace(ServiceDescriptor.Scoped<ISecurityStampValidator, SessionValidator>());

        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<SessionOptions>, TimeProvider, IHostEnvironment>((options, sessions, clock, environment) =>
            {
                options.Cookie.Name = TransportSecurity.AuthCookieName(environment);
                options.Cookie.SecurePolicy = TransportSecurity.CookieSecurity(environment);
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.SlidingExpiration = true;
                options.ExpireTimeSpan = sessions.Value.IdleTimeout;

                // A new sign-in starts the absolute lifetime; refreshing the cookie (password change, new claims) keeps it.
                options.Events.OnSigningIn = context =>
                {
                    context.Properties.Items.TryAdd(SignedInAtKey, clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
                    return Task.CompletedTask;
                };
            });
        return services;
    }

    /// <summary>When the session began, or null for a cookie that does not say (issued before the rule existed).</summary>
    public static DateTimeOffset? SignedInAt(AuthenticationProperties properties) =>
        properties.Items.TryGetValue(SignedInAtKey, out var value)
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null;
}

/// <summary>
/// Identity's security-stamp validator, run on every request (<see cref="SessionOptions.StampCheckInterval"/>), with
/// the absolute lifetime added. A matching stamp costs one read; the principal is rebuilt only every
/// <see cref="SessionOptions.ClaimsRefreshInterval"/>, not on every request as the base class would.
/// </summary>
public sealed class SessionValidator(
    IOptions<SecurityStampValidatorOptions> options,
    SignInManager<ApplicationUser> signInManager,
    ILoggerFactory loggers,
    IOptions<SessionOptions> sessions) : SecurityStampValidator<ApplicationUser>(options, signInManager, loggers)
{
    public override async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        // Static files read nothing of the user; checking them would cost a query per image and script.
        if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is not null)
        {
            return;
        }

        var now = TimeProvider.GetUtcNow();
        if (Sessions.SignedInAt(context.Properties) is not { } signedInAt || now - signedInAt > sessions.Value.AbsoluteLifetime)
        {
            Logger.LogInformation("A sign-in older than the absolute session lifetime was refused");
            await RejectAsync(context);
            return;
        }

        // As the base class, except that a zero interval checks every request even within the tick the cookie was issued.
        if (Options.ValidationInterval > TimeSpan.Zero && context.Properties.IssuedUtc is { } issued && now - issued <= Options.ValidationInterval)
        {
            return;
        }

        if (await VerifySecurityStamp(context.Principal) is { } user)
        {
            await SecurityStampVerified(user, context);
        }
        else
        {
            Logger.LogInformation("A sign-in whose account changed (signed out, new password, new role, locked or deleted) was refused");
            await RejectAsync(context);
        }
    }

    private async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await SignInManager.SignOutAsync();
        await SignInManager.Context.SignOutAsync(IdentityConstants.TwoFactorRememberMeScheme);
    }

    protected override Task SecurityStampVerified(ApplicationUser user, CookieValidatePrincipalContext context) =>
        context.Properties.IssuedUtc is { } issued && TimeProvider.GetUtcNow() - issued < sessions.Value.ClaimsRefreshInterval
            ? Task.CompletedTask
            : base.SecurityStampVerified(user, context);
}
