using System.Collections.Concurrent;
using System.Numerics;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Matching;

namespace MediconGlobal.Core.Reports.Gaps;

/// <summary>
/// The matching rule turned into bit sets so a report can match hundreds of thousands of needs against tens
/// of thousands of offers in one pass. Every bit comes from <see cref="MatchingRule.Match"/> itself: for an
/// offer and one dimension value (say market = Boston, everything else unspecified) the rule says whether the
/// offer covers that value. The rule is a conjunction — published, same category, and each of market, stage,
/// sector and region fits — so a need matches exactly the offers whose bits are set for all four of its values.
/// <c>OfferCoverageIndexTests</c> checks that equivalence against <see cref="MatchingRule.Match"/> directly.
/// The bits per dimension come from the rule without its day (<see cref="MatchingRule.Fits"/>); whether an offer is
/// open is one more bit set, for the rule's day (<see cref="Match"/>) or for a past month (<see cref="OpenIn"/>: the
/// gap report's trend counts an offer as supply only in the months it was open, ADR 1934).
/// Bit sets are worked out when first asked for and kept; an index is safe to share between requests
/// (<see cref="Catalogue.CatalogueIndex.Coverage"/> keeps one per catalogue snapshot).
/// </summary>
public sealed class OfferCoverageIndex
{
    private readonly MatchingRule _rule;
    private readonly Dictionary<int, Block> _blocks = [];
    private readonly ConcurrentDictionary<(int Category, GapDimension Dimension, int? Value), ulong[]> _bits = [];
    private readonly ConcurrentDictionary<int, ulong[]> _openInMonth = [];
    private readonly int[] _offerIds;
    private readonly OfferProfile?[] _profiles;
    private readonly ulong[] _openOnDay;

    private OfferCoverageIndex(MatchingRule rule, IEnumerable<OfferProfile> offers)
    {
        _rule = rule;
        var ids = new List<int>();
        var profiles = new List<OfferProfile?>();
        foreach (var group in offers.Where(o => Offer.IsPublishedStatus(o.Status)).GroupBy(o => o.CategoryId).OrderBy(g => g.Key))
        {
            var members = group.OrderBy(o => o.OfferId).ToArray();
            var words = (members.Length + 63) / 64;
            _blocks[group.Key] = new Block(ids.Count / 64, words, members);
            ids.AddRange(members.Select(m => m.OfferId));
            ids.AddRange(Enumerable.Repeat(0, (words * 64) - members.Length));
            profiles.AddRange(members);
            profiles.AddRange(Enumerable.Repeat<OfferProfile?>(null, (words * 64) - members.Length));
        }

        _offerIds = [.. ids];
        _profiles = [.. profiles];
        TotalWords = _offerIds.Length / 64;
        _openOnDay = BitsOf(rule.IsOpen);
    }

    /// <summary>The day the index's <see cref="Match"/> answers for.</summary>
    public OfferDay Day => _rule.Day;

    /// <summary>Length of a bit set over all indexed offers.</summary>
    public int TotalWords { get; }

    public int OfferCount => _blocks.Values.Sum(b => b.Offers.Length);

    /// <summary>The index of <paramref name="offers"/> (published ones; open or not) for <paramref name="rule"/> on its day.</summary>
    public static OfferCoverageIndex Build(MatchingRule rule, IEnumerable<OfferProfile> offers) => new(rule, offers);

    /// <summary>The index of the published offers on <paramref name="day"/>, loaded from the database for one use (no snapshot kept).</summary>
    public static async Task<OfferCoverageIndex> LoadAsync(AppDbContext db, OfferDay day, CancellationToken cancellationToken = default)
    {
        var rule = await OfferProfiles.LoadRuleAsync(db, day, cancellationToken);
        var profiles = await OfferProfiles.LoadAsync(db, cancellationToken: cancellationToken);
        return Build(rule, profiles);
    }

    /// <summary>
    /// Writes the offers matching a need on the rule's day into <paramref name="scratch"/> (at least
    /// <see cref="MaxBlockWords"/> long) and returns where that block sits in a global bit set and how many words it
    /// has; (0, 0) when the need's category has no published offer.
    /// </summary>
    public (int WordOffset, int Words) Match(in NeedFact need, Span<ulong> scratch)
    {
        var (offset, words) = Fits(need, scratch);
        for (var w = 0; w < words; w++)
        {
            scratch[w] &= _openOnDay[offset + w];
        }

        return (offset, words);
    }

