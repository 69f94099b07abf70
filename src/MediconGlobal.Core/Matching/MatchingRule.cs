using MediconGlobal.Core.Domain;

namespace MediconGlobal.Core.Matching;

/// <summary>What a need asks for: its category and market, and the company's stage, sector and region.</summary>
public sealed record NeedProfile(int CategoryId, int? MarketId, int? StageId, int? SectorId, int? RegionId);

/// <summary>An offer reduced to what matching looks at. Empty sets mean "any".</summary>
public sealed record OfferProfile(
    int OfferId,
    OfferStatus Status,
    int CategoryId,
    IReadOnlySet<int> MarketIds,
    IReadOnlySet<int> StageIds,
    IReadOnlySet<int> SectorIds,
    IReadOnlySet<int> RegionIds,
    DateTime LastReviewedAt);

public enum Fit
{
    /// <summary>The need leaves this dimension open (e.g. no target market given).</summary>
    Unspecified,

    /// <summary>The offer is agnostic on this dimension.</summary>
    Open,

    /// <summary>The offer covers a broader value that contains the asked one (USA for Boston).</summary>
    Broader,

    /// <summary>The offer names exactly the asked value.</summary>
    Exact,
}

/// <summary>Why an offer matched, dimension by dimension, and how closely.</summary>
public sealed record MatchExplanation(int OfferId, Fit Market, Fit Stage, Fit Sector, Fit Region, DateTime LastReviewedAt)
{
    /// <summary>Closer fit scores higher: an exact value beats a broader one, which beats an agnostic offer.</summary>
    public int Score => Weight(Market) * 3 + Weight(Stage) * 2 + Weight(Sector) * 2 + Weight(Region);

    private static int Weight(Fit fit) => fit switch
    {
        Fit.Exact => 3,
        Fit.Broader => 2,
        Fit.Open => 1,
        _ => 0,
    };
}

/// <summary>
/// The one matching rule of the brief. An offer matches a need when it is published, its category equals the
/// need's, and it covers the need's target market (or is market-agnostic), the company's stage and sector (or
/// is agnostic) and the company's region (or is open to all regions). A dimension the need leaves unspecified
/// does not exclude any offer.
/// </summary>
public sealed class MatchingRule(MarketHierarchy markets)
{
    public MatchExplanation? Match(NeedProfile need, OfferProfile offer)
    {
        if (!Offer.IsPublishedStatus(offer.Status) || offer.CategoryId != need.CategoryId)
        {
            return null;
        }

        var market = MarketFit(need.MarketId, offer.MarketIds);
        var stage = SimpleFit(need.StageId, offer.StageIds);
        var sector = SimpleFit(need.SectorId, offer.SectorIds);
        var region = SimpleFit(need.RegionId, offer.RegionIds);
        return market is null || stage is null || sector is null || region is null
            ? null
            : new MatchExplanation(offer.OfferId, market.Value, stage.Value, sector.Value, region.Value, offer.LastReviewedAt);
    }

    /// <summary>Matching offers ranked closer fit first, then most recently reviewed first.</summary>
    public IReadOnlyList<MatchExplanation> Rank(NeedProfile need, IEnumerable<OfferProfile> offers) =>
        InRankOrder(offers.Select(o => Match(need, o)).OfType<MatchExplanation>(), m => m).ToList();

    /// <summary>The rule's ranking of matches, for callers that carry more with each match: closer fit first, then most recently reviewed, then offer id.</summary>
    public static IOrderedEnumerable<T> InRankOrder<T>(IEnumerable<T> items, Func<T, MatchExplanation> match) =>
        items.OrderByDescending(i => match(i).Score)
            .ThenByDescending(i => match(i).LastReviewedAt)
            .ThenBy(i => match(i).OfferId);

    private Fit? MarketFit(int? asked, IReadOnlySet<int> covered)
    {
        if (covered.Count == 0 || covered.Any(markets.IsAgnostic))
        {
            return asked is null ? Fit.Unspecified : Fit.Open;
        }

        if (asked is not { } market)
        {
            return Fit.Unspecified;
        }

        if (covered.Contains(market))
        {
            return Fit.Exact;
        }

        return markets.AncestorsOf(market).Any(covered.Contains) ? Fit.Broader : null;
    }

    private static Fit? SimpleFit(int? asked, IReadOnlySet<int> covered)
    {
        if (covered.Count == 0)
        {
            return asked is null ? Fit.Unspecified : Fit.Open;
        }

        if (asked is not { } value)
        {
            return Fit.Unspecified;
        }

        return covered.Contains(value) ? Fit.Exact : null;
    }
}

/// <summary>Markets and their sub-markets (Massachusetts/Boston within USA), plus the "any market" terms.</summary>
public sealed class MarketHierarchy
{
    private readonly IReadOnlyDictionary<int, int?> _parents;
    private readonly IReadOnlySet<int> _agnostic;

    public MarketHierarchy(IReadOnlyDictionary<int, int?> parents, IReadOnlySet<int> agnostic)
    {
        _parents = parents;
        _agnostic = agnostic;
    }

    public bool IsAgnostic(int marketId) => _agnostic.Contains(marketId);

    public IEnumerable<int> AncestorsOf(int marketId)
    {
        var seen = new HashSet<int> { marketId };
        var current = _parents.GetValueOrDefault(marketId);
        while (current is { } parent && seen.Add(parent))
        {
            yield return parent;
            current = _parents.GetValueOrDefault(parent);
        }
    }
}
