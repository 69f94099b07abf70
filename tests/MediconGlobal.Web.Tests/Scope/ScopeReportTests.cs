using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Privacy;
using MediconGlobal.Core.Scope;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediconGlobal.Web.Tests.Scope;

public sealed class ScopeReportTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new();

    public async Task InitializeAsync() => await _portal.WithDbAsync(async db =>
    {
        // Three Halland clients with a regulatory need no offer covers; one Skåne client whose legal need Innovation Skåne's offer covers.
        var smile = await db.Organisations.SingleAsync(o => o.SeedKey == OrganisationSeed.SmiLe);
        var terms = await TermLookup.LoadAsync(db);
        var at = new DateTime(2026, 10, 1, 9, 0, 0, DateTimeKind.Utc);
        for (var i = 1; i <= 3; i++)
        {
            var company = new Company($"Halland Client {i} AB", "SE") { HomeIncubator = smile, Region = terms[TaxonomyKind.Region, "se-halland"] };
            db.Needs.Add(new Need(company, terms[TaxonomyKind.SupportCategory, "regulatory"], terms[TaxonomyKind.Market, "usa"], "FDA pathway", NeedPriority.High, new Actor("u", "Advisor"), at));
        }

        var skane = new Company("Skåne Client AB", "SE") { HomeIncubator = smile, Region = terms[TaxonomyKind.Region, "se-skane"] };
        db.Needs.Add(new Need(skane, terms[TaxonomyKind.SupportCategory, "legal"], terms[TaxonomyKind.Market, "germany"], "Contracts", NeedPriority.Low, new Actor("u", "Advisor"), at));
        await db.SaveChangesAsync();
    });

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Get_RanksSegmentsByGaps_WithTheFiguresBehindEachLine()
    {
        var client = await _portal.SignedInClientAsync("pm@example.test", Roles.ProjectManager, OrganisationSeed.SmiLe);

        var page = await client.GetPageAsync("/reports/scope");

        var ranking = page.QuerySelectorAll("#ranking li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, ranking.Count);
        Assert.Contains("Halland", ranking[0], StringComparison.Ordinal);
        Assert.Contains("3 of 3 needs (100%) from 3 companies are gaps: 0 closed unmet, 3 active with no matching offer.", ranking[0], StringComparison.Ordinal);
        Assert.Contains("Incubator", ranking[1], StringComparison.Ordinal);
        var skane = page.QuerySelectorAll("#by-region tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Skåne");
        Assert.Equal(["1", "1", "0", "0", "0%"], skane.QuerySelectorAll("td").Take(5).Select(td => td.TextContent));
    }

    [Fact]
    public async Task CsvExport_HasEverySection_WithTheProtectedFigures()
    {
        var client = await _portal.SignedInClientAsync("pm@example.test", Roles.ProjectManager, OrganisationSeed.SmiLe);

        var response = await client.GetAsync("/reports/scope?handler=Csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.StartsWith("Section,Rank,Segment,Companies", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        var protectedReport = await _portal.WithDbAsync(db => ScopeQuery.LoadAsync(db, new Viewer("pm", new HashSet<string> { Roles.ProjectManager }, null, null), protection: _portal.Services.GetRequiredService<SmallCellProtection>()));
        await using var expected = new StringWriter();
        ScopeExport.WriteCsv(expected, protectedReport);
        Assert.Equal(expected.ToString().Split('\n').Select(l => l.TrimEnd('\r')), lines.Select(l => l.TrimStart('\uFEFF')));
        Assert.Contains(lines, l => l.StartsWith("By region,,Skåne,", StringComparison.Ordinal) && l.Split(',')[3] is not ("1" or "2")); // one company
        Assert.Contains(lines, l => l.StartsWith("By region,,Halland,", StringComparison.Ordinal) && int.Parse(l.Split(',')[3], CultureInfo.InvariantCulture) >= 3);
        Assert.Contains(lines, l => l.StartsWith("By type and region,,Incubator,", StringComparison.Ordinal) && l.Split(',')[14] == "Halland");
        Assert.Contains(lines, l => l.StartsWith("By type and region,,All,", StringComparison.Ordinal) && l.Split(',')[14] == "All");
    }

    [Fact]
    public async Task XlsxExport_IsAWorkbookWithRankingTypeRegionAndNotes()
    {
        var client = await _portal.SignedInClientAsync("pm@example.test", Roles.ProjectManager, OrganisationSeed.SmiLe);

        var response = await client.GetAsync("/reports/scope?handler=Xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition!.FileName, StringComparison.Ordinal);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["Ranking", "By organisation type", "By region", "By type and region", "Notes"], sheets);
        var ranking = (WorksheetPart)workbook.WorkbookPart.GetPartById(workbook.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!);
        var firstRow = ranking.Worksheet.Descendants<Row>().ElementAt(1).Elements<Cell>().Select(c => c.InnerText).ToList();
        Assert.Equal(["1", "Halland", "3"], firstRow.Take(3));

        var crossSheet = (WorksheetPart)workbook.WorkbookPart.GetPartById(workbook.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == ScopeExport.CrossTableSection).Id!);
        var crossRows = crossSheet.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().ToList()).ToList();
        Assert.Equal(ScopeExport.CrossTableHeader, crossRows[0].Select(c => c.InnerText));
        var incubatorHalland = crossRows.Single(r => r[0].InnerText == "Incubator" && r[1].InnerText == "Halland");
        Assert.True(incubatorHalland[3].DataType is null || incubatorHalland[3].DataType!.Value == CellValues.Number, "figures are typed as numbers");
        Assert.InRange(int.Parse(incubatorHalland[3].InnerText, CultureInfo.InvariantCulture), 3, 7); // three needs, perturbed
    }

    [Fact]
    public async Task ExportsInDanish_NameSheetsHeadingsAndSegmentsInDanish()
    {
        var client = await _portal.SignedInClientAsync("pm-da@example.test", Roles.ProjectManager, OrganisationSeed.SmiLe);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("da");

        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await client.GetByteArrayAsync("/reports/scope?handler=Xlsx")), false);
        var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["Rangorden", "Pr. organisationstype", "Pr. region", "Pr. type og region", "Noter"], sheets);
        var text = string.Join("\n", workbook.WorkbookPart.WorksheetParts.Select(p => p.Worksheet.InnerText));
        Assert.Contains("Inkubator", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Incubator", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Needs with a matching offer", text, StringComparison.Ordinal);

        var csv = (await client.GetStringAsync("/reports/scope?handler=Csv")).TrimStart('\uFEFF');
        Assert.StartsWith("Afsnit,", csv, StringComparison.Ordinal);
        Assert.Contains("Rangorden,1,Halland,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CrossTable_OnThePage_IsTheExactTable_WhoseCellsSumToItsMargins()
    {
        var client = await _portal.SignedInClientAsync("pm@example.test", Roles.ProjectManager, OrganisationSeed.SmiLe);

        var page = await client.GetPageAsync("/reports/scope");

        var table = page.QuerySelector("#cross-table")!;
        Assert.All(table.QuerySelectorAll("th"), th => Assert.True(th.HasAttribute("scope")));
        var rows = table.QuerySelectorAll("tbody tr").Select(Needs).ToList();
        var totals = Needs(table.QuerySelector("tfoot tr")!);
        Assert.All(rows, row => Assert.Equal(row[^1], row[..^1].Sum()));
        for (var j = 0; j < totals.Count; j++)
        {
            Assert.Equal(totals[j], rows.Sum(row => row[j]));
        }

        Assert.Equal(4, totals[^1]);
        var smile = table.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Incubator");
        Assert.Contains("3 needs", smile.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#protected-notice"));

        static List<int> Needs(AngleSharp.Dom.IElement row) =>
            row.QuerySelectorAll("td").Select(td => int.Parse(td.GetAttribute("data-needs")!, CultureInfo.InvariantCulture)).ToList();
    }

    [Fact]
    public async Task PartnerStaff_SeeTheProtectedReport_WithTheProtectedCrossTable()
    {
        var client = await _portal.SignedInClientAsync("partner@example.test", Roles.PartnerStaff, OrganisationSeed.InnovationSkane);

        var page = await client.GetPageAsync("/reports/scope");

        Assert.NotNull(page.QuerySelector("#protected-notice"));
        Assert.Null(page.QuerySelector(".landscape-nav"));
        var partner = new Viewer("partner", new HashSet<string> { Roles.PartnerStaff }, null, null);
        var expected = (await _portal.WithDbAsync(db => ScopeQuery.LoadAsync(db, partner, protection: _portal.Services.GetRequiredService<SmallCellProtection>()))).CrossTable;
        Assert.True(expected.IsProtected);
        var shown = page.QuerySelectorAll("#cross-table tbody tr, #cross-table tfoot tr")
            .SelectMany(r => r.QuerySelectorAll("td").Select(td => (td.GetAttribute("data-needs"), td.GetAttribute("data-unmet"), td.GetAttribute("data-covered"))))
            .ToList();
        var published = expected.Cells.Zip(expected.TypeTotals, (row, total) => row.Append(total)).SelectMany(r => r)
            .Concat(expected.RegionTotals).Append(expected.Total)
            .Select(c => (Text(c.Needs), Text(c.Unmet), Text(c.Covered)))
            .ToList();
        Assert.Equal(published, shown);
        Assert.DoesNotContain(shown, c => c.Item1 is "1" or "2"); // Skåne's one company is never shown as 1

        static string? Text(int value) => value.ToString(CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task ScopeReportAndExports_AreRefusedToFounders()
    {
        var client = await _portal.SignedInClientAsync("founder@example.test", Roles.Startup);

        foreach (var path in new[] { "/reports/scope", "/reports/scope?handler=Csv", "/reports/scope?handler=Xlsx" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Identity/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }
}
