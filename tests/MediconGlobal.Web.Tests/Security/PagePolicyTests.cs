using System.Reflection;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace MediconGlobal.Web.Tests.Security;

/// <summary>
/// Every endpoint the portal maps is public by decision, open to any signed-in person by decision, or behind a
/// named policy of <see cref="Policies"/> (ASVS 4.1.1, 4.1.3; issue 15 item 7; docs/security.md). The lists below
/// are the decisions: a new page or endpoint fails this test until it is put in one of them or given a policy,
/// so nothing becomes public, or open to every role, by omission.
/// </summary>
public sealed class PagePolicyTests : IAsyncLifetime
{
    /// <summary>
    /// Reachable without signing in: the catalogue, the guided path, organisations and programmes (public by the
    /// brief), open data and the HSDS API, sign-in and account recovery, the language switch (issue 14 item 3), the signed answer link of ADR 1105, the
    /// alert e-mails' unsubscribe link (ADR 1760), the
    /// Development mailbox (a 404 elsewhere), health, and the friendly 404 for unknown addresses.
    /// </summary>
    private static readonly string[] Public =
    [
        "/",
        "/Error",
        "/Identity/Account/AcceptInvitation",
        "/Identity/Account/AccessDenied",
        "/Identity/Account/ConfirmEmail",
        "/Identity/Account/ConfirmEmailChange",
        "/Identity/Account/ForgotPassword",
        "/Identity/Account/ForgotPasswordConfirmation",
        "/Identity/Account/Login",
        "/Identity/Account/LoginWith2fa",
        "/Identity/Account/LoginWithRecoveryCode",
        "/Identity/Account/Logout",
        "/Identity/Account/Register",
        "/Identity/Account/RegisterConfirmation",
        "/Identity/Account/ResendEmailConfirmation",
        "/Identity/Account/ResetPassword",
        "/Identity/Account/ResetPasswordConfirmation",
        "/Index",
        "/accessibility",
        "/api/hsds/",
        "/api/hsds/export.zip",
        "/api/hsds/organizations",
        "/api/hsds/organizations/{id}",
        "/api/hsds/programs",
        "/api/hsds/service_at_locations/{**rest}",
        "/api/hsds/services",
        "/api/hsds/services/{id}",
        "/api/hsds/taxonomies",
        "/api/hsds/taxonomies/{id}",
        "/api/hsds/taxonomy_terms",
        "/api/hsds/taxonomy_terms/{id}",
        "/api/hsds/{**rest}",
        "/api/{documentName}/openapi.json",
        "/dev/mail",
        "/find-support",
        "/health",
        "/language",
        "/offers",
        "/offers/{id:int}",
        "/open-data",
        "/organisations",
        "/organisations/{id:int}",
        "/privacy",
        "/programmes",
        "/programmes/compare",
        "/programmes/{id:int}",
        "/referrals/answer",
        "/saved-searches/unsubscribe",
        "/shortlist",
        "/{*path}",
    ];

    /// <summary>
    /// Any signed-in person, whatever the role: their own account and notifications (the fallback policy), and the
    /// follow-up form of a completed referral, which advisors and founders both answer; its query lets in only the
    /// referring side's advisors and the company's founders (404 for everyone else, ADR 1777).
    /// </summary>
    private static readonly string[] AnySignedIn =
    [
        "/Identity/Account/Manage",
        "/Identity/Account/Manage/ChangePassword",
        "/Identity/Account/Manage/DeletePersonalData",
        "/Identity/Account/Manage/Disable2fa",
        "/Identity/Account/Manage/Email",
        "/Identity/Account/Manage/EnableAuthenticator",
        "/Identity/Account/Manage/GenerateRecoveryCodes",
        "/Identity/Account/Manage/Index",
        "/Identity/Account/Manage/PersonalData",
        "/Identity/Account/Manage/ResetAuthenticator",
        "/Identity/Account/Manage/ShowRecoveryCodes",
        "/Identity/Account/Manage/TwoFactorAuthentication",
        "/notifications",
        "/referrals/{id:int}/follow-up",
        "/{**path:file}",
    ];

    private readonly PortalFactory _portal = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public void EveryEndpoint_IsPublicOrOpenToAnySignedInPersonByDecision_OrBehindANamedPolicy()
    {
        _ = _portal.CreatePortalClient();
        var named = typeof(Policies).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        // Static files (css, js, vendored libraries) are public by the one line that maps them all.
        var endpoints = _portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            .Select(e => (Route: "/" + (e.RoutePattern.RawText ?? string.Empty).TrimStart('/'), e.Metadata))
            .ToList();

        var anonymous = new SortedSet<string>(StringComparer.Ordinal);
        var signedIn = new SortedSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (route, metadata) in endpoints)
        {
            var authorize = metadata.GetOrderedMetadata<IAuthorizeData>();
            var policies = authorize.Select(a => a.Policy).OfType<string>().ToList();
            if (authorize.Any(a => !string.IsNullOrEmpty(a.Roles)))
            {
                problems.Add($"{route}: roles named on the endpoint instead of a policy");
            }

            problems.AddRange(policies.Where(p => !named.Contains(p)).Select(p => $"{route}: policy '{p}' is not in Policies"));
            if (metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                anonymous.Add(route);
            }
            else if (policies.Count == 0)
            {
                signedIn.Add(route);
            }
        }

        Assert.Empty(problems);
        Assert.True(Public.SequenceEqual(anonymous), "Public endpoints by decision differ from the mapped ones. Mapped:\n" + string.Join("\n", anonymous.Select(r => $"        \"{r}\",")));
        Assert.True(AnySignedIn.SequenceEqual(signedIn), "Endpoints open to any signed-in person differ from the decision. Mapped:\n" + string.Join("\n", signedIn.Select(r => $"        \"{r}\",")));
    }

    [Fact]
    public async Task TheFallbackPolicy_RequiresSignIn()
    {
        _ = _portal.CreatePortalClient();
        var fallback = await _portal.Services.GetRequiredService<IAuthorizationPolicyProvider>().GetFallbackPolicyAsync();

        Assert.NotNull(fallback);
        Assert.Contains(fallback.Requirements, r => r is Microsoft.AspNetCore.Authorization.Infrastructure.DenyAnonymousAuthorizationRequirement);
    }
}
