using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Reports.Gaps;
using MediconGlobal.Core.Security;
using MediconGlobal.Testing;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Tests.Reports;

/// <summary>The offer index kept between reports (with the catalogue snapshot) is built again exactly when the catalogue changed (data: <see cref="GapTestData"/>).</summary>
public sealed class OfferIndexCacheTests
{
    private static readonly Viewer Pm = new("pm", new HashSet<string> { Roles.ProjectManager }, null, null);

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task UnchangedCatalogue_IsBuiltOnce_EvenWhenNeedsChange(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        var cache = new CatalogueCache();

        var first = await ComputeAsync(database, cache);
        await using (var db = database.CreateContext())
        {
            var need = await db.Needs.OrderBy(n => n.Id).FirstAsync();
            need.StartWork(new Actor("u", "U"), GapTestData.Start.AddDays(40));
            await db.SaveChangesAsync();
        }

        var second = await ComputeAsync(database, cache);

        Assert.Equal(1, cache.Builds);
        Assert.Equal(first.Total.Figures, second.Total.Figures);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task PublishingAnOffer_IsSeenByTheNextReport(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        var cache = new CatalogueCache();
        var before = await ComputeAsync(database, cache);
        Assert.Equal(0, before.Cell(1, 0).Figures!.Covered); // Regulatory × USA: N8, and O4 is a draft

        await using (var db = database.CreateContext())
        {
            var draft = await db.Offers.SingleAsync(o => o.Name == "O4");
            draft.Publish(GapTestData.Start.AddDays(30));
            await db.SaveChangesAsync();
        }

        var after = await ComputeAsync(database, cache);

        Assert.Equal(2, cache.Builds);
        Assert.Equal(1, after.Cell(1, 0).Figures!.Covered); // O4 has no terms: it is open to every regulatory need
        Assert.Equal(1, after.Cell(1, 0).Figures!.Offers);
        Assert.Equal(after.Total.Figures, (await ComputeAsync(database, null)).Total.Figures);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ChangingOnlyAnOffersTerms_IsSeenByTheNextReport(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        var cache = new CatalogueCache();
        var before = await ComputeAsync(database, cache);
        Assert.Equal(1, before.Cell(1, 3).Figures!.Covered); // Regulatory, no market: N9 of medtech C3, through O3

        // Medtech becomes biotech: the number of term links stays the same.
        await using (var db = database.CreateContext())
        {
            var offer = await db.Offers.Include(o => o.Terms).ThenInclude(t => t.Term).SingleAsync(o => o.Name == "O3");
            offer.SetTerms(TaxonomyKind.Sector, [await db.TaxonomyTerms.SingleAsync(t => t.Code == "biotech")]);
            await db.SaveChangesAsync();
        }

        var after = await ComputeAsync(database, cache);

        Assert.Equal(2, cache.Builds);
        Assert.Equal(0, after.Cell(1, 3).Figures!.Covered);
        Assert.Equal(after.Total.Figures, (await ComputeAsync(database, null)).Total.Figures);
    }

    private static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateMigratedAsync(provider, withReferenceData: false);
        await using var db = database.CreateContext();
        await GapTestData.CreateAsync(db);
        return database;
    }

    private static async Task<GapReport> ComputeAsync(TestDatabase database, CatalogueCache? cache)
    {
        await using var db = database.CreateContext();
        return await new GapAnalysis(db, cache).ComputeFullAsync(GapQuery.Default, Pm);
    }
}
