using System.Globalization;
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
/// at full scale an answer can fit hundreds of offers (docs/performance.md, issue 12).
/// </summary>
public static class GuidedSearch
{
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
        var ranked = Ranked(index, answers);
        var pageCount = Math.Max(1, (int)Math.Ceiling(ranked.Count / (double)pageSize));
        var shown = Math.Clamp(page, 1, pageCount);
        var terms = index.Terms;
        var sentences = new MatchSentences(terms.Markets, id => terms.Find(id)?.LabelIn(language ?? CultureInfo.InvariantCulture));
        var items = ranked
            .Skip((int)Math.Min(int.MaxValue, (long)(shown - 1) * pageSize))
            .Take(pageSize)
            .Select(x => new GuidedMatch(index.CardAt(index.PositionOf(x.Offer.Id)!.Value, now), x.Match, sentences.Explain(x.Need, x.Offer.Profile, x.Match)))
            .ToList();
        return new GuidedResult(items, ranked.Select(x => x.Offer.Id).ToList(), shown, pageCount);
    }

    /// <summary>Every matching offer's id, best fit first, without cards or reasons (saved-search alerts, ADR 1760).</summary>
    public static async Task<IReadOnlyList<int>> OfferIdsAsync(AppDbContext db, GuidedAnswers answers, DateTime now, CatalogueCache? catalogue = null, CancellationToken cancellationToken = default)
    {
        var index = await (catalogue ?? CatalogueCache.At(now)).GetAsync(db, cancellationToken);
        return Ranked(index, answers).Select(x => x.Offer.Id).ToList();
    }

    private static List<(CatalogueOffer Offer, NeedProfile Need, MatchExplanation Match)> Ranked(CatalogueIndex index, GuidedAnswers answers)
    {
        var terms = index.Terms;
        var help = terms.Find(TaxonomyKind.SupportCategory, answers.Help)?.Id;
        var market = terms.Find(TaxonomyKind.Market, answers.Market)?.Id;
        var stage = terms.Find(TaxonomyKind.Stage, answers.Stage)?.Id;
        var sector = terms.Find(TaxonomyKind.Sector, answers.Sector)?.Id;
        var region = terms.Find(TaxonomyKind.Region, answers.Region)?.Id;

        var matches = index.Offers
            .Where(o => help is null || o.Profile.CategoryId == help)
            .Select(o => (Offer: o, Need: new NeedProfile(help ?? o.Profile.CategoryId, market, stage, sector, region)))
            .Select(x => (x.Offer, x.Need, Match: index.Rule.Match(x.Need, x.Offer.Profile)))
            .Where(x => x.Match is not null)
            .Select(x => (x.Offer, x.Need, Match: x.Match!));
        return MatchingRule.InRankOrder(matches, x => x.Match).ToList();
    }
}
