using MediconGlobal.Core.Data.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MediconGlobal.Web.Tests.Browser;

/// <summary>The public catalogue pages (issue 3) at desktop and phone widths: they fit the screen, pass axe, and leave screenshots to look at.</summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class CataloguePagesTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(1280, "desktop")]
    [InlineData(390, "phone")]
    public async Task CataloguePages_FitTheScreen_AndPassAxe(int width, string label)
    {
        var ids = await browser.Portal.WithDbAsync(async db => new
        {
            Offer = await db.Offers.Where(o => o.SeedKey == "is-test-beds").Select(o => o.Id).SingleAsync(),
            Organisation = await db.Organisations.Where(o => o.SeedKey == OrganisationSeed.InnovationSkane).Select(o => o.Id).SingleAsync(),
            Programme = await db.Programmes.Where(p => p.SeedKey == ProgrammeSeed.ClustersOfSweden).Select(p => p.Id).SingleAsync(),
        });
        var page = await browser.NewPageAsync(width, 844);

        foreach (var (path, name, heading) in new[]
        {
            ("/offers?q=skane&cost=Subsidised&sector=medtech", "catalogue", "Support offers"),
            ("/offers?q=no+such+offer+anywhere&category=legal", "catalogue-empty", "Support offers"),
            ($"/offers/{ids.Offer}", "offer", "Test-bed services with Region Skåne"),
            ("/organisations", "organisations", "Organisations"),
            ($"/organisations/{ids.Organisation}", "organisation", "Innovation Skåne"),
            ("/programmes", "programmes", "Programmes"),
            ($"/programmes/{ids.Programme}", "programme", "Clusters of Sweden"),
            ("/find-support?stage=clinical&sector=medtech&market=usa", "find-support", "Find support"),
            ("/find-support?help=&page=2", "find-support-page-2", "Find support"),
        })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            await Expect(page.Locator("h1")).ToContainTextAsync(heading);
            await page.AssertAccessibleAsync();
            await AssertNoSidewaysScrollAsync(page);
            await page.ScreenshotAsync($"catalogue-{name}-{label}");
        }

        // The filters: a side column on desktop; on a phone folded into one bar above the results until opened.
        await page.GotoAsync("/offers?cost=Subsidised");
        var subsidised = page.Locator("#f-cost-subsidised");
        if (width < 992)
        {
            await Expect(subsidised).ToBeHiddenAsync();
            await page.Locator(".filters-summary").ClickAsync();
        }

        await Expect(subsidised).ToBeVisibleAsync();
        await page.Locator("#f-cost-paid").CheckAsync();
        await Expect(page.Locator(".filter-chip")).ToHaveCountAsync(2);
        await Expect(page.Locator("#f-cost-paid")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await page.Context.CloseAsync();
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"{page.Url} is {widths[0]} px wide in a {widths[1]} px window.");
    }
}
