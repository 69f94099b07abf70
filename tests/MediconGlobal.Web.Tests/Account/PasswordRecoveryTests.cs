using System.Net;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Clients;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediconGlobal.Web.Tests.Account;

/// <summary>Forgot/reset password for every account (issue 10 item 13, issue 11 item 5), and bad links as messages.</summary>
public sealed class PasswordRecoveryTests : IAsyncLifetime
{
    private const string NewPassword = "a long and quiet passphrase";

    private readonly PortalFactory _portal = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Reset_ForAnAccountThatWasNeverConfirmed_Works_AndConfirmsTheAddress()
    {
        var user = await _portal.CreateUserAsync("unconfirmed@example.test", Roles.Startup);
        await _portal.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.EmailConfirmed, false)));
        var client = _portal.CreatePortalClient();

        var link = await AskForResetAsync(client, "unconfirmed@example.test");
        var form = await client.GetPageAsync(Mailbox.Local(link));
        var response = await client.SubmitAsync(form, "#reset-password", new Dictionary<string, string> { ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword });

        response.AssertRedirectsTo("/Identity/Account/ResetPasswordConfirmation");
        Assert.True(await _portal.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.EmailConfirmed).SingleAsync()));
        await client.SignInAsync("unconfirmed@example.test", NewPassword);
    }

    [Fact]
    public async Task Reset_LinkUsedTwice_SaysItExpired_AndKeepsTheFirstNewPassword()
    {
        await _portal.CreateUserAsync("twice@example.test", Roles.Advisor, "smile");
        var client = _portal.CreatePortalClient();
        var link = await AskForResetAsync(client, "twice@example.test");
        await client.SubmitAsync(await client.GetPageAsync(Mailbox.Local(link)), "#reset-password", new Dictionary<string, string> { ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword });

        var second = await client.SubmitAsync(await client.GetPageAsync(Mailbox.Local(link)), "#reset-password", new Dictionary<string, string> { ["Input.Password"] = "another long passphrase here", ["Input.ConfirmPassword"] = "another long passphrase here" });

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("This link has expired or has already been used. Ask for a new one.", (await second.ParseBodyAsync()).ValidationMessages());
        await client.SignInAsync("twice@example.test", NewPassword);
    }

    [Fact]
    public async Task ForgotPassword_UnknownAddress_AnswersAsForAKnownOne_AndSendsNothing()
    {
        var client = _portal.CreatePortalClient();
        var form = await client.GetPageAsync("/Identity/Account/ForgotPassword");

        var response = await client.SubmitAsync(form, "#forgot-password", new Dictionary<string, string> { ["Input.Email"] = "nobody@example.test" });

        response.AssertRedirectsTo("/Identity/Account/ForgotPasswordConfirmation");
        Assert.Empty(_portal.Mailbox.All());
    }

    [Fact]
    public async Task ForgotPassword_InvalidAddress_ShowsAMessage()
    {
        var client = _portal.CreatePortalClient();
        var form = await client.GetPageAsync("/Identity/Account/ForgotPassword");

        var response = await client.SubmitAsync(form, "#forgot-password", new Dictionary<string, string> { ["Input.Email"] = "not an address" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter a valid e-mail address, like name@example.com.", (await response.ParseBodyAsync()).ValidationMessages());
    }

    [Theory]
    [InlineData("/Identity/Account/ResetPassword")]
    [InlineData("/Identity/Account/ResetPassword?code=%%%")]
    [InlineData("/Identity/Account/ConfirmEmail")]
    [InlineData("/Identity/Account/ConfirmEmail?userId=nobody&code=abc")]
    [InlineData("/Identity/Account/ConfirmEmailChange?userId=nobody&email=x@example.test&code=abc")]
    public async Task AccountLinks_BrokenOrHandMade_AreA400WithAMessage(string url)
    {
        var response = await _portal.CreatePortalClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("alert-danger", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmEmail_FromTheLinkInTheMail_ConfirmsTheAddress()
    {
        var user = await _portal.CreateUserAsync("confirm@example.test", Roles.Startup);
        await _portal.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.EmailConfirmed, false)));
        var client = _portal.CreatePortalClient();
        var form = await client.GetPageAsync("/Identity/Account/ResendEmailConfirmation");
        await client.SubmitAsync(form, "#resend-confirmation", new Dictionary<string, string> { ["Input.Email"] = "confirm@example.test" });
        var link = Mailbox.LinkIn(await _portal.Mailbox.WaitForAsync("confirm@example.test"), "ConfirmEmail");

        await client.GetPageAsync(Mailbox.Local(link));

        Assert.True(await _portal.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.EmailConfirmed).SingleAsync()));
    }

    private async Task<string> AskForResetAsync(HttpClient client, string email)
    {
        var form = await client.GetPageAsync("/Identity/Account/ForgotPassword");
        (await client.SubmitAsync(form, "#forgot-password", new Dictionary<string, string> { ["Input.Email"] = email }))
            .AssertRedirectsTo("/Identity/Account/ForgotPasswordConfirmation");
        return Mailbox.LinkIn(await _portal.Mailbox.WaitForAsync(email), "ResetPassword");
    }
}
