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
            draft.MarkReviewed(DateTime.UtcNow); // never lapsed from verification, whenever the test runs (ADR 1934)
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

    /// <summary>
    /// A deadline passing changes what matches with no change to the data (ADR 1934): the kept index and the kept
    /// report are keyed by the portal day too, so the next day's report no longer counts the closed call, while the
    /// month it was open still does.
    /// </summary>
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ADeadlinePassing_WithNoEdit_LeavesTheOfferOutOfTheNextDaysReport(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            var offer = await db.Offers.SingleAsync(o => o.Name == "O3");
            offer.ApplicationDeadline = new DateOnly(2026, 3, 31);
            await db.SaveChangesAsync();
        }

        var clock = new TestClock { Now = new DateTimeOffset(2026, 3, 31, 19, 0, 0, TimeSpan.Zero) }; // 21:00 in Stockholm (summer time)
        var (cache, needs) = (new CatalogueCache(clock: clock), new NeedFactsCache());
        async Task<GapReport> ReportAsync()
        {
            await using var db = database.CreateContext();
            return await new GapAnalysis(db, cache, needFacts: needs).ComputeFullAsync(GapQuery.Default, Pm);
        }

        var lastDay = await ReportAsync();
        clock.Advance(TimeSpan.FromHours(2)); // 23:00 in Stockholm: still the deadline's day
        var sameDay = await ReportAsync();
        clock.Advance(TimeSpan.FromHours(1)); // midnight in Stockholm: the deadline has passed
        var nextDay = await ReportAsync();

        // Regulatory × Germany: N (C4, medtech, March) is covered by O3 alone.
        Assert.Equal((1, 1), (lastDay.Cell(1, 2).Figures!.Covered, lastDay.Cell(1, 2).Figures!.Offers));
        Assert.Equal(lastDay.Total.Figures, sameDay.Total.Figures);
        Assert.Equal((0, 0), (nextDay.Cell(1, 2).Figures!.Covered, nextDay.Cell(1, 2).Figures!.Offers));
        Assert.Equal(2, cache.Builds);
        var march = nextDay.Trend.Single(t => t.Month == new DateOnly(2026, 3, 1)).Entry.Figures!;
        Assert.Equal(lastDay.Trend.Single(t => t.Month == new DateOnly(2026, 3, 1)).Entry.Figures, march);
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
