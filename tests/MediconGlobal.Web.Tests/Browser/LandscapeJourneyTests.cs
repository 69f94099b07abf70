using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MediconGlobal.Core.Data.Seed;
using Microsoft.Playwright;

namespace MediconGlobal.Web.Tests.Browser;

/// <summary>The project manager's landscape journey (issue 6) end to end, and the administrator's import.</summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class LandscapeJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task ProjectManager_FiltersTheMap_OpensSkane_MovesAnOrganisation_SeesBrokers_AndDownloadsTheScopeReport()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAccounts.PmSmile, DemoAccounts.Password);
        await page.GotoAsync("/landscape");
        await page.AssertAccessibleAsync();

        // Filter the map to incubators and open Skåne.
        await page.GetByLabel("Type of organisation").SelectOptionAsync("Incubator");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("type=Incubator", StringComparison.Ordinal));
        var skane = page.Locator("a[data-region=se-skane]");
        await Assertions.Expect(skane).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("^Skåne: 1 organisation, "));
        await skane.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("region=se-skane", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#region-heading")).ToHaveTextAsync("Skåne");
        await Assertions.Expect(page.Locator("#region .org-item")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#region")).ToContainTextAsync("SmiLe Incubator");
        await page.AssertAccessibleAsync();
        await AssertNoSidewaysScrollAsync(page);
        await page.ScreenshotAsync("landscape-map-desktop");

        // Every type in Skåne, then move Innovation Skåne (seeded as contacted) to engaged with a note.
        await page.GetByLabel("Type of organisation").SelectOptionAsync(string.Empty);
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("type=Incubator", StringComparison.Ordinal));
        await page.Locator("#region").GetByRole(AriaRole.Link, new() { Name = "Innovation Skåne" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Innovation Skåne");
        await Assertions.Expect(page.Locator(".lead .status-badge")).ToHaveTextAsync("Contacted");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("New status").SelectOptionAsync("Engaged");
        await page.GetByLabel("Note", new() { Exact = true }).FillAsync("Agreed to co-host the advisory day in Malmö.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("Moved to Engaged.");
        await Assertions.Expect(page.Locator(".lead .status-badge")).ToHaveTextAsync("Engaged");
        var latest = page.Locator(".history li").First;
        await Assertions.Expect(latest).ToContainTextAsync("Contacted → Engaged");
        await Assertions.Expect(latest).ToContainTextAsync("Agreed to co-host the advisory day in Malmö.");
        await Assertions.Expect(latest).ToContainTextAsync("Petra");
        await page.AssertAccessibleAsync();

        // The pipeline shows it among the engaged.
        await page.GetByRole(AriaRole.Link, new() { Name = "Engagement pipeline" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("section[aria-labelledby=stage-Engaged]")).ToContainTextAsync("Innovation Skåne");
        await page.AssertAccessibleAsync();
        await AssertNoSidewaysScrollAsync(page);
        await page.ScreenshotAsync("landscape-pipeline-desktop");
        await page.GetByRole(AriaRole.Link, new() { Name = "List" }).ClickAsync();
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("Innovation Skåne");
        await page.AssertAccessibleAsync();

        // The network names its brokers and draws the graph.
        await page.Locator(".landscape-nav").GetByRole(AriaRole.Link, new() { Name = "Collaboration network" }).ClickAsync();
        await Assertions.Expect(page.Locator("#brokers li").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#network-canvas canvas").First).ToBeAttachedAsync();
        await page.AssertAccessibleAsync();
        await AssertNoSidewaysScrollAsync(page);
        await page.ScreenshotAsync("landscape-network-desktop");

        // The scope report ranks where to act and downloads as a workbook and as CSV.
        await page.Locator(".landscape-nav").GetByRole(AriaRole.Link, new() { Name = "Scope and target group" }).ClickAsync();
        await Assertions.Expect(page.Locator("#ranking li").First).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        var crossRows = await page.Locator("#cross-table tbody tr").EvaluateAllAsync<int[][]>("rows => rows.map(r => [...r.querySelectorAll('td')].map(td => +td.dataset.needs))");
        var crossTotals = await page.Locator("#cross-table tfoot td").EvaluateAllAsync<int[]>("cells => cells.map(td => +td.dataset.needs)");
        Assert.All(crossRows, row => Assert.Equal(row[^1], row[..^1].Sum()));
        Assert.Equal(crossTotals, Enumerable.Range(0, crossTotals.Length).Select(j => crossRows.Sum(row => row[j])));
        await page.ScreenshotAsync("scope-report-desktop");
        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-xlsx").ClickAsync());
        Assert.EndsWith(".xlsx", xlsx.SuggestedFilename, StringComparison.Ordinal);
        using (var workbook = SpreadsheetDocument.Open(await xlsx.PathAsync(), false))
        {
            Assert.Equal(["Ranking", "By organisation type", "By region", "By type and region", "Notes"], workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
        }

        var csv = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-csv").ClickAsync());
        Assert.StartsWith("Section,Rank,Segment", (await File.ReadAllTextAsync(await csv.PathAsync(), Encoding.UTF8)).TrimStart('\uFEFF'), StringComparison.Ordinal);

        // Initiatives side by side.
        await page.Locator(".landscape-nav").GetByRole(AriaRole.Link, new() { Name = "Compare initiatives" }).ClickAsync();
        await Assertions.Expect(page.Locator("#comparison")).ToContainTextAsync("Leap");
        await page.AssertAccessibleAsync();
        await AssertNoSidewaysScrollAsync(page);
        await page.ScreenshotAsync("programmes-compare-desktop");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/landscape?region=se-skane", "landscape-map-phone")]
    [InlineData("/landscape/pipeline", "landscape-pipeline-phone")]
    [InlineData("/landscape/network", "landscape-network-phone")]
    [InlineData("/reports/scope", "scope-report-phone")]
    [InlineData("/programmes/compare", "programmes-compare-phone")]
    public async Task LandscapePages_AtPhoneWidth_FitTheScreenAndPassAxe(string path, string screenshot)
    {
        var page = await browser.NewPageAsync(390, 844);
        await page.SignInAsync(DemoAccounts.PmMva, DemoAccounts.Password);

        await page.GotoAsync(path);

        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await AssertNoSidewaysScrollAsync(page);
        await page.ScreenshotAsync(screenshot);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Administrator_UploadsAMalformedFile_SeesTheRowAndReason_ThenImportsAFixedOne()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Admin, DemoAccounts.Password);
        await page.GotoAsync("/admin/import");
        await page.AssertAccessibleAsync();
        var name = $"Browser Import Incubator {Guid.NewGuid():N}"[..36];

        await page.GetByLabel("The file contains").SelectOptionAsync("Organisations");
        await page.Locator("#Upload").SetInputFilesAsync(new FilePayload { Name = "organisations.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes($"name,type,country\n{name},incubator,SE\nBroken AB,spaceport,SE\n") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check file" }).ClickAsync();
        await Assertions.Expect(page.Locator("#problems")).ToContainTextAsync("Row 3 (Broken AB): type \"spaceport\" is not an organisation type");
        await Assertions.Expect(page.Locator("#import-form")).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("admin-import-invalid");

        await page.GetByLabel("The file contains").SelectOptionAsync("Organisations");
        await page.Locator("#Upload").SetInputFilesAsync(new FilePayload { Name = "organisations.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes($"name,type,country,description\n{name},incubator,SE,\"Two lines:\nsecond line\"\n") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check file" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Import 1 row" }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("Imported organisations: 1 new, 0 changed, 0 unchanged.");
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/landscape/pipeline?view=list");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync(name);
        await page.Context.CloseAsync();
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"{page.Url} is {widths[0]} px wide in a {widths[1]} px window.");
    }
}
