using System.Net;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Infrastructure;

namespace MediconGlobal.Web.Tests.Account;

/// <summary>Issue 11 item 6: Development writes every e-mail as an .eml file and lists them at /dev/mail; elsewhere that page does not exist.</summary>
public sealed class DevelopmentMailboxTests
{
    [Fact]
    public async Task DevMail_InDevelopment_ListsTheMessagesWithTheirFullTextAndLinks()
    {
        await using var portal = new PortalFactory("Development");
        await portal.CreateUserAsync("mailbox@example.test", Roles.Startup);
        var client = portal.CreatePortalClient();
        var form = await client.GetPageAsync("/Identity/Account/ForgotPassword");
        await client.SubmitAsync(form, "#forgot-password", new Dictionary<string, string> { ["Input.Email"] = "mailbox@example.test" });
        var mail = await portal.Mailbox.WaitForAsync("mailbox@example.test");

        var page = await client.GetPageAsync("/dev/mail?to=mailbox@example.test");

        var shown = Assert.Single(page.QuerySelectorAll("article.dev-mail"));
        Assert.Contains(mail.Subject, shown.TextContent, StringComparison.Ordinal);
        var link = Mailbox.LinkIn(mail, "ResetPassword");
        Assert.Contains(shown.QuerySelectorAll(".mail-body a"), a => a.GetAttribute("href") == link);
        Assert.True(File.Exists(Path.Combine(portal.Mailbox.Folder, mail.Id + ".eml")));
    }

    [Theory]
    [InlineData("Testing")]
    [InlineData("Production")]
    public async Task DevMail_OutsideDevelopment_IsNotFound(string environment)
    {
        await using var portal = new PortalFactory(environment);

        var response = await portal.CreatePortalClient().GetAsync("/dev/mail");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Mail_OutsideDevelopment_WithAPickupFolder_IsWrittenThereWithTextAndHtml()
    {
        await using var portal = new PortalFactory("Production");
        await portal.CreateUserAsync("pickup@example.test", Roles.Advisor, "smile");
        var client = portal.CreatePortalClient();
        var form = await client.GetPageAsync("/Identity/Account/ForgotPassword");

        await client.SubmitAsync(form, "#forgot-password", new Dictionary<string, string> { ["Input.Email"] = "pickup@example.test" });

        var mail = await portal.Mailbox.WaitForAsync("pickup@example.test");
        var link = Mailbox.LinkIn(mail, "ResetPassword");
        Assert.Contains($"href=\"{System.Net.WebUtility.HtmlEncode(link)}\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("no-reply@mediconglobal.example", mail.From);
    }
}
