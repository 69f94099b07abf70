using System.Net;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Clients;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Account;

/// <summary>Issue 11 item 5: authenticator app with QR code, recovery codes, and the second sign-in step.</summary>
public sealed class TwoFactorAuthenticationTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task EnableAuthenticator_ShowsAQrCodeAndKey_AndACorrectCodeTurnsItOnWithTenRecoveryCodes()
    {
        var client = await _portal.SignedInClientAsync("twofa@example.test", Roles.Advisor, "smile");
        var setup = await client.GetPageAsync("/Identity/Account/Manage/EnableAuthenticator");
        Assert.StartsWith("data:image/png;base64,", setup.QuerySelector("img.qr-code")!.GetAttribute("src"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(setup.QuerySelector("img.qr-code")!.GetAttribute("alt")));

        var (_, codes) = await TwoFactor.EnableAsync(client);

        Assert.Equal(10, codes.Count);
        Assert.True(await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == "twofa@example.test").Select(u => u.TwoFactorEnabled).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Identity/Account/Manage/ShowRecoveryCodes")).StatusCode);
    }

    [Fact]
    public async Task OpeningTheSetUpPage_KeepsTheOtherDevicesSignedIn_TurningItOnEndsThem()
    {
        var laptop = await _portal.SignedInClientAsync("two-devices@example.test", Roles.Advisor, "smile");
        var phone = _portal.CreatePortalClient();
        await phone.SignInAsync("two-devices@example.test", PortalFactory.Password);

        await phone.GetPageAsync("/Identity/Account/Manage/EnableAuthenticator");
        await phone.GetPageAsync("/Identity/Account/Manage/EnableAuthenticator");

        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/clients")).StatusCode);
        await TwoFactor.EnableAsync(phone);
        Assert.Equal(HttpStatusCode.Redirect, (await laptop.GetAsync("/clients")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/clients")).StatusCode);
    }

    [Fact]
    public async Task EnableAuthenticator_WrongCode_SaysSo_AndLeavesItOff()
    {
        var client = await _portal.SignedInClientAsync("wrongcode@example.test", Roles.Advisor, "smile");
        var setup = await client.GetPageAsync("/Identity/Account/Manage/EnableAuthenticator");

        var response = await client.SubmitAsync(setup, "#verify-authenticator", new Dictionary<string, string> { ["Code"] = "000000" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains((await response.ParseBodyAsync()).ValidationMessages(), m => m.StartsWith("That code is not correct", StringComparison.Ordinal));
        Assert.False(await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == "wrongcode@example.test").Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task SignIn_WithTwoFactor_AsksForTheCode_AndTheAppsCodeSignsIn()
    {
        var key = await EnabledUserAsync("second-step@example.test");
        var client = _portal.CreatePortalClient();

        var step = await TwoFactor.PasswordStepAsync(client, "second-step@example.test", PortalFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Identity/Account/Manage")).StatusCode);
        var wrong = await client.SubmitAsync(step, "#two-factor", new Dictionary<string, string> { ["Code"] = "123 45" });
        Assert.Contains((await wrong.ParseBodyAsync()).ValidationMessages(), m => m.StartsWith("That code is not correct", StringComparison.Ordinal));
        var right = await client.SubmitAsync(step, "#two-factor", new Dictionary<string, string> { ["Code"] = TwoFactor.CodeFor(key) });

        right.AssertRedirectsTo("/");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Identity/Account/Manage")).StatusCode);
    }

    [Fact]
    public async Task SignIn_WithARecoveryCode_WorksOnce()
    {
        var owner = await _portal.SignedInClientAsync("recovery@example.test", Roles.Advisor, "smile");
        var (_, codes) = await TwoFactor.EnableAsync(owner);

        var first = _portal.CreatePortalClient();
        await TwoFactor.PasswordStepAsync(first, "recovery@example.test", PortalFactory.Password);
        var form = await first.GetPageAsync("/Identity/Account/LoginWithRecoveryCode");
        (await first.SubmitAsync(form, "#recovery-code", new Dictionary<string, string> { ["RecoveryCode"] = codes[0] })).AssertRedirectsTo("/");

        var again = _portal.CreatePortalClient();
        await TwoFactor.PasswordStepAsync(again, "recovery@example.test", PortalFactory.Password);
        var secondForm = await again.GetPageAsync("/Identity/Account/LoginWithRecoveryCode");
        var reused = await again.SubmitAsync(secondForm, "#recovery-code", new Dictionary<string, string> { ["RecoveryCode"] = codes[0] });
        Assert.Contains("That recovery code is not valid or was already used.", (await reused.ParseBodyAsync()).ValidationMessages());
    }

    [Fact]
    public async Task Disable_ThenSignIn_NeedsOnlyThePassword()
    {
        await EnabledUserAsync("disable@example.test");
        var client = _portal.CreatePortalClient();
        var step = await TwoFactor.PasswordStepAsync(client, "disable@example.test", PortalFactory.Password);
        var key = await _portal.WithDbAsync(db => db.UserTokens.Where(t => t.Name == "AuthenticatorKey").Select(t => t.Value).SingleAsync());
        await client.SubmitAsync(step, "#two-factor", new Dictionary<string, string> { ["Code"] = TwoFactor.CodeFor(key!) });

        var disable = await client.GetPageAsync("/Identity/Account/Manage/Disable2fa");
        (await client.SubmitAsync(disable, "#disable-2fa")).AssertRedirectsTo("/Identity/Account/Manage/TwoFactorAuthentication");

        await _portal.CreatePortalClient().SignInAsync("disable@example.test", PortalFactory.Password);
    }

    private async Task<string> EnabledUserAsync(string email)
    {
        var client = await _portal.SignedInClientAsync(email, Roles.Advisor, "smile");
        return (await TwoFactor.EnableAsync(client)).Key;
    }
}
