using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MediconGlobal.Web.Tests.Browser;

/// <summary>
/// The advisor's working day end to end: advisor@smile.test creates a client (consent given), logs a need,
/// picks a suggestion and refers it; partner@innovationskane.test accepts it; the advisor completes it with an
/// outcome; the client's timeline shows every step with who and when. Every page visited is scanned by axe.
/// </summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class AdvisorReferralJourneyTests(BrowserFixture browser)
{
    private const string Advisor = "Sara Berg (SmiLe advisor)";
    private const string Partner = "Nora Sand (Innovation Skåne)";

    [Fact]
    public async Task Advisor_CreatesClient_LogsNeed_Refers_PartnerAccepts_AdvisorCompletes_TimelineShowsEveryStep()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var name = $"Journey Medtech {tag}";
        var number = OrganisationNumber.Format("SE", OrganisationNumber.Complete("SE", $"559{Random.Shared.Next(100000, 999999)}")!);
        var page = await browser.NewPageAsync();

        await page.SignInAsync(DemoAccounts.AdvisorSmile, DemoAccounts.Password);
        await page.GotoAsync("/clients");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("casework-clients-desktop");

        await page.GetByRole(AriaRole.Link, new() { Name = "New client" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Company name").FillAsync(name);
        await page.GetByLabel("Country").SelectOptionAsync("SE");
        await page.GetByLabel("Organisation number").FillAsync(number);
        await page.GetByLabel("Region").SelectOptionAsync(new SelectOptionValue { Label = "Skåne" });
        await page.GetByLabel("Sector").SelectOptionAsync(new SelectOptionValue { Label = "Medtech" });
        await page.GetByLabel("Development stage").SelectOptionAsync(new SelectOptionValue { Label = "Proof of concept" });
        await page.GetByLabel("USA", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("The company consents to sharing its data with partner organisations").CheckAsync();
        await page.ScreenshotAsync("casework-new-client-desktop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save client" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync(name);
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("is now one of your clients");
        await page.AssertAccessibleAsync();
        var companyUrl = page.Url;

        await page.GetByRole(AriaRole.Link, new() { Name = "Log a need" }).First.ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Kind of help").SelectOptionAsync(new SelectOptionValue { Label = "Legal advisory" });
        await page.GetByLabel("Target market").SelectOptionAsync(new SelectOptionValue { Label = "USA" });
        await page.GetByLabel("What does the company need?").FillAsync("Distribution and licensing agreements for the US launch.");
        await page.GetByLabel("High").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Log need and see matching offers" }).ClickAsync();

        var suggestion = page.Locator(".suggestion").Filter(new() { HasText = "Business advisory: legal" });
        await Expect(suggestion.Locator(".match-reason")).ToContainTextAsync("is open to any target market");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("casework-need-suggestions-desktop");
        await suggestion.GetByText("Refer to Innovation Skåne").ClickAsync();
        await suggestion.GetByLabel("Message to Innovation Skåne (optional)").FillAsync("Could you take this client for legal advisory?");
        await suggestion.GetByRole(AriaRole.Button, new() { Name = "Send referral" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The referral is sent.");
        await Expect(page.Locator("main h1 + p .badge").First).ToHaveTextAsync("Referred");
        await page.AssertAccessibleAsync();
        var referralUrl = await page.Locator("section[aria-labelledby=referrals-heading] a").First.GetAttributeAsync("href");
        await page.SignOutAsync();

        await page.SignInAsync(DemoAccounts.PartnerInnovationSkane, DemoAccounts.Password);
        await page.GotoAsync("/notifications");
        await Expect(page.Locator(".notification-list").First).ToContainTextAsync($"referred {name} to Innovation Skåne");
        await page.AssertAccessibleAsync();
        await page.GotoAsync("/referrals?focus=WaitingForAnswer");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("casework-referral-inbox-desktop");
        await page.Locator($"a[href='{referralUrl}']").ClickAsync();
        await Expect(page.Locator("#referred-company")).ToContainTextAsync(name);
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Message to the advisor (required when declining)").FillAsync("Welcome! We will call the CEO this week.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You accepted the referral.");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("casework-referral-accepted-desktop");
        await page.SignOutAsync();

        await page.SignInAsync(DemoAccounts.AdvisorSmile, DemoAccounts.Password);
        await page.GotoAsync(referralUrl!);
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Outcome", new() { Exact = true }).FillAsync("Licensing agreement reviewed; US distributor contract signed.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete referral" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The referral is completed");
        await page.AssertAccessibleAsync();

        await page.GotoAsync(companyUrl);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("casework-client-timeline-desktop");
        var timeline = page.Locator("#timeline .timeline-entry");
        await ExpectStep(timeline, "Referral to Innovation Skåne: Business advisory: legal completed", Advisor, "US distributor contract signed");
        await ExpectStep(timeline, "Legal advisory · USA: now Met", Advisor, "Met through the referral");
        await ExpectStep(timeline, "Referral accepted by Innovation Skåne: Business advisory: legal", Partner, "We will call the CEO");
        await ExpectStep(timeline, "Legal advisory · USA referred to Innovation Skåne: Business advisory: legal", Advisor, "Could you take this client");
        await ExpectStep(timeline, "Need logged: Legal advisory · USA", Advisor, null);
        await ExpectStep(timeline, "Consent to share data with partners given", Advisor, "partner organisations");
        await Expect(page.Locator("table").First).ToContainTextAsync("Met");
        await page.Context.CloseAsync();
    }

    /// <summary>One timeline step: its title, who took it, a time, and (when given) its note.</summary>
    private static async Task ExpectStep(ILocator timeline, string title, string actor, string? detail)
    {
        var step = timeline.Filter(new() { HasText = title });
        await Expect(step).ToHaveCountAsync(1);
        await Expect(step).ToContainTextAsync($"by {actor}");
        await Expect(step.Locator("time")).ToHaveAttributeAsync("datetime", new System.Text.RegularExpressions.Regex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"));
        if (detail is not null)
        {
            await Expect(step.Locator(".timeline-detail")).ToContainTextAsync(detail);
        }
    }
}
