using System.Net;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MediconGlobal.Web.Tests.Account;

/// <summary>
/// Issue 10 item 1 (password-reset poisoning): links in e-mails come from <c>Portal:PublicUrl</c>, which start-up
/// requires and checks outside Development, and the portal only answers to its own host names.
/// </summary>
public sealed class PublicAddressTests
{
    [Fact]
    public async Task ForgotPassword_SentWithAForeignHostHeader_MailsALinkToThePublicAddress()
    {
        // AllowedHosts "*" takes host filtering out of the way: the link must be right even then.
        await using var portal = new PortalFactory(settings: new Dictionary<string, string?> { ["AllowedHosts"] = "*" });
        await portal.CreateUserAsync("founder@example.test", Roles.Startup);
        var client = portal.CreatePortalClient();
        var page = await client.GetPageAsync("/Identity/Account/ForgotPassword");

        client.DefaultRequestHeaders.Host = "evil.example";
        var response = await client.SubmitAsync(page, "#forgot-password", new Dictionary<string, string> { ["Input.Email"] = "founder@example.test" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var mail = await portal.Mailbox.WaitForAsync("founder@example.test");
        var link = Mailbox.LinkIn(mail, "/Identity/Account/ResetPassword");
        Assert.StartsWith($"{Mailbox.PublicUrl}/Identity/Account/ResetPassword?code=", link, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", mail.TextBody + mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ShortlistShareLink_AskedForWithAForeignHostHeader_PointsToThePublicAddress()
    {
        await using var portal = new PortalFactory(settings: new Dictionary<string, string?> { ["AllowedHosts"] = "*" });
        var client = portal.CreatePortalClient();
        client.DefaultRequestHeaders.Host = "evil.example";

        var offerId = await portal.WithDbAsync(db => db.Offers.Where(o => o.SeedKey == "is-advisory-legal").Select(o => o.Id).SingleAsync());
        var catalogue = await client.GetPageAsync("/offers?q=advisory");
        await client.SubmitAsync(catalogue, $"form.shortlist-toggle:has(input[name='offerId'][value='{offerId}'])");

        var page = await client.GetPageAsync("/shortlist");

        var link = ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#share-link")!).Value;
        Assert.StartsWith($"{Mailbox.PublicUrl}/shortlist?offers=", link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_WithAHostThatIsNotThePortals_IsRefused_OutsideDevelopment()
    {
        await using var portal = new PortalFactory();
        var client = portal.CreatePortalClient();
        client.DefaultRequestHeaders.Host = "evil.example";

        var response = await client.GetAsync("/Identity/Account/ForgotPassword");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Request_ToThePublicHostOrLocalhost_IsServed()
    {
        await using var portal = new PortalFactory();
        var client = portal.CreatePortalClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        client.DefaultRequestHeaders.Host = "portal.test";
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Theory]
    [InlineData("Production", "", "Portal:PublicUrl is required")]
    [InlineData("Testing", "", "Portal:PublicUrl is required")]
    [InlineData("Production", "http://portal.example.org", "must use https")]
    [InlineData("Production", "https://portal.example.org/?tenant=1", "without query")]
    [InlineData("Production", "portal.example.org", "must be an absolute http(s) address")]
    public async Task Start_WithAMissingOrUnsafePublicUrl_Fails_NamingTheSetting(string environment, string publicUrl, string expected)
    {
        await using var portal = new PortalFactory(environment, settings: new Dictionary<string, string?> { ["Portal:PublicUrl"] = publicUrl });

        var failure = Assert.Throws<OptionsValidationException>(() => portal.CreatePortalClient());

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_OutsideDevelopment_WithNowhereToSendMail_Fails()
    {
        await using var portal = new PortalFactory("Production", settings: new Dictionary<string, string?> { ["Email:PickupFolder"] = "" });

        var failure = Assert.Throws<OptionsValidationException>(() => portal.CreatePortalClient());

        Assert.Contains("Email:SmtpHost", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InProduction_WithAnHttpsPublicUrl_Serves()
    {
        await using var portal = new PortalFactory("Production");

        var response = await portal.CreatePortalClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
