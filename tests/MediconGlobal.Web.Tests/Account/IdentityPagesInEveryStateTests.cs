using System.Net;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Clients;
using MediconGlobal.Web.Tests.Infrastructure;

namespace MediconGlobal.Web.Tests.Account;

/// <summary>
/// Issue 11 item 5: no Identity page answers 500 in any state. Every page the portal exposes is opened (and the
/// state-dependent ones posted to) as a visitor, a signed-in person without and with two-factor authentication,
/// and someone half-way through a two-factor sign-in; the packaged pages the portal does not use are 404s.
/// </summary>
public sealed class IdentityPagesInEveryStateTests : IAsyncLifetime
{
    public static readonly string[] Pages =
    [
        "Account/Login", "Account/LoginWith2fa", "Account/LoginWithRecoveryCode", "Account/Logout", "Account/AccessDenied",
        "Account/Register", "Account/RegisterConfirmation", "Account/ConfirmEmail", "Account/ConfirmEmailChange",
        "Account/ForgotPassword", "Account/ForgotPasswordConfirmation", "Account/ResetPassword", "Account/ResetPasswordConfirmation",
        "Account/ResendEmailConfirmation",
        "Account/Manage", "Account/Manage/Index", "Account/Manage/Email", "Account/Manage/ChangePassword",
        "Account/Manage/TwoFactorAuthentication", "Account/Manage/EnableAuthenticator", "Account/Manage/ShowRecoveryCodes",
        "Account/Manage/GenerateRecoveryCodes", "Account/Manage/ResetAuthenticator", "Account/Manage/Disable2fa",
        "Account/Manage/PersonalData", "Account/Manage/DeletePersonalData",
    ];

    /// <summary>Pages of the packaged Identity UI (up to .NET 10) that the portal does not offer.</summary>
    public static readonly string[] NotOffered =
    [
        "Account/Lockout", "Account/ExternalLogin", "Account/LoginWithPasskey", "Account/Manage/ExternalLogins",
        "Account/Manage/SetPassword", "Account/Manage/DownloadPersonalData", "Account/Manage/Passkeys", "Account/Manage/RenamePasskey",
    ];

    /// <summary>Pages whose POST depends on the two-factor state.</summary>
    private static readonly string[] StatePosts =
    [
        "Account/LoginWith2fa", "Account/LoginWithRecoveryCode", "Account/Manage/GenerateRecoveryCodes", "Account/Manage/Disable2fa",
        "Account/Manage/EnableAuthenticator", "Account/Manage/ResetAuthenticator", "Account/Manage/TwoFactorAuthentication?handler=ForgetBrowser",
        "Account/Manage/PersonalData?handler=Download",
    ];

    private readonly PortalFactory _portal = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task EveryIdentityPage_InEveryState_AnswersWithoutAServerError()
    {
        var states = new Dictionary<string, HttpClient>
        {
            ["visitor"] = _portal.CreatePortalClient(),
            ["signed in"] = await _portal.SignedInClientAsync("plain@example.test", Roles.Startup, companyId: null),
            ["signed in with 2FA"] = await _portal.SignedInClientAsync("twofa-on@example.test", Roles.Advisor, "smile"),
        };
        var key = (await TwoFactor.EnableAsync(states["signed in with 2FA"])).Key;
        var halfway = _portal.CreatePortalClient();
        await TwoFactor.PasswordStepAsync(halfway, "twofa-on@example.test", PortalFactory.Password);
        states["half-way through 2FA sign-in"] = halfway;
        Assert.NotEmpty(key);

        var failures = new List<string>();
        foreach (var (state, client) in states)
        {
            foreach (var page in Pages)
            {
                var response = await client.GetAsync($"/Identity/{page}");
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"GET {page} as {state}: {(int)response.StatusCode}");
                }
            }

            foreach (var page in StatePosts)
            {
                var response = await PostWithTokenAsync(client, $"/Identity/{page}");
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"POST {page} as {state}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Posts a code with a valid antiforgery token for the client's current state (taken from a page every state can open).</summary>
    private static async Task<HttpResponseMessage> PostWithTokenAsync(HttpClient client, string url)
    {
        var page = await client.GetPageAsync("/Identity/Account/ForgotPassword");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Code"] = "123456",
            ["RecoveryCode"] = "abc",
        }));
    }

    [Fact]
    public async Task SecondStepPages_WithoutAFirstStep_SendThePersonBackToSignIn()
    {
        var client = _portal.CreatePortalClient();

        (await client.GetAsync("/Identity/Account/LoginWith2fa")).AssertRedirectsTo("/Identity/Account/Login");
        (await client.GetAsync("/Identity/Account/LoginWithRecoveryCode")).AssertRedirectsTo("/Identity/Account/Login");
    }

    [Fact]
    public async Task ManagePages_AsAVisitor_AskToSignIn()
    {
        var client = _portal.CreatePortalClient();

        foreach (var page in Pages.Where(p => p.StartsWith("Account/Manage", StringComparison.Ordinal)))
        {
            (await client.GetAsync($"/Identity/{page}")).AssertRedirectsTo("/Identity/Account/Login");
        }
    }

    [Fact]
    public async Task PackagedPagesThePortalDoesNotOffer_AreNotFound_SignedInOrNot()
    {
        var visitor = _portal.CreatePortalClient();
        var signedIn = await _portal.SignedInClientAsync("notoffered@example.test", Roles.Advisor, "smile");

        foreach (var page in NotOffered)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/Identity/{page}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await signedIn.GetAsync($"/Identity/{page}")).StatusCode);
        }
    }
}
