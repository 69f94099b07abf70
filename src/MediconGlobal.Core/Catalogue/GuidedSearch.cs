using System.Collections.Concurrent;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Matching;
using MediconGlobal.Core.Text;

namespace MediconGlobal.Core.Catalogue;

/// <summary>A founder's answers on the guided path, as taxonomy codes; each may be left open.</summary>
public sealed record GuidedAnswers(string? Stage, string? Sector, string? Market, string? Help, string? Region)
{
    public bool IsEmpty => new[] { Stage, Sector, Market, Help, Region }.All(string.IsNullOrWhiteSpace);
}

/// <param name="Why">Why the offer fits, a phrase the page translates (ADR 1402).</param>
public sealed record GuidedMatch(OfferCard Offer, MatchExplanation Match, Phrase Why);

/// <summary>
/// One page of the guided path's matches, best fit first.
/// </summary>
/// <param name="Items">The matches of page <paramref name="Page"/>, at most the page size, each with its card and its reason.</param>
/// <param name="OfferIds">Every matching offer's id, in rank order (all pages): what "save all" and saved-search alerts use.</param>
/// <param name="Page">The page shown, 1-based; a page past the last is the last.</param>
/// <param name="PageCount">How many pages the matches fill, at least 1.</param>
public sealed record GuidedResult(IReadOnlyList<GuidedMatch> Items, IReadOnlyList<int> OfferIds, int Page, int PageCount)
{
    /// <summary>How many offers fit the answers, on every page.</summary>
    public int Total => OfferIds.Count;
}

/// <summary>
/// The guided path: the founder's answers become a need profile and the published offers of the catalogue's read
/// model are matched and ranked by the one matching rule. With no kind of help chosen, every kind is considered
/// (each offer against its own category) and the matches are put in the rule's ranking order. The explanations name
/// the terms in <c>language</c> (English when not given). Cards and explanations are made only for the page shown:
/// at full scale an answer can fit hundreds of offers (docs/performance.md, issue 12). The ranking itself, ids only,
/// is kept with the index per set of answers, so the same answers again, or another page of them, match nothing anew.
/// </summary>
public static class GuidedSearch
{
    /// <summary>Past this many ids kept for one index, rankings counted at their weight, its kept rankings start again.</summary>
    private const int MaxKept = 1_000_000;

    /// <summary>
    /// What a kept ranking costs besides its ids, in ids (4 bytes each): its key, its wrapper and its entry, about
    /// 150 bytes. So the kept rankings of an index stay near 4 MB however many of them are empty.
    /// </summary>
    private const int RankingWeight = 40;

    private static readonly ConditionalWeakTable<CatalogueIndex, KeptRankings> Rankings = new();

    /// <summary>The guided path's matches, <paramref name="pageSize"/> to a page (the catalogue's size by default).</summary>
    /// <param name="page">1-based; below 1 is the first page, past the last is the last.</param>
    public static async Task<GuidedResult> RunAsync(AppDbContext db, GuidedAnswers answers, DateTime now, CatalogueCache? catalogue = null, CultureInfo? language = null, int page = 1, int pageSize = OfferQuery.DefaultPageSize, CancellationToken cancellationToken = default) =>
        Run(await (catalogue ?? CatalogueCache.At(now)).GetAsync(db, cancellationToken), answers, now, language, page, pageSize);

    /// <summary>
    /// The same, over an index the caller already holds (the page takes the form's terms from it too, so one request
    /// reads the catalogue's version once and the taxonomy not at all).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is below 1.</exception>
    public static GuidedResult Run(CatalogueIndex index, GuidedAnswers answers, DateTime now, CultureInfo? language = null, int page = 1, int pageSize = OfferQuery.DefaultPageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var asked = Asked.Of(index.Terms, answers);
        var ranked = RankedIds(index, asked);
        var pageCount = Math.Max(1, (int)Math.Ceiling(ranked.Count / (double)pageSize));
        var shown = Math.Clamp(page, 1, pageCount);
        var terms = index.Terms;
        var sentences = new MatchSentences(terms.Markets, id => terms.Find(id)?.LabelIn(language ?? CultureInfo.InvariantCulture));
        var items = ranked
            .Skip((int)Math.Min(int.MaxValue, (long)(shown - 1) * pageSize))
            .Take(pageSize)
            .Select(id =>
            {
                // The rule is asked again for the ten offers shown: the kept ranking holds ids only.
                var position = index.PositionOf(id)!.Value;
                var offer = index.At(position).Profile;
                var need = asked.NeedFor(offer);
                var match = index.Rule.Match(need, offer)!;
                return new GuidedMatch(index.CardAt(position, now), match, sentences.Explain(need, offer, match));
            })
            .ToList();
        return new GuidedResult(items, ranked, shown, pageCount);
    }

