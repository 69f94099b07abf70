using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Localisation;

/// <summary>
/// The CSV downloads are for people opening them in a spreadsheet, so their headings and values (category, format,
/// cost, stages, languages) are in the reader's language (issue 14, ADR 1405 and 1406): the offers and shortlist
/// downloads in Swedish and Danish (every download's headings in the pseudo culture: <see cref="ExportHeadingsPseudoTests"/>).
/// </summary>
public sealed class ExportLanguageTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private readonly PortalFactory _portal = fixture.Portal;

    [Fact]
    public async Task OffersCsv_InSwedish_HasSwedishHeadingsTermsFormatAndCost()
    {
        var client = _portal.CreatePortalClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("sv");

        var rows = Read(await client.GetStringAsync("/offers?category=test-beds&handler=Csv"));

        Assert.Equal(["Id", "Namn", "Anordnare", "Program", "Kategori", "Form", "Kostnad", "Kostnadsdetaljer"], rows[0][..8]);
        Assert.Equal("Senast granskat (Europe/Stockholm)", rows[0][^2]);
        var testBeds = rows.Single(r => r[1] == "Test-bed services with Region Skåne");
        Assert.Equal(["Testbäddar och klinisk validering", "Testbädd", "Avgiftsbelagt"], testBeds[4..7]);
        Assert.Contains("Klinisk", testBeds[8].Split("; "));
        Assert.Contains("Engelska", testBeds[12].Split("; "));
        var all = string.Join("\n", rows.Select(r => string.Join(",", r)));
        Assert.DoesNotContain("Test beds and clinical validation", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Paid", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Last reviewed", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShortlistCsv_InDanish_HasDanishHeadingsTermsFormatAndCost()
    {
        var id = await _portal.WithDbAsync(db => db.Offers.Where(o => o.SeedKey == "is-test-beds").Select(o => o.Id).SingleAsync());
        var client = _portal.CreatePortalClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("da");

        var rows = Read(await client.GetStringAsync($"/shortlist?handler=Csv&offers={id}"));

        Assert.Equal(["Id", "Navn", "Udbyder", "Program", "Kategori", "Form", "Pris", "Prisdetaljer"], rows[0][..8]);
        Assert.Equal(["Testfaciliteter og klinisk validering", "Testfacilitet", "Betalt"], rows[1][4..7]);
        Assert.Contains("Engelsk", rows[1][12].Split("; "));
        Assert.Equal("Priced per project; ask Innovation Skåne.", rows[1][7]);
    }

    [Fact]
    public async Task OffersCsv_InEnglish_KeepsReadableEnglishHeadings()
    {
        var rows = Read(await _portal.CreatePortalClient().GetStringAsync("/offers?category=test-beds&handler=Csv"));

        Assert.Equal(["Id", "Name", "Provider", "Programme", "Category", "Format", "Cost", "Cost details"], rows[0][..8]);
        Assert.Equal(["Test beds and clinical validation", "Test bed", "Paid"], rows.Single(r => r[1] == "Test-bed services with Region Skåne")[4..7]);
    }

    private static List<string[]> Read(string csv)
    {
        using var reader = new CsvReader(new StringReader(csv.TrimStart('\uFEFF')), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(reader.Parser.Record!);
        }

        return rows;
    }
}
