using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Time;
using MediconGlobal.Testing;
using MediconGlobal.Web.Pages.Partner.Offers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MediconGlobal.Web.Tests.Browser;

/// <summary>
/// Issue 19 items 5 and 6 end to end on a portal whose clock the test moves (ADR 1934): an offer nobody confirms
/// drops out of an advisor's suggestions after the grace period and comes back when its provider confirms it; a call
/// whose deadline passed no longer matches, while the gap report's trend still counts it in the month it was open.
/// Each journey runs once; the clock only moves forward, so they share one portal in a fixed order.
/// </summary>
[Collection(ClockedBrowserCollection.Name)]
public sealed class OfferVerificationJourneyTests(ClockedBrowserFixture browser)
{
    [Fact]
    public async Task AnOfferAcrossTheVerificationCycle_AndACallAcrossItsDeadline()
    {
        await UnverifiedOffer_LeavesSuggestionsAfterTheGracePeriod_AndComesBackWhenConfirmedAsync();
        await ClosedCall_NoLongerMatches_AndTheGapReportCountsItOnlyForItsOpenMonthsAsync();
    }

    private async Task UnverifiedOffer_LeavesSuggestionsAfterTheGracePeriod_AndComesBackWhenConfirmedAsync()
    {
        var offerName = CasePortal.Unique("Verify legal desk");
        var (offerId, needUrl) = await ArrangeOfferAndNeedAsync(offerName, deadline: null);

        // Eleven months and a day later the provider is asked once, whatever number of runs.
        browser.Clock.Advance(TimeSpan.FromDays(336));
        Assert.True(await RunVerificationRequestsAsync() >= 1);
        Assert.Equal(0, await RunVerificationRequestsAsync());
        var request = await browser.Portal.Mailbox.WaitForAsync(DemoAccounts.PartnerInnovationSkane, m => m.TextBody.Contains(offerName, StringComparison.Ordinal));
        Assert.Single(browser.Portal.Mailbox.To(DemoAccounts.PartnerInnovationSkane), m => m.TextBody.Contains(offerName, StringComparison.Ordinal));
        Assert.Contains($"/partner/offers/{offerId}/edit", request.TextBody, StringComparison.Ordinal);

        var advisor = await SignedInAsync(DemoAccounts.AdvisorSmile);
        await advisor.GotoAsync(needUrl);
        await Expect(Suggestion(advisor, offerId)).ToHaveCountAsync(1);
        await advisor.Context.CloseAsync();

        // Three weeks without an answer: out of suggestions, and marked on the offer and partner pages. (Sessions
        // end when the clock jumps, so each step signs in again.)
        browser.Clock.Advance(TimeSpan.FromDays(22));
        advisor = await SignedInAsync(DemoAccounts.AdvisorSmile);
        await advisor.GotoAsync(needUrl);
        await Expect(advisor.Locator("#suggestions-heading, h1").First).ToBeVisibleAsync();
        await Expect(Suggestion(advisor, offerId)).ToHaveCountAsync(0);
        await advisor.GotoAsync($"/offers/{offerId}");
        await Expect(advisor.GetByRole(AriaRole.Note).Filter(new() { HasText = "Needs verification." })).ToHaveCountAsync(1);
        await advisor.Context.CloseAsync();

        var manager = await SignedInAsync(DemoAccounts.PmMva);
        await manager.GotoAsync("/dashboard/verification");
        await Expect(manager.Locator("#verification-lapsed")).ToContainTextAsync(offerName);
        await manager.AssertAccessibleAsync();
        await manager.Context.CloseAsync();
        await ScreenshotsAsync("/dashboard/verification", DemoAccounts.PmMva, "verification-dashboard");

        var partner = await SignedInAsync(DemoAccounts.PartnerInnovationSkane);
        await partner.GotoAsync("/partner");
        var row = partner.Locator("table.partner-offers tr").Filter(new() { HasText = offerName });
        await Expect(row).ToContainTextAsync("Needs verification");
        await partner.AssertAccessibleAsync();
        await partner.ScreenshotAsync("verification-partner-needs-verification-desktop");
        await ScreenshotsAsync("/partner", DemoAccounts.PartnerInnovationSkane, "verification-partner-needs-verification");

        // The row is the offer's; its button's name ends in the offer's name in a visually hidden span, which Chromium
        // joins with a space ("Mark as reviewed : …"), so the row, not the full name, picks the button.
        await row.GetByRole(AriaRole.Button, new() { Name = "Mark as reviewed" }).ClickAsync();
        await Expect(partner.GetByRole(AriaRole.Status)).ToContainTextAsync("as reviewed today");
        await Expect(partner.Locator("table.partner-offers tr").Filter(new() { HasText = offerName })).Not.ToContainTextAsync("Needs verification");
        await partner.Context.CloseAsync();

        advisor = await SignedInAsync(DemoAccounts.AdvisorSmile);
        await advisor.GotoAsync(needUrl);
        await Expect(Suggestion(advisor, offerId)).ToHaveCountAsync(1);
        var assurer = await browser.Portal.WithDbAsync(db => db.Offers.Where(o => o.Id == offerId).Select(o => o.LastReviewedByEmail).SingleAsync());
        Assert.Equal(DemoAccounts.PartnerInnovationSkane, assurer);
        await advisor.Context.CloseAsync();
    }

