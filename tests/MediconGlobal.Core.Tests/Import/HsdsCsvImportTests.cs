using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Import;
using MediconGlobal.Testing;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Tests.Import;

/// <summary>HSDS 3.0 tabular files (services.csv, organizations.csv) imported where they fit.</summary>
public sealed class HsdsCsvImportTests
{
    [Fact]
    public async Task ServicesCsv_WithThePortalsRequiredColumns_IsWritten_RenamingHsdsColumnsAndSkippingTheRest()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        const string csv = """
            id,organization_id,name,description,url,email,status,application_process,fees_description,last_modified,provider,category,format
            7b1e,0a2c,Hospital pilot matchmaking,Meetings with clinics,https://example.org/pilot,pilot@example.org,active,Send a one-page pitch,Free of charge,2026-01-01,Innovation Skåne,partnering,one-to-one advisory
            """;
        await using (var db = database.CreateContext())
        {
            var result = await new CsvImporter(db, database.Clock).ImportAsync(ImportKind.Offers, csv);

            Assert.True(result.Written, string.Join("\n", result.Preview.Problems));
            Assert.Equal(["Columns the portal does not keep were skipped: id, organization_id, last_modified."], result.Preview.Notes.Select(n => n.ToString()));
        }

        await using var check = database.CreateContext();
        var offer = await check.Offers.SingleAsync(o => o.Name == "Hospital pilot matchmaking");
        Assert.Equal(
            (OfferStatus.Published, "https://example.org/pilot", "pilot@example.org", "Send a one-page pitch", "Free of charge"),
            (offer.Status, offer.Website, offer.ContactEmail, offer.HowToApply, offer.CostDetails));
    }

    [Fact]
    public async Task OrganizationsCsv_WithoutTypeAndCountry_SaysWhichColumnsToAdd_AndWritesNothing()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var before = await db.Organisations.CountAsync();

        var result = await new CsvImporter(db, database.Clock).ImportAsync(ImportKind.Organisations, "id,name,description,website,tax_id\n1,Nordic Trial Hub,Trials,https://example.org,556677-8899\n");

        Assert.False(result.Written);
        Assert.Equal(["The required column \"type\" is missing.", "The required column \"country\" is missing."], result.Preview.Problems);
        Assert.Equal(before, await db.Organisations.CountAsync());
    }

    [Fact]
    public async Task AnHsdsColumnTheFileAlsoHasUnderThePortalsName_IsNotReadTwice()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();

        var preview = await new CsvImporter(db, database.Clock).PreviewAsync(ImportKind.Offers, "name,provider,category,format,website,url\nX,Innovation Skåne,partnering,workshop,https://example.org,https://example.com\n");

        Assert.Contains("Unknown column \"url\". The columns are: ", string.Join("\n", preview.Problems), StringComparison.Ordinal);
    }
}
