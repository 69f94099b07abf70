using System.Globalization;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MediconGlobal.Web.Tests.Browser;

/// <summary>
/// Issue 19 items 3, 4 and 8 in a real browser: a founder opens a referral made for their company from "My requests"
/// and confirms "nobody contacted me"; a project manager's dashboard funnel counts it (all referrals, and for the
/// receiving organisation); after the referral is completed the founder answers the follow-up. Every page is scanned
/// by axe and photographed in English and Swedish at 1280 and 390 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FounderReferralJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Founder_ConfirmsNobodyContactedThem_AndTheDashboardFunnelCountsIt()
    {
        var name = $"Unreached Startup {Guid.NewGuid():N}"[..28];
        var (companyId, referralId, receiverId) = await browser.Portal.WithDbAsync(async db =>
        {
            var company = await CaseBuilder.CompanyAsync(db, name, OrganisationSeed.SmiLe);
            var referral = await CaseBuilder.ReferAsync(db, await CaseBuilder.NeedAsync(db, company, "legal", "usa", DateTime.UtcNow.AddDays(-20)), "is-advisory-legal", DateTime.UtcNow.AddDays(-18));
            return (company.Id, referral.Id, referral.ReceivingOrganisationId);
        });
        var founderEmail = $"founder-{Guid.NewGuid():N}@journey.test";
        await browser.Portal.CreateUserAsync(founderEmail, Roles.Startup, companyId: companyId);
        var managerEmail = $"pm-{Guid.NewGuid():N}@journey.test";
        await browser.Portal.CreateUserAsync(managerEmail, Roles.ProjectManager, OrganisationSeed.Mva);
        var manager = await browser.NewPageAsync();
        await manager.SignInAsync(managerEmail, PortalFactory.Password);
        var forReceiver = $"/dashboard?funnelOrganisation={receiverId}#referral-funnel";
        var before = await NobodyContactedAsync(manager, "/dashboard");
        var beforeForReceiver = await NobodyContactedAsync(manager, forReceiver);

        var founder = await browser.NewPageAsync();
        await founder.SignInAsync(founderEmail, PortalFactory.Password);
        await founder.GotoAsync("/my-requests");
        await founder.GetByRole(AriaRole.Link, new() { Name = "Did you get help?" }).ClickAsync();
        await founder.WaitForURLAsync(url => url.EndsWith($"/my-requests/referrals/{referralId}", StringComparison.Ordinal));
        await founder.AssertAccessibleAsync();
        await founder.GetByLabel("Nobody contacted me").CheckAsync();
        await founder.GetByLabel("Comment (optional)").FillAsync("Nobody has called or written in three weeks.");
        await founder.GetByRole(AriaRole.Button, new() { Name = "Save my answer" }).ClickAsync();
        await Expect(founder.Locator("#founder-said")).ToContainTextAsync("Nobody contacted me");
        await founder.AssertAccessibleAsync();
        await founder.ScreenshotAtBothWidthsAsync("founder-referral");

        Assert.Equal(before + 1, await NobodyContactedAsync(manager, "/dashboard"));
        Assert.Equal(beforeForReceiver + 1, await NobodyContactedAsync(manager, forReceiver));
        Assert.True(int.Parse((await manager.Locator("#funnel tr[data-step='Referred'] .funnel-count").TextContentAsync())!, CultureInfo.InvariantCulture) >= 1);
        await manager.AssertAccessibleAsync();
        await manager.ScreenshotAtBothWidthsAsync("dashboard-funnel");

        var advisor = await browser.NewPageAsync();
        await advisor.SignInAsync(DemoAccounts.AdvisorSmile, DemoAccounts.Password);
        await advisor.GotoAsync($"/referrals/{referralId}");
        await Expect(advisor.Locator("#founder-signal")).ToContainTextAsync("The founder says nobody contacted them.");
        await advisor.AssertAccessibleAsync();
        await advisor.ScreenshotAsync("referral-founder-signal-1280");

        // The partner calls after all; the advisor completes it; the founder answers the follow-up.
        var completer = await browser.Portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoAccounts.AdvisorSmile).Select(u => u.Id).SingleAsync());
        await browser.Portal.WithDbAsync(async db =>
        {
            var tracked = await db.Referrals.SingleAsync(r => r.Id == referralId);
            tracked.Accept(null, new Actor("partner", "Partner"), DateTime.UtcNow.AddDays(-2));
            tracked.Complete("Contract template reviewed.", null, new Actor(completer, "Advisor"), DateTime.UtcNow.AddDays(-1));
            return await db.SaveChangesAsync();
        });
        await founder.SetViewportSizeAsync(1280, 900);
        await founder.ReloadAsync();
        await founder.GetByRole(AriaRole.Link, new() { Name = "Tell us what came of it" }).ClickAsync();
        await founder.WaitForURLAsync(url => url.EndsWith($"/referrals/{referralId}/follow-up", StringComparison.Ordinal));
        await founder.GetByLabel("Partner found").CheckAsync();
        await founder.GetByLabel("Anything else we should know? (optional)").FillAsync("A distributor in Boston.");
        await founder.AssertAccessibleAsync();
        await founder.ScreenshotAtBothWidthsAsync("follow-up-form");
        await founder.GetByRole(AriaRole.Button, new() { Name = "Send my answer" }).ClickAsync();
        await Expect(founder.GetByText("Thank you. Your answer is recorded.")).ToBeVisibleAsync();
        Assert.Equal(FollowUpResults.PartnerFound, await browser.Portal.WithDbAsync(db => db.Referrals.Where(r => r.Id == referralId).Select(r => r.FounderFollowUp).SingleAsync()));

        // The same pages in Swedish (remembered on these two accounts only).
        foreach (var page in new[] { founder, manager })
        {
            await page.SetViewportSizeAsync(1280, 900);
            await page.Locator("form.language-switch").GetByRole(AriaRole.Button, new() { Name = "Svenska" }).ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "sv");
        }

        await founder.GotoAsync($"/referrals/{referralId}/follow-up");
        await founder.AssertAccessibleAsync();
        await founder.ScreenshotAtBothWidthsAsync("follow-up-form-sv");
        await founder.GotoAsync($"/my-requests/referrals/{referralId}");
        await Expect(founder.Locator("h1")).ToContainTextAsync("Hänvisning till");
        await founder.AssertAccessibleAsync();
        await founder.ScreenshotAtBothWidthsAsync("founder-referral-sv");
        await manager.GotoAsync("/dashboard#referral-funnel");
        await Expect(manager.Locator("#funnel-title")).ToHaveTextAsync("Hänvisningstratt");
        await manager.AssertAccessibleAsync();
        await manager.ScreenshotAtBothWidthsAsync("dashboard-funnel-sv");
        await founder.Context.CloseAsync();
        await manager.Context.CloseAsync();
        await advisor.Context.CloseAsync();
    }

    private static async Task<int> NobodyContactedAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        return int.Parse((await page.Locator("#founders-nobody-contacted").TextContentAsync())!.Trim(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }
}
