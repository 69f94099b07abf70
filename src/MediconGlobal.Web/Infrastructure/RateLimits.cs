using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace MediconGlobal.Web.Infrastructure;

/// <summary>How many requests one partition may make per window (a fixed window; the next starts when it ends).</summary>
public sealed class RateLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}

/// <summary>One rate-limited kind of request: a limit per client address and one per account (either may be absent).</summary>
public sealed class RateLimitPolicy
{
    /// <summary>Per client IP address (IPv6: per /64 network, which one subscriber usually holds).</summary>
    public RateLimit? PerIp { get; set; }

    /// <summary>Per account: the e-mail address typed into the form, or the signed-in user where the form names none.</summary>
    public RateLimit? PerAccount { get; set; }
}

/// <summary>
/// The <c>RateLimiting</c> configuration section (issue 10, item 8; ADR 1004). Each policy is a limit per client address
/// and per account; requests over it get 429 with <c>Retry-After</c>. The defaults allow what a person does by hand
/// with room to spare, and stop scripts: OWASP ASVS 2.2.1 asks for at most 100 failed sign-ins an hour per account.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Off only for test hosts that sign in hundreds of users from one address.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Sign-in with a password, a second factor or a recovery code, and pages that check the current password.</summary>
    public RateLimitPolicy SignIn { get; set; } = new() { PerIp = Limit(30, 5), PerAccount = Limit(10, 15) };

    /// <summary>Founder self-registration and resending the confirmation e-mail.</summary>
    public RateLimitPolicy Registration { get; set; } = new() { PerIp = Limit(5, 60), PerAccount = Limit(3, 60) };

    /// <summary>Asking for a password-reset e-mail and setting the new password.</summary>
    public RateLimitPolicy PasswordReset { get; set; } = new() { PerIp = Limit(10, 60), PerAccount = Limit(3, 60) };

    /// <summary>"Report a problem with this offer", open to anonymous visitors.</summary>
    public RateLimitPolicy ProblemReports { get; set; } = new() { PerIp = Limit(10, 60), PerAccount = Limit(10, 60) };

    /// <summary>The public HSDS open-data API (every request counts, reads included).</summary>
    public RateLimitPolicy OpenData { get; set; } = new() { PerIp = Limit(300, 1) };

    public RateLimitPolicy? For(string policy) => policy switch
    {
        RateLimitPolicies.SignIn => SignIn,
        RateLimitPolicies.Registration => Registration,
        RateLimitPolicies.PasswordReset => PasswordReset,
        RateLimitPolicies.ProblemReports => ProblemReports,
        RateLimitPolicies.OpenData => OpenData,
        _ => null,
    };

    private static RateLimit Limit(int permits, int minutes) => new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(minutes) };
}

/// <summary>The names of the rate-limit policies, as used in configuration and endpoint metadata.</summary>
public static class RateLimitPolicies
{
    public const string SignIn = nameof(RateLimitOptions.SignIn);
    public const string Registration = nameof(RateLimitOptions.Registration);
    public const string PasswordReset = nameof(RateLimitOptions.PasswordReset);
    public const string ProblemReports = nameof(RateLimitOptions.ProblemReports);
    public const string OpenData = nameof(RateLimitOptions.OpenData);
}

/// <summary>
/// Endpoint metadata: requests to this endpoint count against <paramref name="Policy"/>. Form posts count; reads
/// count only when <paramref name="CountsReads"/> (the API). <paramref name="AccountField"/> names the form field
/// holding the account's e-mail address.
/// </summary>
public sealed record RateLimitedEndpoint(string Policy, string? AccountField = null, bool CountsReads = false);

/// <summary>Registers ASP.NET Core's rate limiter with the portal's policies and attaches them to the pages they guard.</summary>
public static class RateLimits
{
    private const string EmailField = "Input.Email";

