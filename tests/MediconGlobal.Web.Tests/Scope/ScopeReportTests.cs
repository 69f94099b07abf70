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
            db.Needs.Add(new Need(company, terms[TaxonomyKind.SupportCategory, "regulatory"], terms[TaxonomyKind.Market, "usa"], "FDA pathway", NeedPriority.High, "u", "Advisor", at));
        }

        var skane = new Company("Skåne Client AB", "SE") { HomeIncubator = smile, Region = terms[TaxonomyKind.Region, "se-skane"] };
        db.Needs.Add(new Need(skane, terms[TaxonomyKind.SupportCategory, "legal"], terms[TaxonomyKind.Market, "germany"], "Contracts", NeedPriority.Low, "u", "Advisor", at));
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
        Assert.Equal(["Ranking", "By organisation type", "By region", "Notes"], sheets);
        var ranking = (WorksheetPart)workbook.WorkbookPart.GetPartById(workbook.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!);
        var firstRow = ranking.Worksheet.Descendants<Row>().ElementAt(1).Elements<Cell>().Select(c => c.InnerText).ToList();
        Assert.Equal(["1", "Halland", "3"], firstRow.Take(3));
    }

    [Theory]
    [InlineData(Roles.Advisor)]
    [InlineData(Roles.PartnerStaff)]
    public async Task ScopeReportAndExports_AreRefusedToOtherRoles(string role)
    {
        var client = await _portal.SignedInClientAsync("other@example.test", role, OrganisationSeed.InnovationSkane);

        foreach (var path in new[] { "/reports/scope", "/reports/scope?handler=Csv", "/reports/scope?handler=Xlsx" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Identity/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }
}
