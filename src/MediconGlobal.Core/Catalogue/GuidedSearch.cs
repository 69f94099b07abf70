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
/// The guided path: the founder's answers become a need profile and the published offers of the catalogue's read
/// model are matched and ranked by the one matching rule. With no kind of help chosen, every kind is considered
/// (each offer against its own category) and the matches are put in the rule's ranking order. The explanations name
/// the terms in <c>language</c> (English when not given).
/// </summary>
public static class GuidedSearch
{
    public static async Task<IReadOnlyList<GuidedMatch>> RunAsync(AppDbContext db, GuidedAnswers answers, DateTime now, CatalogueCache? catalogue = null, CultureInfo? language = null, CancellationToken cancellationToken = default)
    {
        var index = await (catalogue ?? CatalogueCache.At(now)).GetAsync(db, cancellationToken);
        var terms = index.Terms;
        var sentences = new MatchSentences(terms.Markets, id => terms.Find(id)?.LabelIn(language ?? CultureInfo.InvariantCulture));
        var help = terms.Find(TaxonomyKind.SupportCategory, answers.Help)?.Id;
        NeedProfile NeedFor(int categoryId) => new(categoryId,
            terms.Find(TaxonomyKind.Market, answers.Market)?.Id,
            terms.Find(TaxonomyKind.Stage, answers.Stage)?.Id,
            terms.Find(TaxonomyKind.Sector, answers.Sector)?.Id,
            terms.Find(TaxonomyKind.Region, answers.Region)?.Id);

        var matches = index.Offers
            .Where(o => help is null || o.Profile.CategoryId == help)
            .Select(o => (Offer: o, Need: NeedFor(help ?? o.Profile.CategoryId)))
            .Select(x => (x.Offer, x.Need, Match: index.Rule.Match(x.Need, x.Offer.Profile)))
            .Where(x => x.Match is not null);
        return MatchingRule.InRankOrder(matches, x => x.Match!)
            .Select(x => new GuidedMatch(index.CardAt(index.PositionOf(x.Offer.Id)!.Value, now), x.Match!, sentences.Explain(x.Need, x.Offer.Profile, x.Match!)))
            .ToList();
    }
}
