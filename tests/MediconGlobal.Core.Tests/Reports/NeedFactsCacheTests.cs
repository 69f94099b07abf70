using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Reports.Gaps;
using MediconGlobal.Core.Security;
using MediconGlobal.Testing;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Tests.Reports;

/// <summary>
/// The needs kept between reports (ADR 1205) give exactly the facts the database's query gives for every filter,
/// and are loaded again exactly when needs or companies changed (data: <see cref="GapTestData"/>).
/// </summary>
public sealed class NeedFactsCacheTests
{
    private static readonly Viewer Pm = new("pm", new HashSet<string> { Roles.ProjectManager }, null, null);

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task EveryFilter_GivesTheFactsOfTheDatabaseQuery(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider, withReferenceData: false);
        GapTestData data;
        await using (var db = database.CreateContext())
        {
            data = await GapTestData.CreateAsync(db);
        }

        var cache = new NeedFactsCache();
        GapFilters[] filters =
        [
            GapFilters.None,
            new(From: new DateOnly(2026, 2, 10), To: new DateOnly(2026, 4, 2)),
            new(To: new DateOnly(2026, 1, 4)),
            new(CountryCode: "DK"),
            new(CountryCode: "dk"),
            new(RegionId: data.Skane.Id, SectorId: data.Medtech.Id),
            new(HomeIncubatorId: data.IncubatorB.Id),
            new(Statuses: [NeedStatus.Withdrawn, NeedStatus.Referred]),
            new(Statuses: [NeedStatus.Open], From: new DateOnly(2026, 5, 1), CountryCode: "SE"),
        ];

        foreach (var filter in filters)
        {
            await using var db = database.CreateContext();
            var fromDatabase = await new GapAnalysis(db).FactsAsync(filter, Pm);
            var kept = await new GapAnalysis(db, needFacts: cache).FactsAsync(filter, Pm);

            Assert.Equal(Sorted(fromDatabase), Sorted(kept));
        }

        Assert.Equal(1, cache.Builds);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ANeedOrCompanyChanged_IsCountedByTheNextReport_OtherChangesLoadNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider, withReferenceData: false);
        await using (var db = database.CreateContext())
        {
            await GapTestData.CreateAsync(db);
        }

        var cache = new NeedFactsCache();
        var before = await FactsAsync(database, cache);
        await using (var db = database.CreateContext())
        {
            var offer = await db.Offers.SingleAsync(o => o.Name == "O4");
            offer.Publish(GapTestData.Start.AddDays(30));
            offer.MarkReviewed(DateTime.UtcNow); // never lapsed from verification, whenever the test runs (ADR 1934)
            await db.SaveChangesAsync();
        }

        Assert.Same(before, await FactsAsync(database, cache));
        await using (var db = database.CreateContext())
        {
            var need = await db.Needs.Where(n => n.Status == NeedStatus.Open).OrderBy(n => n.Id).FirstAsync();
            need.Withdraw(null, new Actor("u", "U"), GapTestData.Start.AddDays(200));
            var company = await db.Companies.SingleAsync(c => c.Name == "C5");
            company.CountryCode = "SE";
            await db.SaveChangesAsync();
        }

        var after = await FactsAsync(database, cache);

        Assert.Equal(2, cache.Builds);
        Assert.Equal(before.Needs.Count(n => n.Status == NeedStatus.Withdrawn) + 1, after.Needs.Count(n => n.Status == NeedStatus.Withdrawn));
        await using (var db = database.CreateContext())
        {
            Assert.Equal(Sorted(await new GapAnalysis(db).FactsAsync(new GapFilters(CountryCode: "SE"), Pm)), Sorted(after.Filter(new GapFilters(CountryCode: "SE"))));
        }
    }

    private static IEnumerable<string> Sorted(IEnumerable<NeedFact> facts) => facts.Select(f => f.ToString()).Order(StringComparer.Ordinal);

    private static async Task<NeedFacts> FactsAsync(TestDatabase database, NeedFactsCache cache)
    {
        await using var db = database.CreateContext();
        return await cache.GetAsync(db);
    }
}
