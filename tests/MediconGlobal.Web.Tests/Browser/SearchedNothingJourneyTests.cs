using System.Globalization;
using MediconGlobal.Core.Catalogue.FoundNothing;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MediconGlobal.Web.Tests.Browser;

/// <summary>
/// Issue 19 item 7 in a real browser, with the portal's clock moved to a day of the test's own
/// (a portal of its own, its clock moved forward through <c>PortalFactory.Clock</c>): an anonymous founder walks the guided path
/// to a zero result; the next day a project manager opens the gap report for that day and sees the search in the
/// "searched, found nothing" layer, in English and Swedish, at 1280 and 390 px, scanned by axe.
/// </summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class SearchedNothingJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task GuidedPathSearchWithNoResult_AppearsInTheGapReportsSearchedNothingLayer()
    {
        // A kind of help nobody offers yet: the guided path cannot find anything for it.
        var tag = Guid.NewGuid().ToString("N")[..6];
        // A portal of its own, whose clock only moves forward: a shared one moved to 2031 and back would keep serving
        // the catalogue index it built for 2031 to the journeys after it (kept read models are at least as new as asked).
        var clock = new TestClock { Now = DateTimeOffset.UtcNow };
        await using var portal = new PortalFactory("Development") { Clock = clock };
        var address = portal.StartKestrel();
        var (categoryId, japanId) = await portal.WithDbAsync(async db =>
        {
            var term = new TaxonomyTerm(TaxonomyKind.SupportCategory, $"space-law-{tag}", $"Space law {tag}", 999);
            db.TaxonomyTerms.Add(term);
            await db.SaveChangesAsync();
            return (term.Id, await db.TaxonomyTerms.Where(t => t.Kind == TaxonomyKind.Market && t.Code == "japan").Select(t => t.Id).SingleAsync());
        });
        var searchedAt = new DateTimeOffset(2031, 3, 12, 9, 30, 0, TimeSpan.Zero);
        var day = DateOnly.FromDateTime(searchedAt.UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        clock.Now = searchedAt;
        var founder = await browser.NewPageAsync(portal: address);
        await founder.GotoAsync("/find-support");
        await founder.GetByLabel("What kind of help do you need?").SelectOptionAsync(new SelectOptionValue { Label = $"Space law {tag}" });
        await founder.GetByLabel("Which market do you want to enter?").SelectOptionAsync(new SelectOptionValue { Label = "Japan" });
        await founder.GetByRole(AriaRole.Button, new() { Name = "Show matching offers" }).ClickAsync();
        await Expect(founder.GetByText("No published offer fits all your answers yet.")).ToBeVisibleAsync();
        await founder.AssertAccessibleAsync();
        await founder.ScreenshotAsync("searched-nothing-guided-path");
        await founder.Context.CloseAsync();

        // Counted once, on the portal day, with the answers only.
        var tally = await portal.WithDbAsync(db => db.EmptySearchTallies.SingleAsync(t => t.CategoryId == categoryId));
        Assert.Equal((EmptySearchSource.GuidedPath, (int?)japanId, 1, DateOnly.FromDateTime(searchedAt.UtcDateTime), (string?)null), (tally.Source, tally.MarketId, tally.Count, tally.Day, tally.Phrase));

        // The next day a project manager (an account of the test's own: the language choice is remembered) opens the report for that day.
        clock.Now = searchedAt.AddDays(1);
        var email = $"pm-searches-{tag}@journey.test";
        await portal.CreateUserAsync(email, Roles.ProjectManager, "mva");
        var manager = await browser.NewPageAsync(portal: address);
        await manager.SignInAsync(email, PortalFactory.Password);
        await manager.GotoAsync($"/reports/gaps?rows=Category&cols=Market&from={day}&to={day}");
        var cell = manager.Locator($"#searches-matrix tbody tr:has(th[data-key='{categoryId}']) td").Nth(await ColumnOfAsync(manager, japanId));
        await Expect(cell).ToHaveTextAsync("1");
        await Expect(manager.Locator("#searches-total")).ToHaveTextAsync("1");
        await manager.AssertAccessibleAsync();
        await manager.Locator("#searched-nothing").ScrollIntoViewIfNeededAsync();
        await manager.ScreenshotAsync("searched-nothing-gaps-en-desktop");
        await manager.SetViewportSizeAsync(390, 844);
        await manager.AssertAccessibleAsync();
        await manager.ScreenshotAsync("searched-nothing-gaps-en-390");

        // Not in a period without that day; not among the needs.
        await manager.SetViewportSizeAsync(1280, 900);
        await manager.GotoAsync($"/reports/gaps?rows=Category&cols=Market&from={searchedAt.AddDays(1):yyyy-MM-dd}");
        await Expect(manager.Locator($"#searches-matrix tbody tr:has(th[data-key='{categoryId}'])")).ToHaveCountAsync(0);

        await manager.GotoAsync($"/reports/gaps?rows=Category&cols=Market&from={day}&to={day}");
        await manager.Locator("form.language-switch").GetByRole(AriaRole.Button, new() { Name = "Svenska" }).ClickAsync();
        await Expect(manager.Locator("html")).ToHaveAttributeAsync("lang", "sv");
        await Expect(manager.Locator("#searches-title")).ToHaveTextAsync("Sökte men hittade inget");
        await Expect(manager.Locator("#searches-total")).ToHaveTextAsync("1");
        await manager.AssertAccessibleAsync();
        await manager.ScreenshotAsync("searched-nothing-gaps-sv-desktop");
        await manager.SetViewportSizeAsync(390, 844);
        await manager.ScreenshotAsync("searched-nothing-gaps-sv-390");
        await manager.Context.CloseAsync();
    }

    /// <summary>The position among a layer row's cells of the column with this term id.</summary>
    private static async Task<int> ColumnOfAsync(IPage page, int columnId)
    {
        var keys = await page.Locator("#searches-matrix thead th").EvaluateAllAsync<string?[]>("ths => ths.map(th => th.getAttribute('data-key'))");
        var index = Array.IndexOf(keys, columnId.ToString(CultureInfo.InvariantCulture));
        Assert.True(index > 0, "The Japan column is not in the layer.");
        return index - 1;
    }
}
