using MediconGlobal.Core.Data;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Testing;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Tests.Data;

public sealed class ReferenceDataTests
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Seeding_Twice_LoadsEverythingOnce_AndKeepsEdits(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using (var db = database.CreateContext())
        {
            var smile = await db.Organisations.SingleAsync(o => o.SeedKey == OrganisationSeed.SmiLe);
            smile.Description = "Edited in the portal";
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            await new ReferenceDataSeeder(db, database.Clock).SeedAsync();
        }

        await using var read = database.CreateContext();
        Assert.Equal(TaxonomySeed.Terms.Count, await read.TaxonomyTerms.CountAsync());
        Assert.Equal(14, await read.TaxonomyTerms.CountAsync(t => t.Kind == TaxonomyKind.Region));
        Assert.Equal(OrganisationSeed.All.Count, await read.Organisations.CountAsync());
        Assert.Equal(ProgrammeSeed.All.Count, await read.Programmes.CountAsync());
        Assert.Equal(OfferSeed.All.Count, await read.Offers.CountAsync(o => o.Status == OfferStatus.Published));
        Assert.Equal("Edited in the portal", (await read.Organisations.SingleAsync(o => o.SeedKey == OrganisationSeed.SmiLe)).Description);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ClustersOfSwedenProject_CarriesItsRealFigures(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var db = database.CreateContext();

        var project = await db.Programmes.Include(p => p.Indicators).Include(p => p.LeadOrganisation)
            .SingleAsync(p => p.ReferenceNumber == "2022-01443");

        Assert.Equal((213_834_700L, Currency.SEK), (project.FundingAmountMinor, project.FundingCurrency));
        Assert.Equal((new DateOnly(2022, 5, 1), new DateOnly(2023, 1, 31), ProgrammeStatus.Completed), (project.StartDate, project.EndDate, project.Status));
        Assert.Equal("Mobile Heights", project.LeadOrganisation!.Name);
        var actuals = project.Indicators.ToDictionary(i => i.Metric, i => i.Actual);
        Assert.Equal(30, actuals["Companies in the EEN info webinar"]);
        Assert.Equal(10, actuals["Companies going further with EEN"]);
        Assert.Equal(200, actuals["Companies that learned about Business Sweden's Leap"]);
        Assert.Equal(5, actuals["Companies that implemented Leap"]);
        Assert.Equal(6, actuals["Companies planning to implement Leap in 2023"]);
    }
}