    public static IServiceCollection AddPortalRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section))
            .Validate(AllLimitsPositive, "Every RateLimiting limit needs a PermitLimit of at least 1 and a positive Window.")
            .ValidateOnStart();
        // The limiter's options depend on configuration and logging from the container, hence Configure<…> after it.
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>, ILoggerFactory>((options, limits, loggers) =>
        {
            var logger = loggers.CreateLogger(typeof(RateLimits));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, limits.Value, p => p.PerIp, ClientNetwork)),
                PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, limits.Value, p => p.PerAccount, Account)));
            options.OnRejected = (rejected, cancellationToken) => RejectAsync(rejected, logger);
        });

        // Identity's pages (the portal's own and the packaged ones alike) get their policy by convention, so the
        // pages themselves stay as Identity scaffolds them.
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(options =>
        {
            void Guard(string page, string policy, string? accountField) =>
                options.Conventions.AddAreaPageApplicationModelConvention("Identity", page, model => model.EndpointMetadata.Add(new RateLimitedEndpoint(policy, accountField)));

            Guard("/Account/Login", RateLimitPolicies.SignIn, EmailField);
            Guard("/Account/LoginWith2fa", RateLimitPolicies.SignIn, null);
            Guard("/Account/LoginWithRecoveryCode", RateLimitPolicies.SignIn, null);
            Guard("/Account/Manage/ChangePassword", RateLimitPolicies.SignIn, null);
            Guard("/Account/Manage/DeletePersonalData", RateLimitPolicies.SignIn, null);
            Guard("/Account/Register", RateLimitPolicies.Registration, EmailField);
            Guard("/Account/ResendEmailConfirmation", RateLimitPolicies.Registration, EmailField);
            Guard("/Account/ForgotPassword", RateLimitPolicies.PasswordReset, EmailField);
            Guard("/Account/ResetPassword", RateLimitPolicies.PasswordReset, EmailField);
            Guard("/Account/AcceptInvitation", RateLimitPolicies.PasswordReset, null);
            options.Conventions.AddPageApplicationModelConvention("/Referrals/Answer", model => model.EndpointMetadata.Add(new RateLimitedEndpoint(RateLimitPolicies.ProblemReports)));
            options.Conventions.AddPageApplicationModelConvention("/Offers/Details", model => model.EndpointMetadata.Add(new RateLimitedEndpoint(RateLimitPolicies.ProblemReports, "Report.Email")));
        });
        return services;
    }

    /// <summary>The rate limiter, after routing (it reads the endpoint's policy) and authentication (the signed-in account).</summary>
    public static WebApplication UsePortalRateLimiter(this WebApplication app)
    {
        // The limiter picks partitions synchronously; the account's e-mail address is in the form, so the form of a
        // guarded post is read first (it stays buffered for model binding). An unreadable form is left to antiforgery.
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<RateLimitedEndpoint>() is { AccountField: not null } && context.Request.HasFormContentType)
            {
                try
                {
                    await context.Request.ReadFormAsync(context.RequestAborted);
                }
                catch (Exception exception) when (exception is InvalidDataException or IOException)
                {
                    // Counted per address only; the page's antiforgery check answers 400.
                }
            }

            await next(context);
        });
        app.UseRateLimiter();
        return app;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitOptions options, Func<RateLimitPolicy, RateLimit?> pick, Func<HttpContext, RateLimitedEndpoint, string?> key)
    {
        if (!options.Enabled
            || context.GetEndpoint()?.Metadata.GetMetadata<RateLimitedEndpoint>() is not { } endpoint
            || (!endpoint.CountsReads && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
            || options.For(endpoint.Policy) is not { } policy
            || pick(policy) is not { } limit
            || key(context, endpoint) is not { } partition)
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        return RateLimitPartition.GetFixedWindowLimiter($"{endpoint.Policy}|{partition}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    /// <summary>The client's address (after trusted forwarded headers); IPv6 clients by their /64 network.</summary>
    private static string? ClientNetwork(HttpContext context, RateLimitedEndpoint endpoint)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }

        return address.ToString();
    }

    private static string? Account(HttpContext context, RateLimitedEndpoint endpoint)
    {
        var typed = endpoint.AccountField is { } field && context.Request.HasFormContentType && context.Features.Get<Microsoft.AspNetCore.Http.Features.IFormFeature>()?.Form is { } form
            ? form[field].ToString()
            : null;
        var account = string.IsNullOrWhiteSpace(typed) && context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : typed;
        if (string.IsNullOrWhiteSpace(account))
        {
            return null;
        }

        // As Identity normalises user names, so "Ann@x.se " and "ann@x.se" share a partition; bounded in length.
        var normalized = account.Trim().ToUpperInvariant();
        return normalized.Length > 256 ? normalized[..256] : normalized;
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, ILogger logger)
    {
        var context = rejected.HttpContext;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        var policy = context.GetEndpoint()?.Metadata.GetMetadata<RateLimitedEndpoint>()?.Policy;
        logger.LogWarning("Rate limit {Policy} reached: {Method} {Path} from {ClientAddress}", policy, context.Request.Method, context.Request.Path.Value, context.Connection.RemoteIpAddress);

        // The API answers as an API; pages get the friendly 429 page from the status code pages.
        if (policy == RateLimitPolicies.OpenData)
        {
            await Results.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many requests",
                detail: "This client has made more requests than the open-data API allows. Wait for the number of seconds in Retry-After.").ExecuteAsync(context);
        }
    }

    private static bool AllLimitsPositive(RateLimitOptions options) =>
        new[] { options.SignIn, options.Registration, options.PasswordReset, options.ProblemReports, options.OpenData }
            .SelectMany(p => new[] { p.PerIp, p.PerAccount })
            .All(l => l is null || (l.PermitLimit >= 1 && l.Window > TimeSpan.Zero));
}
