using MediconGlobal.Core.Data.Seed;
using Microsoft.Playwright;

namespace MediconGlobal.Web.Tests.Browser;

/// <summary>Every page of clients, needs, referrals, notifications and founders' requests, on demo data, at desktop and phone widths.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CaseworkPagesTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(1280, "desktop")]
    [InlineData(390, "phone")]
    public async Task AdvisorPages_PassAnAccessibilityScan_AtEachWidth(int width, string label)
    {
        var page = await browser.NewPageAsync(width, 844);
        await page.SignInAsync(DemoAccounts.AdvisorSmile, DemoAccounts.Password);

        await VisitAsync(page, "/clients", $"advisor-clients-{label}");
        await VisitAsync(page, "/clients?focus=Overdue", $"advisor-clients-overdue-{label}");
        var client = await FirstHrefAsync(page, "table.caseload a[href^='/clients/']");
        await VisitAsync(page, client, $"advisor-client-{label}");
        var need = await FirstHrefAsync(page, "a[href*='/needs/']:not([href$='/new'])");
        await VisitAsync(page, need, $"advisor-need-{label}");
        await VisitAsync(page, $"{client}/needs/new", $"advisor-log-need-{label}");
        await VisitAsync(page, $"{client}/edit", $"advisor-edit-client-{label}");
        await VisitAsync(page, "/clients/new", $"advisor-new-client-{label}");
        await VisitAsync(page, "/referrals?focus=All", $"advisor-referrals-{label}");
        await VisitAsync(page, await FirstHrefAsync(page, "main table a[href^='/referrals/']"), $"advisor-referral-{label}");
        await VisitAsync(page, "/notifications", $"advisor-notifications-{label}");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1280, "desktop")]
    [InlineData(390, "phone")]
    public async Task PartnerAndFounderPages_PassAnAccessibilityScan_AtEachWidth(int width, string label)
    {
        var partner = await browser.NewPageAsync(width, 844);
        await partner.SignInAsync(DemoAccounts.PartnerInnovationSkane, DemoAccounts.Password);
        await VisitAsync(partner, "/referrals", $"partner-inbox-{label}");
        await VisitAsync(partner, await FirstHrefAsync(partner, "main table a[href^='/referrals/']"), $"partner-referral-{label}");
        await VisitAsync(partner, "/notifications", $"partner-notifications-{label}");
        await partner.Context.CloseAsync();

        var founder = await browser.NewPageAsync(width, 844);
        await founder.SignInAsync(DemoAccounts.Founder, DemoAccounts.Password);
        await VisitAsync(founder, "/my-requests", $"founder-requests-{label}");
        await VisitAsync(founder, "/offers", null);
        await VisitAsync(founder, await FirstHrefAsync(founder, "main a[href^='/offers/']"), $"founder-offer-request-help-{label}");
        await founder.Locator(".request-help a").ClickAsync();
        await founder.AssertAccessibleAsync();
        await founder.ScreenshotAsync($"founder-request-help-{label}");
        await founder.Context.CloseAsync();
    }

    private static async Task VisitAsync(IPage page, string path, string? screenshot)
    {
        var response = await page.GotoAsync(path);
        Assert.True(response!.Ok, $"{path} answered {response.Status}");
        await page.AssertAccessibleAsync();
        if (screenshot is not null)
        {
            await page.ScreenshotAsync($"casework-{screenshot}");
        }
    }

    private static async Task<string> FirstHrefAsync(IPage page, string selector) =>
        await page.Locator(selector).First.GetAttributeAsync("href") ?? throw new InvalidOperationException($"No link matches {selector} on {page.Url}.");
}
