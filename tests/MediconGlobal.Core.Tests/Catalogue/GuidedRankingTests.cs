using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Testing;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Tests.Catalogue;

/// <summary>
/// The guided path keeps its ranking per catalogue index and answers (<see cref="GuidedSearch"/>, issue 12): asked
/// again through the kept cache, right after offers are archived, re-tagged or published, it gives exactly what a
/// one-off search over a freshly loaded catalogue gives, on both databases.
/// </summary>
public sealed class GuidedRankingTests
{
    private static readonly DateTime Now = new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task TheKeptRanking_FollowsTheCatalogue_RightAfterOffersChange(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var cache = new CatalogueCache(clock: database.Clock);
        await using var db = database.CreateContext();
        var category = await db.Offers.Published().GroupBy(o => o.CategoryId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var help = (await db.TaxonomyTerms.SingleAsync(t => t.Id == category)).Code;
        GuidedAnswers[] answers = [new(null, null, null, help, null), new(null, null, "usa", help, null), new(null, null, null, null, null)];

        async Task<IReadOnlyList<int>> AssertSameAsFreshAsync(GuidedAnswers asked)
        {
            // Twice through the kept cache (the second answer is the kept one), once over a catalogue loaded anew.
            var first = await GuidedSearch.RunAsync(db, asked, Now, cache);
            var kept = await GuidedSearch.RunAsync(db, asked, Now, cache, pageSize: int.MaxValue);
            Assert.Same(first.OfferIds, kept.OfferIds);
            var fresh = await GuidedSearch.RunAsync(db, asked, Now, CatalogueCache.At(Now), pageSize: int.MaxValue);
            Assert.Equal(fresh.OfferIds, kept.OfferIds);
            Assert.Equal(fresh.Items.Select(i => (i.Offer.Id, i.Match, i.Why.ToString())), kept.Items.Select(i => (i.Offer.Id, i.Match, i.Why.ToString())));
            Assert.Equal(fresh.OfferIds, await GuidedSearch.OfferIdsAsync(db, asked, Now, cache));
            return kept.OfferIds;
        }

        var before = await AssertSameAsFreshAsync(answers[0]);
        Assert.True(before.Count >= 2, "the seed has at least two offers of its largest category");
        foreach (var asked in answers.Skip(1))
        {
            await AssertSameAsFreshAsync(asked);
        }

        // Archived: the best fit leaves every ranking it was in.
        (await db.Offers.SingleAsync(o => o.Id == before[0])).Archive();
        await db.SaveChangesAsync();
        foreach (var asked in answers)
        {
            Assert.DoesNotContain(before[0], await AssertSameAsFreshAsync(asked));
        }

        // Re-tagged: the second best now serves only Japan, so it leaves the ranking for the USA.
        var retagged = await db.Offers.Include(o => o.Terms).ThenInclude(t => t.Term).SingleAsync(o => o.Id == before[1]);
        retagged.SetTerms(TaxonomyKind.Market, [await db.TaxonomyTerms.SingleAsync(t => t.Code == "japan")]);
        await db.SaveChangesAsync();
        Assert.DoesNotContain(before[1], await AssertSameAsFreshAsync(answers[1]));
        Assert.Contains(before[1], await AssertSameAsFreshAsync(answers[0]));

        // Published again: the archived offer comes back where the rule ranks it.
        (await db.Offers.SingleAsync(o => o.Id == before[0])).Publish(Now);
        await db.SaveChangesAsync();
        Assert.Contains(before[0], await AssertSameAsFreshAsync(answers[0]));
    }

    [Fact]
    public async Task TheKeptRankings_StartAgain_WhenTheyWouldPassTheirBound()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var index = await new CatalogueCache(clock: database.Clock).GetAsync(db);
        GuidedAnswers first = new(null, null, null, null, null), second = new(null, null, "usa", null, null);
        var size = GuidedSearch.RankedIds(index, first, int.MaxValue).Count + GuidedSearch.KeptRankingWeight;
        var limit = size + GuidedSearch.KeptRankingWeight - 1;

        // Room for the first ranking, and for no second one next to it, even one that finds nothing.
        var kept = GuidedSearch.RankedIds(index, first, limit);
        Assert.Same(kept, GuidedSearch.RankedIds(index, first, limit));
        var other = GuidedSearch.RankedIds(index, second, limit);
        Assert.Same(other, GuidedSearch.RankedIds(index, second, limit));

        // The second pushed the first out: it is ranked again, with the same answer.
        var again = GuidedSearch.RankedIds(index, first, limit);
        Assert.NotSame(kept, again);
        Assert.Equal(kept, again);
    }
}
