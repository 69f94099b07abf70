using MediconGlobal.Core.Domain;

namespace MediconGlobal.Core.Matching;

/// <summary>What a need asks for: its category and market, and the company's stage, sector and region.</summary>
public sealed record NeedProfile(int CategoryId, int? MarketId, int? StageId, int? SectorId, int? RegionId);

/// <summary>An offer reduced to what matching looks at. Empty sets mean "any".</summary>
/// <param name="ClosesOn">The last day it takes applications (<see cref="OfferVerification.ClosesOn"/>: the earlier of its deadline and end date), null when it has neither.</param>
/// <param name="PublishedAt">When it was first published (UTC), for the months it counted as supply; null counts from the start.</param>
public sealed record OfferProfile(
    int OfferId,
    OfferStatus Status,
    int CategoryId,
    IReadOnlySet<int> MarketIds,
    IReadOnlySet<int> StageIds,
    IReadOnlySet<int> SectorIds,
    IReadOnlySet<int> RegionIds,
    DateTime LastReviewedAt,
    DateOnly? ClosesOn = null,
    DateTime? PublishedAt = null);

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
/// The one matching rule of the brief. An offer matches a need on a day when it is published and open that day (its
/// application deadline and end date, if it has them, have not passed, and it has not lapsed from verification:
/// <see cref="Offer.OpenOn"/>, ADR 1934), its category equals the need's, and it covers the need's target market (or
/// is market-agnostic), the company's stage and sector (or is agnostic) and the company's region (or is open to all
/// regions). A dimension the need leaves unspecified does not exclude any offer.
/// </summary>
/// <param name="markets">The market hierarchy and the "any market" terms.</param>
/// <param name="day">The portal day the rule answers for (<see cref="OfferDay.Today"/> for "now").</param>
public sealed class MatchingRule(MarketHierarchy markets, OfferDay day)
{
    /// <summary>The day the rule answers for.</summary>
    public OfferDay Day => day;

    /// <summary>The same rule on another day (the gap report's past months).</summary>
    public MatchingRule On(OfferDay other) => new(markets, other);

    /// <summary>Published and open on <see cref="Day"/>: the part of the rule that does not depend on the need.</summary>
    public bool IsOpen(OfferProfile offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return Offer.IsPublishedStatus(offer.Status) && OfferVerification.IsOpenOn(offer.ClosesOn, offer.LastReviewedAt, day);
    }

    /// <summary>
    /// Published, and open on at least one day from <paramref name="first"/> to <paramref name="last"/> as far as the
    /// offer's record tells: published before the period ended, not closed and not lapsed on its first day.
    /// </summary>
    public static bool WasOpenDuring(OfferProfile offer, OfferDay first, OfferDay last)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(last);
        return Offer.IsPublishedStatus(offer.Status)
            && (offer.PublishedAt is not { } published || published < last.On(last.Date.AddDays(1)).StartUtc())
            && OfferVerification.IsOpenOn(offer.ClosesOn, offer.LastReviewedAt, first);
    }

    /// <summary>Whether <paramref name="offer"/> matches <paramref name="need"/> on <see cref="Day"/>, and why.</summary>
    public MatchExplanation? Match(NeedProfile need, OfferProfile offer) => IsOpen(offer) ? Fits(need, offer) : null;

    /// <summary>
    /// The rule without its day: published, same category, and every dimension fits. For indexes that keep the fits
    /// once and apply <see cref="IsOpen"/> per day as a mask (<c>OfferCoverageIndex</c>); everything else asks <see cref="Match"/>.
    /// </summary>
    public MatchExplanation? Fits(NeedProfile need, OfferProfile offer)
    {
        ArgumentNullException.ThrowIfNull(need);
        ArgumentNullException.ThrowIfNull(offer);
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
