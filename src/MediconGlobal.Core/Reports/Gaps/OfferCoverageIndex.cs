using System.Collections.Concurrent;
using System.Numerics;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Matching;

namespace MediconGlobal.Core.Reports.Gaps;

/// <summary>
/// The matching rule turned into bit sets so a report can match hundreds of thousands of needs against tens
/// of thousands of offers in one pass. Every bit comes from <see cref="MatchingRule.Match"/> itself: for an
/// offer and one dimension value (say market = Boston, everything else unspecified) the rule says whether the
/// offer covers that value. The rule is a conjunction — published, same category, and each of market, stage,
/// sector and region fits — so a need matches exactly the offers whose bits are set for all four of its values.
/// <c>OfferCoverageIndexTests</c> checks that equivalence against <see cref="MatchingRule.Match"/> directly.
/// Bit sets are worked out when first asked for and kept; an index is safe to share between requests
/// (<see cref="Catalogue.CatalogueIndex.Coverage"/> keeps one per catalogue snapshot).
/// </summary>
public sealed class OfferCoverageIndex
{
    private readonly MatchingRule _rule;
    private readonly Dictionary<int, Block> _blocks = [];
    private readonly ConcurrentDictionary<(int Category, GapDimension Dimension, int? Value), ulong[]> _bits = [];
    private readonly int[] _offerIds;

    private OfferCoverageIndex(MatchingRule rule, IEnumerable<OfferProfile> offers)
    {
        _rule = rule;
        var ids = new List<int>();
        foreach (var group in offers.Where(o => Domain.Offer.IsPublishedStatus(o.Status)).GroupBy(o => o.CategoryId).OrderBy(g => g.Key))
        {
            var members = group.OrderBy(o => o.OfferId).ToArray();
            var words = (members.Length + 63) / 64;
            _blocks[group.Key] = new Block(ids.Count / 64, words, members);
            ids.AddRange(members.Select(m => m.OfferId));
            ids.AddRange(Enumerable.Repeat(0, (words * 64) - members.Length));
        }

        _offerIds = [.. ids];
        TotalWords = _offerIds.Length / 64;
    }

    /// <summary>Length of a bit set over all indexed offers.</summary>
    public int TotalWords { get; }

    public int OfferCount => _blocks.Values.Sum(b => b.Offers.Length);

    public static OfferCoverageIndex Build(MatchingRule rule, IEnumerable<OfferProfile> offers) => new(rule, offers);

    /// <summary>The index of the published offers, loaded from the database for one use (no snapshot kept).</summary>
    public static async Task<OfferCoverageIndex> LoadAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var rule = await OfferProfiles.LoadRuleAsync(db, cancellationToken);
        var profiles = await OfferProfiles.LoadAsync(db, cancellationToken: cancellationToken);
        return Build(rule, profiles);
    }

    /// <summary>
    /// Writes the offers matching a need into <paramref name="scratch"/> (at least <see cref="MaxBlockWords"/> long)
    /// and returns where that block sits in a global bit set and how many words it has; (0, 0) when the need's
    /// category has no published offer.
    /// </summary>
    public (int WordOffset, int Words) Match(in NeedFact need, Span<ulong> scratch)
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
            if (_rule.Match(probe, block.Offers[group[0]]) is not null)
            {
                foreach (var i in group)
                {
                    bits[i / 64] |= 1UL << (i % 64);
                }
            }
        }

        return _bits.GetOrAdd((category, dimension, value), bits);
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
