using System.Net;
using AngleSharp.Html.Dom;
using DocumentFormat.OpenXml.Packaging;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Infrastructure;

namespace MediconGlobal.Web.Tests.Reports;

public sealed class GapReportPageTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new();
    private GapWebData _data = null!;

    public async Task InitializeAsync() => _data = await GapWebData.SeedAsync(_portal);

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Theory]
    [InlineData("/reports/gaps")]
    [InlineData("/reports/gaps/export?format=xlsx")]
    [InlineData("/reports/gaps/snapshots")]
    public async Task Anonymous_IsSentToSignIn(string path)
    {
        var response = await _portal.CreatePortalClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_IsRefused()
    {
        var client = await _portal.SignedInClientAsync("founder@example.test", Roles.Startup);

        var response = await client.GetAsync("/reports/gaps");

        Assert.StartsWith("/Identity/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ProjectManager_SeesFullNumbersWithTotals()
    {
        var client = await _portal.SignedInClientAsync("pm@example.test", Roles.ProjectManager, "mva");

        var page = await client.GetPageAsync("/reports/gaps?rows=Category&cols=Market");

        Assert.Equal("5", CellText(page, _data.Legal, _data.Usa)); // four SmiLe clients and one of Innovation Skåne
        Assert.Equal("1", CellText(page, _data.Regulatory, _data.Germany));
        Assert.Equal("6", page.QuerySelector("#gap-matrix tfoot .grand .cell-value")!.TextContent);
        Assert.Null(page.QuerySelector("#protected-notice"));
    }

    [Fact]
    public async Task OfferPublishedByAPartner_CountsInTheNextReport()
    {
        var pm = await _portal.SignedInClientAsync("pm@example.test", Roles.ProjectManager, "mva");
        const string Link = "/reports/gaps?rows=Category&cols=Market&measure=Offers";
        var before = int.Parse(CellText(await pm.GetPageAsync(Link), _data.Regulatory, _data.Germany), System.Globalization.CultureInfo.InvariantCulture);
        var draft = await _data.AddDraftRegulatoryOfferForGermanyAsync(_portal);

        var partner = await _portal.SignedInClientAsync("partner-gaps@example.test", Roles.PartnerStaff, OrganisationSeed.Dlsc);
        var edit = await partner.GetPageAsync($"/partner/offers/{draft}/edit");
        var published = await partner.SubmitAsync(edit, $"form[action='/partner/offers/{draft}/edit?handler=Publish']");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        Assert.Equal((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), CellText(await pm.GetPageAsync(Link), _data.Regulatory, _data.Germany));
    }

    [Theory]
    [InlineData("rows=Market&cols=Market", "Rows and columns must be two different dimensions.")]
    [InlineData("rows=Planets", "Choose a dimension for the rows.")]
    [InlineData("from=2026-13-45", "Enter the start date as a date, for example 2026-01-31.")]
    [InlineData("from=2026-05-01&to=2026-04-01", "The end date must not be before the start date.")]
    [InlineData("country=FI", "Choose Sweden, Denmark or Norway.")]
    [InlineData("status=Lost", "Choose need statuses from the list.")]
    public async Task Get_InvalidSettings_ShowAMessage(string query, string message)
    {
        var client = await _portal.SignedInClientAsync("pm@example.test", Roles.ProjectManager, "mva");

        var page = await client.GetPageAsync("/reports/gaps?" + query);

        Assert.Contains(message, page.ValidationMessages());
        Assert.Null(page.QuerySelector("#gap-matrix"));
    }

    [Fact]
    public async Task Get_MissingOrOddCell_ShowsTheReportWithoutDrillDown()
    {
        var client = await _portal.SignedInClientAsync("pm@example.test", Roles.ProjectManager, "mva");

        var page = await client.GetPageAsync("/reports/gaps?row=999999&col=abc&region=x");

        Assert.NotNull(page.QuerySelector("#gap-matrix"));
        Assert.Null(page.QuerySelector("#drill-down"));
    }

    [Fact]
    public async Task DrillDown_ProjectManager_SeesTheNeedsAndOffersBehindACell()
    {
        var client = await _portal.SignedInClientAsync("pm@example.test", Roles.ProjectManager, "mva");

        var page = await client.GetPageAsync($"/reports/gaps?row={_data.Legal}&col={_data.Usa}");

        var needs = page.QuerySelectorAll("#drill-down-needs tbody tr").Select(r => r.QuerySelector("td")!.TextContent).ToList();
        Assert.Equal(5, needs.Count);
        Assert.Contains($"{GapWebData.SkaneClient} 2", needs);
        Assert.NotEmpty(page.QuerySelectorAll("#drill-down-offers li")); // Innovation Skåne's legal advisory is for every market
    }

    [Fact]
    public async Task Partner_SeesTheProtectedView_AndNoIndividualNeeds()
    {
        var client = await _portal.SignedInClientAsync("dorte@example.test", Roles.PartnerStaff, "dlsc");

        var page = await client.GetPageAsync($"/reports/gaps?row={_data.Regulatory}&col={_data.Germany}");

        Assert.NotNull(page.QuerySelector("#protected-notice"));
        Assert.Equal("0", CellTextOrZero(page, _data.Regulatory, _data.Germany)); // one company: shown as none
        Assert.True(page.QuerySelector("#drill-down") is not { } drill || drill.TextContent.Contains("This cell shows no needs", StringComparison.Ordinal));
        Assert.Null(page.QuerySelector("#drill-down-offers"));
        Assert.DoesNotContain(GapWebData.SmileClient, page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#drill-down-needs"));
        Assert.Null(page.QuerySelector("#snapshot-form"));
    }

    [Fact]
    public async Task Advisor_CountsOnlyTheirOwnClients_EvenWhenAskingForAnotherIncubator()
    {
        var client = await _portal.SignedInClientAsync("ivan@example.test", Roles.Advisor, "innovation-skane");
        var smile = await _portal.WithDbAsync(db => Task.FromResult(db.Organisations.Single(o => o.SeedKey == "smile").Id));

        var page = await client.GetPageAsync($"/reports/gaps?incubator={smile}&row={_data.Legal}&col={_data.Usa}");

        Assert.Equal("2", page.QuerySelector("#gap-summary dd")!.TextContent);
        Assert.Equal("1", CellText(page, _data.Legal, _data.Usa));
        Assert.Equal([$"{GapWebData.SkaneClient} 2"], page.QuerySelectorAll("#drill-down-needs tbody tr").Select(r => r.QuerySelector("td")!.TextContent));
    }

    [Fact]
    public async Task ExportCsv_HoldsTheProtectedNumbers_EvenForAProjectManager()
    {
        var client = await _portal.SignedInClientAsync("pm@example.test", Roles.ProjectManager, "mva");
        var screen = await client.GetPageAsync("/reports/gaps?view=protected");

        var csv = await client.GetStringAsync("/reports/gaps/export?format=csv");

        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.StartsWith("Support category,Target market,Needs,Companies", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain(lines.Skip(1), l => l.Split(',')[3] is "1" or "2"); // never one or two companies
        Assert.DoesNotContain(lines, l => l.StartsWith("\"Regulatory (CE marking, FDA)\",Germany,", StringComparison.Ordinal) && l.Split(',')[3] != "0");
        Assert.Equal("0", CellTextOrZero(screen, _data.Regulatory, _data.Germany));
        Assert.NotNull(screen.QuerySelector("#protected-notice"));
        var total = lines.Single(l => l.StartsWith("Total,Total,", StringComparison.Ordinal)).Split(',')[2];
        Assert.Equal(screen.QuerySelector("#gap-matrix tfoot .grand .cell-value")!.TextContent, total);
    }

    [Fact]
    public async Task ExportXlsx_HasMatrixDrillDownAndFilterSheets()
    {
        var client = await _portal.SignedInClientAsync("pm@example.test", Roles.ProjectManager, "mva");

        var response = await client.GetAsync($"/reports/gaps/export?format=xlsx&region={_data.Skane}");

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["Matrix", "Drill-down", "Filters"], sheets);
        Assert.Contains("Skåne", document.WorkbookPart.WorksheetParts.Select(p => p.Worksheet.InnerText).Single(t => t.Contains("Region of the company", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportsInSwedish_NameSheetsHeadingsMeasuresFiltersAndTermsInSwedish()
    {
        var client = await _portal.SignedInClientAsync("pm-sv@example.test", Roles.ProjectManager, "mva");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("sv");

        var response = await client.GetAsync($"/reports/gaps/export?format=xlsx&region={_data.Skane}");
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["Matris", "Detaljer", "Filter"], sheets);
        var text = string.Join("\n", document.WorkbookPart.WorksheetParts.Select(p => p.Worksheet.InnerText));
        Assert.Contains("Typ av stöd", text, StringComparison.Ordinal);
        Assert.Contains("Behov med ett matchande erbjudande", text, StringComparison.Ordinal);
        Assert.Contains("Företagets region", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Needs with a matching offer", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Region of the company", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Any date", text, StringComparison.Ordinal);

        var csv = (await client.GetStringAsync("/reports/gaps/export?format=csv")).TrimStart('\uFEFF');
        Assert.StartsWith("Typ av stöd,Målmarknad,Behov,Företag", csv, StringComparison.Ordinal);
        Assert.Contains("Totalt,Totalt,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_UnknownFormat_ShowsAMessage()
    {
        var client = await _portal.SignedInClientAsync("pm@example.test", Roles.ProjectManager, "mva");

        var page = await client.GetPageAsync("/reports/gaps/export?format=pdf");

        Assert.Contains("Choose XLSX or CSV.", page.ValidationMessages());
    }

    /// <summary>The number shown in the cell of the row and column with these term ids.</summary>
    private static string CellText(IHtmlDocument page, int rowId, int columnId) =>
        CellTextOrZero(page, rowId, columnId, missingIsZero: false);

    /// <summary>As <see cref="CellText"/>; the protected view leaves out rows and columns that show nothing, which read as 0.</summary>
    private static string CellTextOrZero(IHtmlDocument page, int rowId, int columnId, bool missingIsZero = true)
    {
        var headers = page.QuerySelectorAll("#gap-matrix thead th").ToList();
        var column = headers.FindIndex(h => h.GetAttribute("data-key") == columnId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var row = page.QuerySelectorAll("#gap-matrix tbody tr").SingleOrDefault(r => r.QuerySelector("th")!.GetAttribute("data-key") == rowId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if ((row is null || column < 0) && missingIsZero)
        {
            return "0";
        }

        var cell = row!.Children[column];
        return (cell.QuerySelector(".cell-value") ?? throw new InvalidOperationException("Empty cell")).TextContent.Trim();
    }
}