    private async Task ClosedCall_NoLongerMatches_AndTheGapReportCountsItOnlyForItsOpenMonthsAsync()
    {
        var offerName = CasePortal.Unique("Call for legal pilots");
        var today = browser.Portal.Services.GetRequiredService<DisplayTime>().Today(browser.Clock);
        var (offerId, needUrl) = await ArrangeOfferAndNeedAsync(offerName, deadline: today.AddDays(5));
        var month = browser.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/offers/{offerId}");
        await Expect(page.Locator(".closes-in")).ToHaveTextAsync("Closes in 5 days");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("verification-offer-closes-in-desktop");
        await ScreenshotsAsync($"/offers/{offerId}", null, "verification-offer-closes-in");

        await page.SignInAsync(DemoAccounts.PmMva, DemoAccounts.Password);
        var drillDown = await DrillDownUrlAsync();
        await page.GotoAsync(drillDown);
        await Expect(page.Locator("#drill-down-offers")).ToContainTextAsync(offerName);
        var openMonth = await page.Locator($"#gap-trend-table tr[data-month='{month}'] .trend-offers").InnerTextAsync();

        // Six days later, with no edit: the call has closed.
        browser.Clock.Advance(TimeSpan.FromDays(6));
        await page.Context.CloseAsync();
        page = await SignedInAsync(DemoAccounts.PmMva);
        await page.GotoAsync(drillDown);
        await Expect(page.Locator("#drill-down")).ToBeVisibleAsync();
        await Expect(page.Locator("#drill-down")).Not.ToContainTextAsync(offerName);
        await Expect(page.Locator($"#gap-trend-table tr[data-month='{month}'] .trend-offers")).ToHaveTextAsync(openMonth);
        await page.AssertAccessibleAsync();

        await page.GotoAsync($"/offers?q={Uri.EscapeDataString(offerName)}");
        await Expect(page.Locator($"#offer-{offerId}-name")).ToHaveCountAsync(0);
        await page.GotoAsync($"/offers/{offerId}");
        await Expect(page.GetByRole(AriaRole.Note).Filter(new() { HasText = "Applications closed on" })).ToHaveCountAsync(1);
        await page.SignOutAsync();

        await page.SignInAsync(DemoAccounts.AdvisorSmile, DemoAccounts.Password);
        await page.GotoAsync(needUrl);
        await Expect(page.Locator(".suggestion").First).ToBeVisibleAsync();
        await Expect(Suggestion(page, offerId)).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    private async Task<IPage> SignedInAsync(string account)
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(account, DemoAccounts.Password);
        return page;
    }

    private static async Task SwitchAsync(IPage page, string language, string code)
    {
        await page.Locator("form.language-switch").GetByRole(AriaRole.Button, new() { Name = language }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", code);
    }

    private static ILocator Suggestion(IPage page, int offerId) => page.Locator($".suggestion[data-offer-id='{offerId}']");

    /// <summary>An Innovation Skåne legal offer for the USA (reviewed now) and a SmiLe client's legal need for the USA.</summary>
    private async Task<(int OfferId, string NeedUrl)> ArrangeOfferAndNeedAsync(string offerName, DateOnly? deadline)
    {
        var now = browser.Clock.GetUtcNow().UtcDateTime;
        return await browser.Portal.WithDbAsync(async db =>
        {
            var offer = await CatalogueBuilder.AddOfferAsync(db, offerName, markets: ["usa"]);
            offer.ApplicationDeadline = deadline;
            offer.MarkReviewed(now);
            await db.SaveChangesAsync();
            var company = await CaseBuilder.CompanyAsync(db, CasePortal.Unique("Verification Medtech"), OrganisationSeed.SmiLe, at: now);
            var need = await CaseBuilder.NeedAsync(db, company, "legal", "usa", now);
            return (offer.Id, $"/clients/{company.Id}/needs/{need.Id}");
        });
    }

    private Task<string> DrillDownUrlAsync() => browser.Portal.WithDbAsync(async db =>
        $"/reports/gaps?rows=Category&cols=Market&row={await CaseBuilder.TermIdAsync(db, TaxonomyKind.SupportCategory, "legal")}&col={await CaseBuilder.TermIdAsync(db, TaxonomyKind.Market, "usa")}#drill-down");

    private async Task<int> RunVerificationRequestsAsync()
    {
        await using var scope = browser.Portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OfferVerificationRequests>().SendDueAsync(CancellationToken.None);
    }

    /// <summary>The page in English at 390 px and in Swedish on desktop and at 390 px, scanned by axe.</summary>
    private async Task ScreenshotsAsync(string url, string? account, string name)
    {
        foreach (var (width, label) in new[] { (390, "phone"), (1280, "desktop") })
        {
            var page = await browser.NewPageAsync(width, 844);
            if (account is not null)
            {
                await page.SignInAsync(account, DemoAccounts.Password);
            }

            await page.GotoAsync(url);
            if (width == 390)
            {
                await page.ScreenshotAsync($"{name}-{label}");
            }

            // A signed-in person's choice is kept on their account: switch there and back, so later steps read English.
            await SwitchAsync(page, "Svenska", "sv");
            await page.GotoAsync(url);
            await page.AssertAccessibleAsync();
            await page.ScreenshotAsync($"{name}-sv-{label}");
            await SwitchAsync(page, "English", "en");
            await page.Context.CloseAsync();
        }
    }
}
