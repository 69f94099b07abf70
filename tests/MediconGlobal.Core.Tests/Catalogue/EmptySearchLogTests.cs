using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Catalogue.FoundNothing;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Time;
using MediconGlobal.Testing;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Tests.Catalogue;

/// <summary>
/// Searches that found nothing are counted per portal day and kind (ADR 1779) on both databases: the same search adds
/// to one row, concurrent requests lose nothing, the day is the display zone's, a flood of phrases is capped, and
/// what cannot be placed or failed validation is not counted.
/// </summary>
public sealed class EmptySearchLogTests
{
    private static readonly DisplayTime Stockholm = DisplayTime.For("Europe/Stockholm");

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task SameSearch_CountsOnOneRow_OtherFiltersOrWordsOnTheirOwn(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var (regulatory, japan) = await TermsAsync(database);
        var search = new EmptySearch(EmptySearchSource.GuidedPath, regulatory, japan, null, null, null, null);

        await using (var db = database.CreateContext())
        {
            var log = new EmptySearchLog(db, database.Clock, Stockholm);
            Assert.True(await log.RecordAsync(search));
            Assert.True(await log.RecordAsync(search));
            Assert.True(await log.RecordAsync(search with { Source = EmptySearchSource.Catalogue }));
            Assert.True(await log.RecordAsync(search with { MarketId = null, Phrase = "space law" }));
        }

        await using var check = database.CreateContext();
        var rows = await check.EmptySearchTallies.OrderBy(t => t.Id).ToListAsync();
        Assert.Equal(new[] { 2, 1, 1 }, rows.Select(r => r.Count));
        Assert.Equal((regulatory, (int?)japan, EmptySearchSource.GuidedPath, (string?)null), (rows[0].CategoryId!.Value, rows[0].MarketId, rows[0].Source, rows[0].Phrase));
        Assert.Equal("space law", rows[2].Phrase);
        Assert.All(rows, r => Assert.Equal(new DateOnly(2026, 11, 2), r.Day));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ConcurrentRequests_OfTheSameAndOfNewKinds_AreEachCountedOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var (regulatory, japan) = await TermsAsync(database);
        const int Requests = 24;

        // Each request has its own context, as each HTTP request does; half search the same, half four other kinds.
        await Task.WhenAll(Enumerable.Range(0, Requests).Select(async i =>
        {
            await using var db = database.CreateContext();
            var search = new EmptySearch(EmptySearchSource.Catalogue, regulatory, i % 2 == 0 ? japan : null, null, null, null, i % 2 == 0 ? null : $"phrase {i % 8}");
            Assert.True(await new EmptySearchLog(db, database.Clock, Stockholm).RecordAsync(search));
        }));

        await using var check = database.CreateContext();
        Assert.Equal(Requests, await check.EmptySearchTallies.SumAsync(t => t.Count));
        Assert.Equal(Requests / 2, await check.EmptySearchTallies.Where(t => t.MarketId == japan).Select(t => t.Count).SingleAsync());
        Assert.Equal(5, await check.EmptySearchTallies.CountAsync());
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task TheDay_IsThePortalDayInTheDisplayZone(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var (regulatory, _) = await TermsAsync(database);
        database.Clock.Now = new DateTimeOffset(2027, 1, 8, 23, 30, 0, TimeSpan.Zero); // 00:30 on 9 January in Stockholm
        await using var db = database.CreateContext();

        await new EmptySearchLog(db, database.Clock, Stockholm).RecordAsync(new EmptySearch(EmptySearchSource.GuidedPath, regulatory, null, null, null, null, null));

        Assert.Equal(new DateOnly(2027, 1, 9), await db.EmptySearchTallies.Select(t => t.Day).SingleAsync());
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AFloodOfPhrases_IsCountedWithoutItsWordsPastTheDaysCap(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var (regulatory, _) = await TermsAsync(database);
        var day = Stockholm.Today(database.Clock);
        await using (var db = database.CreateContext())
        {
            db.EmptySearchTallies.AddRange(Enumerable.Range(0, EmptySearchLog.PhraseRowsPerDay)
                .Select(i => new EmptySearchTally(day, new EmptySearch(EmptySearchSource.Catalogue, null, null, null, null, null, $"junk {i}"))));
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var log = new EmptySearchLog(db, database.Clock, Stockholm);
            Assert.True(await log.RecordAsync(new EmptySearch(EmptySearchSource.Catalogue, regulatory, null, null, null, null, "one more junk")));
            Assert.True(await log.RecordAsync(new EmptySearch(EmptySearchSource.Catalogue, null, null, null, null, null, "junk 7")));
            Assert.False(await log.RecordAsync(new EmptySearch(EmptySearchSource.Catalogue, null, null, null, null, null, "only words")));
        }

        await using var check = database.CreateContext();
        Assert.Equal(EmptySearchLog.PhraseRowsPerDay, await check.EmptySearchTallies.CountAsync(t => t.Phrase != null));
        Assert.Equal(1, await check.EmptySearchTallies.Where(t => t.CategoryId == regulatory).Select(t => t.Count).SingleAsync());
        Assert.Null(await check.EmptySearchTallies.Where(t => t.CategoryId == regulatory).Select(t => t.Phrase).SingleAsync());
        Assert.Equal(2, await check.EmptySearchTallies.Where(t => t.Phrase == "junk 7").Select(t => t.Count).SingleAsync());
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Describe_KeepsOneChosenValuePerDimension_AndRefusesUnknownCodesAndEmptySearches(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var (regulatory, japan) = await TermsAsync(database);
        await using var db = database.CreateContext();
        var terms = await TermCatalog.LoadAsync(db);
        Dictionary<TaxonomyKind, IReadOnlyCollection<string>> Chosen(params (TaxonomyKind Kind, string[] Codes)[] chosen) =>
            chosen.ToDictionary(c => c.Kind, c => (IReadOnlyCollection<string>)c.Codes);

        var search = EmptySearchLog.Describe(EmptySearchSource.Catalogue, terms, "Space  LAW!", Chosen((TaxonomyKind.SupportCategory, new[] { "regulatory" }), (TaxonomyKind.Market, new[] { "japan", "usa" })));

        Assert.Equal(new EmptySearch(EmptySearchSource.Catalogue, regulatory, null, null, null, null, "space law"), search);
        Assert.Equal(japan, EmptySearchLog.Describe(EmptySearchSource.GuidedPath, terms, null, Chosen((TaxonomyKind.Market, new[] { "japan" })))!.MarketId);
        Assert.Null(EmptySearchLog.Describe(EmptySearchSource.GuidedPath, terms, null, Chosen((TaxonomyKind.Market, new[] { "atlantis" }))));
        Assert.Null(EmptySearchLog.Describe(EmptySearchSource.GuidedPath, terms, null, Chosen((TaxonomyKind.Market, new[] { "" }))));
        Assert.Null(EmptySearchLog.Describe(EmptySearchSource.Catalogue, terms, "anna@example.se", Chosen()));
    }

    private static async Task<(int Regulatory, int Japan)> TermsAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var ids = await db.TaxonomyTerms.Where(t => t.Code == "regulatory" || t.Code == "japan").ToDictionaryAsync(t => t.Code, t => t.Id);
        return (ids["regulatory"], ids["japan"]);
    }
}
