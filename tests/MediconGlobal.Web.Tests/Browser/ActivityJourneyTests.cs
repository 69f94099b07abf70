using MediconGlobal.Core.Data.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace MediconGlobal.Web.Tests.Browser;

/// <summary>Issue 17 item 1, "Done when": a project manager records a Booster Board session and sees the funnel updated.</summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class ActivityJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task ProjectManager_RecordsABoosterBoardWithThreeCompanies_AndTheComparisonFunnelCountsThem()
    {
        var programmeId = await browser.Portal.WithDbAsync(db => db.Programmes.Where(p => p.SeedKey == ProgrammeSeed.DlscInnovationProgram).Select(p => p.Id).SingleAsync());
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAccounts.PmSmile, DemoAccounts.Password);
        await page.GotoAsync($"/programmes/compare?ids={programmeId}");
        var before = await ParticipantsAsync(page);

        await page.GotoAsync($"/programmes/{programmeId}");
        await Assertions.Expect(page.Locator(".activity-table")).ToContainTextAsync("Booster Board: remote monitoring in home care");
        await page.AssertAccessibleAsync();
        await page.Locator("#record-activity").ClickAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("activity-new-desktop");

        await page.GetByLabel("Topic").FillAsync("Booster Board: medication robots");
        await page.GetByLabel("Format").SelectOptionAsync(new SelectOptionValue { Label = "Booster Board expert panel" });
        await page.GetByLabel("Date").FillAsync("2024-10-08");
        await page.GetByLabel("Welfare technology").CheckAsync();
        foreach (var company in new[] { "Aurora Biologics", "Kattegat Diagnostics", "Lundia MedDevices" })
        {
            await page.GetByLabel(company, new() { Exact = true }).CheckAsync();
        }

        await page.GetByLabel("Follow-up meetings").FillAsync("2");
        await page.GetByLabel("Companies continuing").FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record activity" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Booster Board: medication robots");
        await Assertions.Expect(page.Locator("#activity-companies li")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#activity-outcome")).ToContainTextAsync("3");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("activity-details-desktop");

        await page.GotoAsync($"/programmes/compare?ids={programmeId}");
        Assert.Equal(before + 3, await ParticipantsAsync(page));
        await Assertions.Expect(page.Locator(".activity-funnel")).ToContainTextAsync("Activities (4)");
        await page.AssertAccessibleAsync();

        // The new pages at phone width: accessible and without sideways scrolling.
        var phone = await browser.NewPageAsync(390, 844);
        await phone.SignInAsync(DemoAccounts.PmSmile, DemoAccounts.Password);
        var activityId = await browser.Portal.WithDbAsync(db => db.Activities.Where(a => a.Name == "Booster Board: medication robots").Select(a => a.Id).SingleAsync());
        foreach (var (url, name) in new[] { ($"/programmes/{programmeId}/activities/new", "activity-new-phone"), ($"/activities/{activityId}", "activity-details-phone"), ($"/activities/{activityId}/edit", "activity-edit-phone") })
        {
            await phone.GotoAsync(url);
            await phone.AssertAccessibleAsync();
            var widths = await phone.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            Assert.True(widths[0] <= widths[1], $"{url} is {widths[0]} px wide in a {widths[1]} px window.");
            await phone.ScreenshotAsync(name);
        }

        await page.GotoAsync($"/activities/{activityId}/edit");
        await page.AssertAccessibleAsync();
    }

    private static async Task<int> ParticipantsAsync(IPage page) =>
        int.Parse(await page.Locator(".activity-funnel .funnel-step strong").First.TextContentAsync() ?? "0", System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
}
