using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Privacy;
using MediconGlobal.Core.Security;
using MediconGlobal.Core.Time;
using MediconGlobal.Web.Infrastructure.Localisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MediconGlobal.Web.Infrastructure;

public static class PortalServiceCollectionExtensions
{
    public static IServiceCollection AddPortalServices(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<DisplayTimeOptions>().Bind(configuration.GetSection(DisplayTimeOptions.Section))
            .Validate(o => DisplayTime.IsKnownZone(o.DisplayTimeZone), "Portal:DisplayTimeZone must be a time zone id this system knows, e.g. Europe/Stockholm.")
            .ValidateOnStart();
        services.AddSingleton(provider => DisplayTime.For(provider.GetRequiredService<IOptions<DisplayTimeOptions>>().Value.DisplayTimeZone));
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddScoped<ActorNames>();
        services.AddSingleton<DatabaseInitializer>();
        // Read models older than the data are built again in the background; requests wait for that a moment (ADR 1210).
        services.AddOptions<ReadModelOptions>().Bind(configuration.GetSection(ReadModelOptions.Section));
        services.AddSingleton(provider => new ReadModelRebuilds(
            provider.GetRequiredService<IServiceScopeFactory>(),
            provider.GetRequiredService<IOptions<ReadModelOptions>>().Value.RebuildWait,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<ReadModelRebuilds>>()));
        services.AddSingleton<Core.Catalogue.CatalogueCache>();
        services.AddScoped<Core.Catalogue.FoundNothing.EmptySearchLog>();
        services.AddSingleton<Core.Reports.Gaps.NeedFactsCache>();
        services.AddSingleton<Core.Reports.Dashboard.ReferralFunnelCache>();
        services.AddSingleton<Core.Clients.CaseloadCache>();
        services.AddSingleton<Core.Landscape.NetworkCache>();
        services.AddHostedService<NetworkRefresher>();
        services.AddPortalAddressAndMail(configuration, environment);
        // Figures partners see and every export are perturbed with keys from this secret (ADR 1801); without
        // it the portal does not start, rather than publish figures it cannot protect.
        services.AddOptions<PrivacyOptions>().Bind(configuration.GetSection(PrivacyOptions.SectionName))
            .Validate(o => o.SecretBytes() is not null, $"Set {PrivacyOptions.SectionName}:CellKeySecret to base64 of at least {SmallCellProtection.MinimumSecretBytes} random bytes (openssl rand -base64 32).")
            .ValidateOnStart();
        services.AddSingleton(provider => new SmallCellProtection(provider.GetRequiredService<IOptions<PrivacyOptions>>().Value.SecretBytes()!));
        services.AddScoped<Pages.Shortlist.ShortlistStore>();

        services.AddPortalDataProtection(configuration, environment);
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        services.AddPortalLocalisation(configuration);
        return services;
    }

    public static IServiceCollection AddPortalIdentity(this IServiceCollection services)
    {
        services.AddIdentity<ApplicationUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // An address must be confirmed before it can sign in; reset links work for every account (issue 10 item 13).
                options.SignIn.RequireConfirmedEmail = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                // ASVS 2.1: length and a breached-password list instead of composition rules (ADR 1102).
                options.Password.RequiredLength = Areas.Identity.PasswordPolicy.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserManager<PortalUserManager>()
            .AddSignInManager<PortalSignInManager>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<Areas.Identity.InvitationTokenProvider>(Areas.Identity.InvitationTokenProvider.ProviderName)
            .AddPasswordValidator<Areas.Identity.CommonPasswordValidator>()
            .AddErrorDescriber<Areas.Identity.PortalIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>();
        services.AddScoped<Areas.Identity.AccountMail>();
        services.AddSingleton<Areas.Identity.SignInTiming>();
        services.AddScoped<Pages.Admin.Users.UserAccounts>();
        services.AddScoped<Pages.Referrals.ReferralsByEmail>();
        services.AddScoped<Pages.MyCompany.CompanyMail>();
        services.AddScoped<Pages.Offers.ProblemReportMail>();

        // OWASP ASVS 2.4.3: PBKDF2-HMAC-SHA512 needs at least 120,000 iterations; Identity's default is 100,000.
        // Older hashes are upgraded when their owner next signs in.
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = 210_000);

        // The cookie's name, flags and lifetimes are set by AddPortalSessions.
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Identity/Account/Login";
            options.LogoutPath = "/Identity/Account/Logout";
            options.AccessDeniedPath = "/Identity/Account/AccessDenied";
        });
        return services;
    }

    public static IServiceCollection AddPortalWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthorizationBuilder()
            // Every endpoint requires sign-in unless it says [AllowAnonymous].
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Administration, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.UserInvitation, p => p.RequireRole(Roles.Administrator, Roles.ProjectManager))
            .AddPolicy(Policies.ProjectManagement, p => p.RequireRole(Roles.ProjectManager, Roles.Administrator))
            .AddPolicy(Policies.Advising, p => p.RequireRole(Roles.Advisor, Roles.ProjectManager, Roles.Administrator))
            .AddPolicy(Policies.PartnerManagement, p => p.RequireRole(Roles.PartnerStaff, Roles.Administrator))
            .AddPolicy(Policies.Referrals, p => p.RequireRole(Roles.Advisor, Roles.PartnerStaff, Roles.ProjectManager, Roles.Administrator))
            .AddPolicy(Policies.Founder, p => p.RequireRole(Roles.Startup))
            .AddPolicy(Policies.Activities, p => p.RequireRole(Roles.ProjectManager, Roles.Administrator, Roles.PartnerStaff))
            .AddPolicy(Policies.Reports, p => p.RequireRole(Roles.ProjectManager, Roles.Administrator, Roles.Advisor, Roles.PartnerStaff));

        services.AddRazorPages()
            // Forms are validated by their FluentValidation validators; MVC's implicit [Required] on
            // non-nullable strings would only repeat those messages in different words.
            .AddMvcOptions(options =>
            {
                options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                options.Filters.Add<UnknownHandlerFilter>();
                options.Filters.Add<SafeLocalRedirectFilter>();
                options.ModelBinderProviders.Insert(0, new BooleanModelBinderProvider());
                options.ModelBinderProviders.Insert(0, new TextModelBinderProvider());
                options.ModelBinderProviders.Insert(0, new NumberModelBinderProvider());
                options.ModelBinderProviders.Insert(0, new DateModelBinderProvider());
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options => options.DataAnnotationLocalizerProvider = (_, localizers) => localizers.Create(typeof(Resources.SharedResource)));
        services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<Microsoft.AspNetCore.Mvc.MvcOptions>, BindingMessages>();
        Api.HsdsOpenApi.AddHsdsOpenApi(services);
        services.AddPortalClientValidation();
        return services;
    }
}
