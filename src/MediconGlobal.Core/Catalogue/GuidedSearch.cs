using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Matching;

namespace MediconGlobal.Core.Catalogue;

/// <summary>A founder's answers on the guided path, as taxonomy codes; each may be left open.</summary>
public sealed record GuidedAnswers(string? Stage, string? Sector, string? Market, string? Help, string? Region)
{
    public bool IsEmpty => new[] { Stage, Sector, Market, Help, Region }.All(string.IsNullOrWhiteSpace);
}

public sealed record GuidedMatch(OfferCard Offer, MatchExplanation Match, string Why);

/// <summary>
/// The guided path: the founder's answers become a need profile and published offers are ranked by the one
/// matching rule. With no kind of help chosen, every kind is considered (each offer against its own category).
/// </summary>
public static class GuidedSearch
{
    public static async Task<IReadOnlyList<GuidedMatch>> RunAsync(AppDbContext db, GuidedAnswers answers, DateTime now, CancellationToken cancellationToken = default)
    {
        var terms = await TermCatalog.LoadAsync(db, cancellationToken);
        var rule = new MatchingRule(terms.Markets);
        var sentences = new MatchSentences(terms.Markets, id => terms.Find(id)?.Name);
        var offers = await OfferProfiles.LoadAsync(db, cancellationToken: cancellationToken);
        var help = terms.Find(TaxonomyKind.SupportCategory, answers.Help)?.Id;
        NeedProfile NeedFor(int categoryId) => new(categoryId,
            terms.Find(TaxonomyKind.Market, answers.Market)?.Id,
            terms.Find(TaxonomyKind.Stage, answers.Stage)?.Id,
            terms.Find(TaxonomyKind.Sector, answers.Sector)?.Id,
            terms.Find(TaxonomyKind.Region, answers.Region)?.Id);

        var ranked = (help is { } category
                ? rule.Rank(NeedFor(category), offers).Select(m => (Match: m, Need: NeedFor(category)))
                : offers.Select(o => (Match: rule.Match(NeedFor(o.CategoryId), o), Need: NeedFor(o.CategoryId)))
                    .Where(x => x.Match is not null)
                    .Select(x => (Match: x.Match!, x.Need))
                    .OrderByDescending(x => x.Match.Score).ThenByDescending(x => x.Match.LastReviewedAt).ThenBy(x => x.Match.OfferId))
            .ToList();

        var byId = offers.ToDictionary(o => o.OfferId);
        var cards = (await OfferSearch.CardsAsync(db, ranked.Select(r => r.Match.OfferId).ToList(), now, cancellationToken)).ToDictionary(c => c.Id);
        return ranked.Where(r => cards.ContainsKey(r.Match.OfferId))
            .Select(r => new GuidedMatch(cards[r.Match.OfferId], r.Match, sentences.Explain(r.Need, byId[r.Match.OfferId], r.Match)))
            .ToList();
    }
}