    /// <summary>
    /// Writes into <paramref name="into"/> the offers of <paramref name="fits"/> (a block at <paramref name="offset"/>,
    /// from <see cref="Fits"/>) that were open in <paramref name="month"/> (<see cref="NeedFact.Month"/>):
    /// <see cref="MatchingRule.WasOpenDuring"/> its first and last day.
    /// </summary>
    public void OpenIn(int month, int offset, ReadOnlySpan<ulong> fits, Span<ulong> into)
    {
        var open = _openInMonth.GetOrAdd(month, m =>
        {
            var first = NeedFact.StartOf(m);
            var (from, to) = (_rule.Day.On(first), _rule.Day.On(first.AddMonths(1).AddDays(-1)));
            return BitsOf(p => MatchingRule.WasOpenDuring(p, from, to));
        });
        for (var w = 0; w < fits.Length; w++)
        {
            into[w] = fits[w] & open[offset + w];
        }
    }

    /// <summary>
    /// As <see cref="Match"/> without the day: the published offers whose category and four dimensions fit the need,
    /// open or not (<see cref="MatchingRule.Fits"/>).
    /// </summary>
    public (int WordOffset, int Words) Fits(in NeedFact need, Span<ulong> scratch)
    {
        if (!_blocks.TryGetValue(need.CategoryId, out var block))
        {
            return (0, 0);
        }

        var market = Bits(need.CategoryId, block, GapDimension.Market, need.MarketId);
        var stage = Bits(need.CategoryId, block, GapDimension.Stage, need.StageId);
        var sector = Bits(need.CategoryId, block, GapDimension.Sector, need.SectorId);
        var region = Bits(need.CategoryId, block, GapDimension.Region, need.RegionId);
        for (var w = 0; w < block.Words; w++)
        {
            scratch[w] = market[w] & stage[w] & sector[w] & region[w];
        }

        return (block.WordOffset, block.Words);
    }

    /// <summary>The longest block, for sizing the scratch buffer of <see cref="Match"/>.</summary>
    public int MaxBlockWords => _blocks.Count == 0 ? 0 : _blocks.Values.Max(b => b.Words);

    /// <summary>The offer ids whose bits are set in a global bit set.</summary>
    public IEnumerable<int> OfferIds(ulong[] bits)
    {
        for (var w = 0; w < bits.Length; w++)
        {
            var word = bits[w];
            while (word != 0)
            {
                var bit = BitOperations.TrailingZeroCount(word);
                yield return _offerIds[(w * 64) + bit];
                word &= word - 1;
            }
        }
    }

    private ulong[] Bits(int category, Block block, GapDimension dimension, int? value)
    {
        if (_bits.TryGetValue((category, dimension, value), out var bits))
        {
            return bits;
        }

        bits = new ulong[block.Words];
        var probe = dimension switch
        {
            GapDimension.Market => new NeedProfile(category, value, null, null, null),
            GapDimension.Stage => new NeedProfile(category, null, value, null, null),
            GapDimension.Sector => new NeedProfile(category, null, null, value, null),
            GapDimension.Region => new NeedProfile(category, null, null, null, value),
            _ => throw GapDimensions.Unknown(dimension),
        };

        // Offers with the same values on this dimension get the same answer: ask the rule once per group.
        foreach (var group in block.Groups(dimension))
        {
            if (_rule.Fits(probe, block.Offers[group[0]]) is not null)
            {
                foreach (var i in group)
                {
                    bits[i / 64] |= 1UL << (i % 64);
                }
            }
        }

        return _bits.GetOrAdd((category, dimension, value), bits);
    }

    /// <summary>A global bit set of the indexed offers for which <paramref name="test"/> holds.</summary>
    private ulong[] BitsOf(Func<OfferProfile, bool> test)
    {
        var bits = new ulong[TotalWords];
        for (var i = 0; i < _profiles.Length; i++)
        {
            if (_profiles[i] is { } profile && test(profile))
            {
                bits[i / 64] |= 1UL << (i % 64);
            }
        }

        return bits;
    }

    private sealed record Block(int WordOffset, int Words, OfferProfile[] Offers)
    {
        private readonly ConcurrentDictionary<GapDimension, List<List<int>>> _groups = [];

        /// <summary>The offers' positions grouped by their set of values on one dimension.</summary>
        public List<List<int>> Groups(GapDimension dimension) =>
            _groups.GetOrAdd(dimension, d => Enumerable.Range(0, Offers.Length)
                .GroupBy(i => string.Join(',', Values(Offers[i], d).Order()))
                .Select(g => g.ToList())
                .ToList());

        private static IReadOnlySet<int> Values(OfferProfile offer, GapDimension dimension) => dimension switch
        {
            GapDimension.Market => offer.MarketIds,
            GapDimension.Stage => offer.StageIds,
            GapDimension.Sector => offer.SectorIds,
            GapDimension.Region => offer.RegionIds,
            _ => throw GapDimensions.Unknown(dimension),
        };
    }
}