    /// <summary>Every matching offer's id, best fit first, without cards or reasons (saved-search alerts, ADR 1760).</summary>
    public static async Task<IReadOnlyList<int>> OfferIdsAsync(AppDbContext db, GuidedAnswers answers, DateTime now, CatalogueCache? catalogue = null, CancellationToken cancellationToken = default)
    {
        var index = await (catalogue ?? CatalogueCache.At(now)).GetAsync(db, cancellationToken);
        return RankedIds(index, Asked.Of(index.Terms, answers));
    }

    /// <summary>
    /// The ids of the offers that fit, in the rule's rank order, kept with the index they were ranked from: the
    /// ranking depends only on the index instance (its offers, its rule and the rule's day never change) and the
    /// answers, so a second founder giving the same answers, or the next page, costs no matching (issue 12). The kept
    /// rankings of one index are dropped together when they reach <see cref="MaxKept"/> ids, a ranking counting
    /// <see cref="RankingWeight"/> more for itself, so rankings that find nothing are bounded too: every combination of
    /// known terms a visitor can put in the address is a key, millions of them. An index replaced by a newer one (a
    /// new catalogue version or day) takes its rankings with it.
    /// </summary>
    private static ReadOnlyCollection<int> RankedIds(CatalogueIndex index, Asked asked, int limit = MaxKept)
    {
        var kept = Rankings.GetValue(index, _ => new KeptRankings());
        if (kept.Ids.TryGetValue(asked, out var ids))
        {
            return ids;
        }

        // Ranked outside the lock (two requests may rank the same answers at once; the first kept wins), counted
        // and kept under it, so the bound is exact.
        ids = Array.AsReadOnly(Ranked(index, asked));
        lock (kept)
        {
            if (kept.Ids.TryGetValue(asked, out var first))
            {
                return first;
            }

            if (kept.Size + ids.Count + RankingWeight > limit)
            {
                kept.Ids.Clear();
                kept.Size = 0;
            }

            kept.Ids[asked] = ids;
            kept.Size += ids.Count + RankingWeight;
        }

        return ids;
    }

    /// <summary>The kept ranking of <paramref name="answers"/> with the bound at <paramref name="limit"/> ids instead of <see cref="MaxKept"/> (tests of the bound).</summary>
    internal static IReadOnlyList<int> RankedIds(CatalogueIndex index, GuidedAnswers answers, int limit) =>
        RankedIds(index, Asked.Of(index.Terms, answers), limit);

    /// <summary>What a kept ranking counts for besides its ids (tests of the bound).</summary>
    internal const int KeptRankingWeight = RankingWeight;

    private static int[] Ranked(CatalogueIndex index, Asked asked)
    {
        var matches = index.Offers
            .Where(o => asked.Help is null || o.Profile.CategoryId == asked.Help)
            .Select(o => (o.Id, Match: index.Rule.Match(asked.NeedFor(o.Profile), o.Profile)))
            .Where(x => x.Match is not null)
            .Select(x => (x.Id, Match: x.Match!));
        return MatchingRule.InRankOrder(matches, x => x.Match).Select(x => x.Id).ToArray();
    }

    private sealed class KeptRankings
    {
        public readonly ConcurrentDictionary<Asked, ReadOnlyCollection<int>> Ids = new();

        /// <summary>The ids kept, plus <see cref="RankingWeight"/> per ranking; changed under the lock of this object.</summary>
        public int Size;
    }

    /// <summary>The answers as term ids of the index; a code it does not know is left open, as the form leaves it.</summary>
    private sealed record Asked(int? Help, int? Market, int? Stage, int? Sector, int? Region)
    {
        public static Asked Of(TermCatalog terms, GuidedAnswers answers) => new(
            terms.Find(TaxonomyKind.SupportCategory, answers.Help)?.Id,
            terms.Find(TaxonomyKind.Market, answers.Market)?.Id,
            terms.Find(TaxonomyKind.Stage, answers.Stage)?.Id,
            terms.Find(TaxonomyKind.Sector, answers.Sector)?.Id,
            terms.Find(TaxonomyKind.Region, answers.Region)?.Id);

        /// <summary>The need the answers stand for against <paramref name="offer"/>: with no help chosen, the offer's own category.</summary>
        public NeedProfile NeedFor(OfferProfile offer) => new(Help ?? offer.CategoryId, Market, Stage, Sector, Region);
    }
}
