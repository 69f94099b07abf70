using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MediconGlobal.Core.Data.Seed;
using Microsoft.Playwright;

namespace MediconGlobal.Web.Tests.Browser;

/// <summary>The project manager's gap report journey end to end, and what partners, advisors and strangers get.</summary>
[Collection(BrowserCollection.Name)]
public sealed class GapReportJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task ProjectManager_SwitchesFiltersDrillsSavesSnapshot_AndDownloadsTheSameNumbers()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAccounts.PmMva, DemoAccounts.Password);
        await page.GotoAsync("/reports/gaps?rows=Stage&cols=Region");
        await page.AssertAccessibleAsync();

        await page.SelectOptionAsync("#rows", "Category");
        await page.SelectOptionAsync("#cols", "Market");
        await page.GetByLabel("Region of the company").SelectOptionAsync(new SelectOptionValue { Label = "Skåne" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show report" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("region=", StringComparison.Ordinal) && url.Contains("rows=Category", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#matrix-title")).ToHaveTextAsync("Support category × Target market");
        await Assertions.Expect(page.Locator("#filters-used")).ToContainTextAsync("Skåne");
        await page.AssertAccessibleAsync();
        await AssertNoSidewaysScrollAsync(page);
        await page.ScreenshotAsync("gaps-pm-desktop");

        await page.Locator("#gap-matrix .cell-link").First.ClickAsync();
        await Assertions.Expect(page.Locator("#drill-down")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#drill-down-needs tbody tr").First).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("gaps-pm-drill-down");
        var reportUrl = page.Url;

        var title = $"Skåne, category × market {Guid.NewGuid():N}"[..40];
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Comment").FillAsync("Before the main project starts.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save snapshot" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await Assertions.Expect(page.Locator("#snapshot-comment")).ToHaveTextAsync("Before the main project starts.");
        await page.AssertAccessibleAsync();

        await page.GotoAsync(reportUrl);
        var full = await ScreenMatrixAsync(page);
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-xlsx").ClickAsync());
        var workbook = ReadMatrixSheet(await download.PathAsync());

        await page.GetByLabel("Show as partners and exports see it (figures perturbed to protect individual companies)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show report" }).ClickAsync();
        await Assertions.Expect(page.Locator("#protected-notice")).ToBeVisibleAsync();
        var protectedView = await ScreenMatrixAsync(page);

        Assert.Equal(protectedView, workbook);
        Assert.All(workbook.SelectMany(row => row), value => Assert.DoesNotContain(value, new[] { "1", "2" }));
        Assert.InRange(int.Parse(workbook[^1][^1], CultureInfo.InvariantCulture) - int.Parse(full[^1][^1], CultureInfo.InvariantCulture), -4, 4);

        await page.AssertAccessibleAsync();
        var phone = await browser.NewPageAsync(390, 844);
        await phone.SignInAsync(DemoAccounts.PmMva, DemoAccounts.Password);
        await phone.GotoAsync(reportUrl);
        await AssertNoSidewaysScrollAsync(phone);
        await phone.ScreenshotAsync("gaps-pm-phone");
        await phone.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PartnerStaff_SeeTheProtectedView_WithoutIndividualNeeds()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAccounts.PartnerDlsc, DemoAccounts.Password);
        await page.GotoAsync("/reports/gaps?rows=Category&cols=Region");
        await Assertions.Expect(page.Locator("#protected-notice")).ToBeVisibleAsync();
        Assert.DoesNotContain("1", (await ScreenMatrixAsync(page)).SelectMany(row => row));
        await Assertions.Expect(page.Locator("#snapshot-form")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("Show as partners and exports see it", new() { Exact = false })).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("gaps-partner-desktop");

        var link = page.Locator("#gap-matrix .cell-link").First;
        if (await link.CountAsync() > 0)
        {
            await link.ClickAsync();
            await Assertions.Expect(page.Locator("#drill-down")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#drill-down-needs")).ToHaveCountAsync(0);
        }

        await page.Context.CloseAsync();
        var phone = await browser.NewPageAsync(390, 844);
        await phone.SignInAsync(DemoAccounts.PartnerDlsc, DemoAccounts.Password);
        await phone.GotoAsync("/reports/gaps?rows=Category&cols=Region");
        await Assertions.Expect(phone.Locator("#protected-notice")).ToBeVisibleAsync();
        await phone.ScreenshotAsync("gaps-partner-phone");
        await phone.Context.CloseAsync();
    }

    [Fact]
    public async Task Advisor_SeesTheirOwnOrganisationsNumbers()
    {
        var expected = await browser.Portal.WithDbAsync(async db =>
        {
            var smile = db.Organisations.Single(o => o.SeedKey == OrganisationSeed.SmiLe).Id;
            return db.Needs.Count(n => n.Company!.HomeIncubatorId == smile && n.Status != Core.Domain.NeedStatus.Withdrawn);
        });
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAccounts.AdvisorSmile, DemoAccounts.Password);
        await page.GotoAsync("/reports/gaps");

        await Assertions.Expect(page.GetByText("These numbers count your own organisation's clients.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#gap-summary dd").First).ToHaveTextAsync(expected.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("#incubator")).ToBeDisabledAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("gaps-advisor-desktop");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/reports/gaps?rows=Category&cols=Market");
        Assert.Contains("/Identity/Account/Login", page.Url, StringComparison.OrdinalIgnoreCase);
        await page.Context.CloseAsync();
    }

    /// <summary>The page itself never scrolls sideways (the matrix scrolls inside its own region).</summary>
    private static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"The page is {widths[0]} px wide in a {widths[1]} px window.");
    }

    /// <summary>The needs figure of every cell and total on screen, row by row.</summary>
    private static async Task<List<List<string>>> ScreenMatrixAsync(IPage page)
    {
        var rows = await page.EvalOnSelectorAllAsync<string[][]>("#gap-matrix tbody tr, #gap-matrix tfoot tr",
            "rows => rows.map(r => Array.from(r.querySelectorAll('td')).map(td => (td.querySelector('.cell-value')?.textContent ?? '').trim()))");
        return rows.Select(r => r.ToList()).ToList();
    }

    /// <summary>The first block (needs) of the XLSX matrix sheet, without the header row and row labels.</summary>
    private static List<List<string>> ReadMatrixSheet(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var workbook = document.WorkbookPart!;
        Assert.Equal(["Matrix", "Drill-down", "Filters"], workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!));
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().First();
        var data = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.GetFirstChild<SheetData>()!;
        var rows = data.Elements<Row>().Select(r => r.Elements<Cell>().Select(c => c.InlineString?.Text?.Text ?? c.CellValue?.Text ?? "").ToList()).ToList();
        Assert.Equal("Needs", rows[0][0]);
        return rows.Skip(2).TakeWhile(r => r.Count > 0).Select(r => r.Skip(1).ToList()).ToList();
    }
}
