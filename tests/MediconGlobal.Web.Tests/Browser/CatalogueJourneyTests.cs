using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MediconGlobal.Web.Tests.Browser;

/// <summary>
/// The founder's catalogue journey (issue 3) end to end: search with and without diacritics, narrow by two
/// facets while the counts follow, save two offers, open the share link as someone else and download the CSV.
/// Every page visited is scanned by axe.
/// </summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class CatalogueJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Founder_SearchesNarrowsByTwoFacets_ShortlistsTwoOffers_SharesTheLink_AndDownloadsTheCsv()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/offers");
        await page.AssertAccessibleAsync();

        // The same offers with and without the diacritic.
        var withoutDiacritic = await SearchAsync(page, "skane");
        var withDiacritic = await SearchAsync(page, "Skåne");
        Assert.NotEmpty(withoutDiacritic);
        Assert.Equal(withoutDiacritic.Order(), withDiacritic.Order());
        await Expect(page).ToHaveURLAsync(new Regex(@"q=Sk(%C3%A5|å)ne"));
        await page.AssertAccessibleAsync();

        // First facet: only subsidised offers. The test beds (paid, Nordic market) drop out of the other counts.
        var before = await FacetCountsAsync(page);
        await CheckFacetAsync(page, "f-cost-subsidised", before["f-cost-subsidised"]);
        await Expect(page).ToHaveURLAsync(new Regex("cost=subsidised", RegexOptions.IgnoreCase));
        var afterCost = await FacetCountsAsync(page);
        Assert.True(afterCost["f-market-nordics"] < before["f-market-nordics"], "The Nordics count should fall once paid offers are filtered out.");
        Assert.False(afterCost.ContainsKey("f-format-testbed"), "No subsidised offer is a test bed, so the value should disappear.");
        await page.AssertAccessibleAsync();

        // Second facet: biotech and pharma. Innovation management (medtech, digital health, welfare tech) drops out.
        await CheckFacetAsync(page, "f-sector-biotech-pharma", afterCost["f-sector-biotech-pharma"]);
        await Expect(page).ToHaveURLAsync(new Regex("cost=subsidised.*sector=biotech-pharma|sector=biotech-pharma.*cost=subsidised", RegexOptions.IgnoreCase));
        var afterSector = await FacetCountsAsync(page);
        Assert.NotEqual(afterCost, afterSector);
        Assert.True(afterSector.GetValueOrDefault("f-category-partnering") < afterCost["f-category-partnering"]);
        var narrowed = await ResultNamesAsync(page);
        Assert.Contains("Business advisory: legal", narrowed);
        Assert.DoesNotContain("Innovation management support in healthcare", narrowed);
        await Expect(page.Locator(".active-filters .filter-chip")).ToHaveCountAsync(3);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("catalogue-journey-narrowed");
        var catalogueUrl = page.Url;

        // The catalogue CSV holds exactly the narrowed offers.
        var catalogueCsv = await DownloadCsvAsync(page, page.Locator("#catalogue-body").GetByRole(AriaRole.Link, new() { Name = "Download CSV" }));
        Assert.Equal(narrowed.Order(), catalogueCsv.Select(r => r["Name"]).Order());

        // Open the first offer and save it there; save a second one from the list.
        var first = narrowed[0];
        var second = narrowed[1];
        await page.Locator(".offer-list").GetByRole(AriaRole.Link, new() { Name = first, Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(first);
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save to shortlist" }).First.ClickAsync();
        await Expect(page.Locator("[role=status]").First).ToContainTextAsync("Saved to your shortlist.");
        await Expect(page.Locator("h1")).ToHaveTextAsync(first);
        await page.AssertAccessibleAsync();

        await page.GotoAsync(catalogueUrl);
        await page.GetByRole(AriaRole.Article, new() { Name = second, Exact = true }).GetByRole(AriaRole.Button, new() { Name = "Save to shortlist" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Article, new() { Name = second, Exact = true }).GetByRole(AriaRole.Button)).ToContainTextAsync("Saved");
        Assert.Contains("sector=biotech-pharma", page.Url, StringComparison.Ordinal);

        // The shortlist holds both and gives a link to share.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "Shortlist" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("My shortlist");
        Assert.Equal(new[] { first, second }.Order(), (await ResultNamesAsync(page)).Order());
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("shortlist-desktop");
        var shareLink = await page.Locator("#share-link").InputValueAsync();
        Assert.Matches(@"/shortlist\?offers=\d+(%2C|,)\d+$", shareLink);

        // Someone else opens the link in a browser of their own and sees the same two offers.
        var colleague = await browser.NewPageAsync();
        await colleague.GotoAsync(shareLink);
        await Expect(colleague.Locator("h1")).ToHaveTextAsync("Shared shortlist");
        Assert.Equal(new[] { first, second }.Order(), (await ResultNamesAsync(colleague)).Order());
        await colleague.AssertAccessibleAsync();
        var sharedCsv = await DownloadCsvAsync(colleague, colleague.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }));
        Assert.Equal(new[] { first, second }.Order(), sharedCsv.Select(r => r["Name"]).Order());
        await colleague.Context.CloseAsync();

        // The founder's own download: one row per saved offer, with provider and how to apply.
        var csv = await DownloadCsvAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }));
        Assert.Equal(2, csv.Count);
        Assert.Equal(new[] { first, second }.Order(), csv.Select(r => r["Name"]).Order());
        Assert.All(csv, row => Assert.Equal("Innovation Skåne", row["Provider"]));
        Assert.All(csv, row => Assert.Equal("Subsidised", row["Cost"]));
        await page.Context.CloseAsync();
    }

    /// <summary>Types the words into the search box, submits, and returns the names of the offers listed.</summary>
    private static async Task<List<string>> SearchAsync(IPage page, string text)
    {
        await page.GetByLabel("Search by name, description, provider or programme").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(page.Locator(".active-filters")).ToContainTextAsync(text);
        return await ResultNamesAsync(page);
    }

    /// <summary>Opens the facet's panel if needed, ticks the value and waits for the list to show as many offers as its count said.</summary>
    private static async Task CheckFacetAsync(IPage page, string checkboxId, int expected)
    {
        var panel = page.Locator($"details.facet:has(#{checkboxId})");
        if (!await panel.EvaluateAsync<bool>("d => d.open"))
        {
            await panel.Locator("summary").ClickAsync();
        }

        await page.Locator($"#{checkboxId}").CheckAsync();
        await Expect(page.Locator("#results-heading")).ToHaveTextAsync(expected == 1 ? "1 offer" : $"{expected} offers");
        await Expect(page.Locator($"#{checkboxId}")).ToBeCheckedAsync();
    }

    private static async Task<Dictionary<string, int>> FacetCountsAsync(IPage page)
    {
        var pairs = await page.Locator("details.facet .form-check").EvaluateAllAsync<string[][]>(
            "checks => checks.map(c => [c.querySelector('input').id, c.querySelector('.facet-count').firstChild.textContent.trim()])");
        return pairs.ToDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture));
    }

    private static async Task<List<string>> ResultNamesAsync(IPage page) =>
        [.. (await page.Locator(".offer-list article h3").AllInnerTextsAsync()).Select(n => n.Trim())];

    /// <summary>Clicks the download link and reads the file's rows, each keyed by the header.</summary>
    private static async Task<List<Dictionary<string, string>>> DownloadCsvAsync(IPage page, ILocator link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        using var reader = new StreamReader(await download.PathAsync(), Encoding.UTF8);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        await csv.ReadAsync();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (await csv.ReadAsync())
        {
            rows.Add(header.ToDictionary(h => h, h => csv.GetField(h) ?? ""));
        }

        return rows;
    }
}
