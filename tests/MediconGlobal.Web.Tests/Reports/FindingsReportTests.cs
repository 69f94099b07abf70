using System.Net;
using AngleSharp.Html.Dom;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Testing;
using MediconGlobal.Web.Tests.Clients;
using MediconGlobal.Web.Tests.Infrastructure;

namespace MediconGlobal.Web.Tests.Reports;

/// <summary>
/// The pre-project findings report (issue 17 item 3): the page's three sections, the DOCX opened with the OpenXML
/// SDK holding the same headings and the same figures, figures equal to the scope report on screen, and the
/// protected version for partner staff.
/// </summary>
public sealed class FindingsReportTests(CasePortal cases) : IClassFixture<CasePortal>
{
    private static readonly string[] Sections = ["(a) Current situation", "(b) Partner landscape", "(c) Scope and target group"];

    [Fact]
    public async Task ProjectManager_DownloadsTheDocx_WithTheThreeSectionsAndTheFiguresOfThePage()
    {
        await ArrangeNeedsAsync();
        var pm = await cases.ProjectManagerAsync();

        var page = await pm.GetPageAsync("/reports/findings");
        var docx = await pm.GetAsync("/reports/findings?handler=Docx");

        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType!.MediaType);
        using var document = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        var body = document.MainDocumentPart!.Document.Body!;
        var headings = body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList();
        Assert.Equal(Sections, headings);
        Assert.Equal(Sections, page.QuerySelectorAll("section.findings-section h2").Select(h => h.TextContent.Trim()));
        // Every table has its caption in both; an empty one is a "nothing to show" line in both, not a table.
        Assert.Equal(page.QuerySelectorAll(".findings-table h3").Select(h => h.TextContent.Trim()), body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading2").Select(p => p.InnerText));
        Assert.Equal(PageTables(page), body.Elements<Table>().Select(t => t.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList()).ToList());
        Assert.Null(page.QuerySelector("#protected-notice"));

        // The ranked scope equals the scope report on screen, and every table links back to its report.
        var scope = await pm.GetPageAsync("/reports/scope");
        AssertScopeRankMatches(page, scope);
        Assert.All(page.QuerySelectorAll(".findings-source a"), a => Assert.StartsWith("/", a.GetAttribute("href"), StringComparison.Ordinal));
        Assert.Contains(page.QuerySelectorAll(".findings-source a"), a => a.GetAttribute("href")!.StartsWith("/reports/gaps?rows=category&cols=market", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PartnerStaff_GetTheProtectedReport_AndNoOrganisationNames()
    {
        await ArrangeNeedsAsync();
        var partner = await cases.PartnerAsync();

        var page = await partner.GetPageAsync("/reports/findings");

        Assert.NotNull(page.QuerySelector("#protected-notice"));
        Assert.Contains("protected figures", page.QuerySelector("#findings-subtitle")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("What partners need", page.Text(), StringComparison.Ordinal);
        AssertScopeRankMatches(page, await partner.GetPageAsync("/reports/scope"));
        var docx = await partner.GetAsync("/reports/findings?handler=Docx");
        using var document = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        Assert.Contains("protected figures", document.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadDates_ShowTheMessage_AndFoundersAreRefused()
    {
        var pm = await cases.ProjectManagerAsync();

        var page = await pm.GetPageAsync("/reports/findings?from=2026-05-01&to=2026-01-01");

        Assert.Contains("The end date must not be before the start date.", page.ValidationMessages());
        var bad = await pm.GetAsync("/reports/findings?handler=Docx&to=yesterday");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.StartsWith("text/html", bad.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        var company = await cases.CompanyAsync(CasePortal.Unique("Founder Findings"));
        var founder = await cases.FounderAsync(company.Id);
        var refused = await founder.GetAsync("/reports/findings");
        Assert.StartsWith("/Identity/Account/AccessDenied", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private async Task ArrangeNeedsAsync()
    {
        for (var i = 0; i < 4; i++)
        {
            var company = await cases.CompanyAsync(CasePortal.Unique("Findings Client"));
            await cases.NeedAsync(company, "legal", "usa");
            await cases.NeedAsync(company, "regulatory", "germany");
        }
    }

    private static List<List<List<string>>> PageTables(IHtmlDocument page) =>
        page.QuerySelectorAll(".findings-table table").Select(table =>
            table.QuerySelectorAll("tr").Select(row => row.Children.Select(cell => cell.TextContent.Trim()).ToList()).ToList()).ToList();

    private static void AssertScopeRankMatches(IHtmlDocument findings, IHtmlDocument scope)
    {
        var first = findings.QuerySelector("#section-scope table tbody tr")!.Children.Select(c => c.TextContent.Trim()).ToList();
        var ranked = scope.QuerySelector("#ranking li")!.TextContent;
        Assert.Contains(first[1], ranked, StringComparison.Ordinal);
        Assert.Contains($"{first[4]} of {first[3]} needs", System.Text.RegularExpressions.Regex.Replace(ranked, @"\s+", " "), StringComparison.Ordinal);
    }
}
