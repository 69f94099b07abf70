using System.Net;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Clients;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Account;

/// <summary>Issue 11 item 5: the "Your account" pages — name, password, e-mail change with confirmation — with bad input as messages.</summary>
public sealed class ManageAccountTests : IAsyncLifetime
{
    private const string NewPassphrase = "seven quiet harbour lights";

    private readonly PortalFactory _portal = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Profile_EmptyName_ShowsAMessage_AndAValidNameIsSavedAndShown()
    {
        var client = await _portal.SignedInClientAsync("profile@example.test", Roles.Advisor, "smile");
        var page = await client.GetPageAsync("/Identity/Account/Manage");

        var empty = await client.SubmitAsync(page, "#profile", new Dictionary<string, string> { ["Input.DisplayName"] = " " });
        Assert.Contains("Enter your name.", (await empty.ParseBodyAsync()).ValidationMessages());

        (await client.SubmitAsync(page, "#profile", new Dictionary<string, string> { ["Input.DisplayName"] = "Agnes Advisor" })).AssertRedirectsTo("/Identity/Account/Manage");
        Assert.Equal("Agnes Advisor", await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == "profile@example.test").Select(u => u.DisplayName).SingleAsync()));
        Assert.Contains("Agnes Advisor", (await client.GetPageAsync("/")).QuerySelector(".account-link")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentOrCommonNew_ShowMessages_AndAGoodOneWorksAtTheNextSignIn()
    {
        var client = await _portal.SignedInClientAsync("change@example.test", Roles.Advisor, "smile");
        var page = await client.GetPageAsync("/Identity/Account/Manage/ChangePassword");

        var wrongCurrent = await client.SubmitAsync(page, "#change-password", Fields("not my password at all", NewPassphrase));
        Assert.Contains("The password is not correct.", (await wrongCurrent.ParseBodyAsync()).ValidationMessages());
        var common = await client.SubmitAsync(page, "#change-password", Fields(PortalFactory.Password, "qwertyuiop123"));
        Assert.Contains((await common.ParseBodyAsync()).ValidationMessages(), m => m.Contains("most common", StringComparison.Ordinal));

        (await client.SubmitAsync(page, "#change-password", Fields(PortalFactory.Password, NewPassphrase))).AssertRedirectsTo("/Identity/Account/Manage/ChangePassword");
        await _portal.CreatePortalClient().SignInAsync("change@example.test", NewPassphrase);
    }

    [Fact]
    public async Task ChangeEmail_TakesThePassword_AndChangesOnlyOnceTheNewAddressIsConfirmed()
    {
        var client = await _portal.SignedInClientAsync("old-address@example.test", Roles.Advisor, "smile");
        var page = await client.GetPageAsync("/Identity/Account/Manage/Email");

        var noPassword = await client.SubmitAsync(page, "#change-email", new Dictionary<string, string> { ["Input.NewEmail"] = "new-address@example.test", ["Input.Password"] = "" });
        Assert.Contains("Enter your current password.", (await noPassword.ParseBodyAsync()).ValidationMessages());
        (await client.SubmitAsync(page, "#change-email", new Dictionary<string, string> { ["Input.NewEmail"] = "new-address@example.test", ["Input.Password"] = PortalFactory.Password }))
            .AssertRedirectsTo("/Identity/Account/Manage/Email");
        Assert.Equal("old-address@example.test", await _portal.WithDbAsync(db => db.Users.Select(u => u.Email).SingleAsync()));

        var link = Mailbox.LinkIn(await _portal.Mailbox.WaitForAsync("new-address@example.test"), "ConfirmEmailChange");
        await client.GetPageAsync(Mailbox.Local(link));

        var user = await _portal.WithDbAsync(db => db.Users.SingleAsync());
        Assert.Equal(("new-address@example.test", "new-address@example.test"), (user.Email, user.UserName));
        await _portal.CreatePortalClient().SignInAsync("new-address@example.test", PortalFactory.Password);
    }

    [Fact]
    public async Task ChangeEmail_ToAnAddressTakenMeanwhile_SaysSo_AndChangesNothing()
    {
        var client = await _portal.SignedInClientAsync("first@example.test", Roles.Advisor, "smile");
        var page = await client.GetPageAsync("/Identity/Account/Manage/Email");
        await client.SubmitAsync(page, "#change-email", new Dictionary<string, string> { ["Input.NewEmail"] = "wanted@example.test", ["Input.Password"] = PortalFactory.Password });
        var link = Mailbox.LinkIn(await _portal.Mailbox.WaitForAsync("wanted@example.test"), "ConfirmEmailChange");
        await _portal.CreateUserAsync("wanted@example.test", Roles.Startup);

        var response = await client.GetAsync(Mailbox.Local(link));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Another account already uses wanted@example.test", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await _portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "first@example.test")));
    }

    private static Dictionary<string, string> Fields(string current, string next) => new()
    {
        ["Input.OldPassword"] = current,
        ["Input.Password"] = next,
        ["Input.ConfirmPassword"] = next,
    };
}
