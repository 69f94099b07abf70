using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Security;
using Microsoft.Playwright;

namespace MediconGlobal.Web.Tests.Browser;

/// <summary>
/// Issue 17 item 3 in a real browser, on the demo data: a project manager opens the findings report, narrows it to
/// Swedish companies, downloads the DOCX and a test opens it with the OpenXML SDK and finds the three sections and
/// every table of the page with the same figures. The page passes axe and is captured in English and Swedish at
/// desktop and phone width.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FindingsJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task ProjectManager_DownloadsTheDocx_AndItHoldsTheSectionsAndFiguresOfThePage()
    {
        // An account of its own: the language switch below is remembered on the account.
        var email = $"findings-pm-{Guid.NewGuid():N}@example.test";
        await browser.Portal.CreateUserAsync(email, Roles.ProjectManager, OrganisationSeed.SmiLe);
        var page = await browser.NewPageAsync();
        await page.SignInAsync(email, PortalFactory.Password);
        await page.GotoAsync("/reports/findings");
        await page.Locator("#country").SelectOptionAsync("SE");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("country=SE", StringComparison.Ordinal));
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("findings-desktop");

        var sections = await page.Locator("section.findings-section h2").AllTextContentsAsync();
        var tables = await PageTablesAsync(page);
        Assert.Equal(["(a) Current situation", "(b) Partner landscape", "(c) Scope and target group"], sections.Select(s => s.Trim()));
        Assert.NotEmpty(tables[0].Skip(1));

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-docx").ClickAsync());
        var path = await download.PathAsync();
        using (var document = WordprocessingDocument.Open(path, false))
        {
            var body = document.MainDocumentPart!.Document.Body!;
            Assert.Equal(sections.Select(s => s.Trim()), body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText));
            Assert.Equal(tables, body.Elements<Table>().Select(t => t.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList()).ToList());
            Assert.Contains("Sweden", body.InnerText, StringComparison.Ordinal);
        }

        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync("findings-phone");
        await page.AssertAccessibleAsync();
        await page.SetViewportSizeAsync(1280, 900);
        await page.GetByRole(AriaRole.Button, new() { Name = "Svenska" }).ClickAsync();
        await page.WaitForFunctionAsync("document.documentElement.lang === 'sv'");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("findings-sv-desktop");
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync("findings-sv-phone");
        await page.Context.CloseAsync();
    }

    private static async Task<List<List<List<string>>>> PageTablesAsync(IPage page)
    {
        var tables = new List<List<List<string>>>();
        foreach (var table in await page.Locator(".findings-table table").AllAsync())
        {
            var rows = new List<List<string>>();
            foreach (var row in await table.Locator("tr").AllAsync())
            {
                rows.Add([.. (await row.Locator("th, td").AllTextContentsAsync()).Select(c => c.Trim())]);
            }

            tables.Add(rows);
        }

        return tables;
    }
}
