using System.Numerics;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Privacy;

namespace MediconGlobal.Core.Reports.Gaps;

/// <summary>A taxonomy term offered as an axis value; optional ones appear only when a need uses them.</summary>
public sealed record AxisTerm(int Id, string Label, bool Optional = false);

/// <summary>
/// Computes the full gap report in memory from the loaded needs and the offer bit sets of
/// <see cref="OfferCoverageIndex"/>, in two passes over the needs: one in company order, which counts needs,
/// outcomes and distinct companies (a company is new to a cell when it differs from the last one counted
/// there), and one in need-profile order, which asks the index once per distinct profile (category, market,
/// stage, sector, region) and adds that profile's matching offers once per cell and month. Given a
/// <see cref="SmallCellProtection"/>, every tally also adds up the record keys of what it counts (a need
/// carries its company's key), so the report can be protected afterwards (<see cref="GapProtection"/>).
/// Plain objects in, plain objects out: the database work is in <see cref="GapAnalysis"/>.
/// </summary>
public static class GapCalculator
{
    /// <param name="cellOffers">When given, receives the ids of the offers behind each cell (row, column, ids).</param>
    /// <param name="keys">When given, the entries carry the cell keys of their counts (needed to protect the report).</param>
    public static GapReport Compute(GapQuery query, IReadOnlyList<AxisTerm> rowTerms, IReadOnlyList<AxisTerm> columnTerms, IEnumerable<NeedFact> facts, OfferCoverageIndex offers, Action<int, int, IEnumerable<int>>? cellOffers = null, SmallCellProtection? keys = null)
    {
        var needs = facts as NeedFact[] ?? facts.ToArray();
        var rows = BuildAxis(rowTerms, Distinct(needs, query.Rows));
        var columns = BuildAxis(columnTerms, Distinct(needs, query.Columns));
        var rowIndex = IndexOf(rows);
        var columnIndex = IndexOf(columns);
        var firstMonth = needs.Length == 0 ? 0 : needs.Min(f => f.Month);
        var monthCount = needs.Length == 0 ? 0 : needs.Max(f => f.Month) - firstMonth + 1;

        var cells = NewTallies(rows.Count * columns.Count, offers.TotalWords);
        var rowTotals = NewTallies(rows.Count, offers.TotalWords);
        var columnTotals = NewTallies(columns.Count, offers.TotalWords);
        var total = new Tally(offers.TotalWords);
        var months = NewTallies(monthCount, offers.TotalWords);

        // Pass 1, in company order: needs, outcomes, distinct companies (and their record keys).
        var cellOf = new int[needs.Length];
        var keyOf = new uint[needs.Length];
        var byCompany = new int[needs.Length];
        var companyKeys = new int[needs.Length];
        for (var i = 0; i < needs.Length; i++)
        {
            cellOf[i] = (rowIndex[needs[i].ValueOf(query.Rows) ?? -1] * columns.Count) + columnIndex[needs[i].ValueOf(query.Columns) ?? -1];
            (byCompany[i], companyKeys[i]) = (i, needs[i].CompanyId);
        }

        Array.Sort(companyKeys, byCompany);
        var (lastCompany, key) = (-1, 0u);
        foreach (var i in byCompany)
        {
            var fact = needs[i];
            if (keys is not null && fact.CompanyId != lastCompany)
            {
                (lastCompany, key) = (fact.CompanyId, keys.CompanyKey(fact.CompanyId));
            }

            keyOf[i] = key;
            var cell = cellOf[i];
            cells[cell].Add(fact, key);
            rowTotals[cell / columns.Count].Add(fact, key);
            columnTotals[cell % columns.Count].Add(fact, key);
            total.Add(fact, key);
            months[fact.Month - firstMonth].Add(fact, key);
        }

        // Pass 2, in profile order: the index is asked once per profile; its offers join each cell and month once.
        // Cells count the offers matching today; a month counts those that fit and were open in it (ADR 1934).
        var (byProfile, profileStarts) = GroupByProfile(needs);
        var fitScratch = new ulong[Math.Max(1, offers.MaxBlockWords)];
        var scratch = new ulong[fitScratch.Length];
        var monthScratch = new ulong[fitScratch.Length];
        var monthStamp = new int[monthCount];
        var monthCovered = new bool[monthCount];
        Array.Fill(monthStamp, -1);
        for (var p = 0; p + 1 < profileStarts.Count; p++)
        {
            var first = needs[byProfile[profileStarts[p]]];
            var (offset, words) = offers.Fits(first, fitScratch);
            var fits = fitScratch.AsSpan(0, words);
            if (!fits.ContainsAnyExcept(0UL))
            {
                continue;
            }

            _ = offers.Match(first, scratch);
            var matched = scratch.AsSpan(0, words);
            var count = profileStarts[p + 1] - profileStarts[p];
            var cell = cellOf[byProfile[profileStarts[p]]];
            var profileKey = CellKey.Empty;
            for (var k = profileStarts[p]; k < profileStarts[p + 1]; k++)
            {
                // The profile's offers open in a month join it once; every need of it there counts as covered.
                var need = byProfile[k];
                var month = needs[need].Month - firstMonth;
                var inMonth = ReadOnlySpan<ulong>.Empty;
                if (monthStamp[month] != p)
                {
                    monthStamp[month] = p;
                    offers.OpenIn(needs[need].Month, offset, fits, monthScratch);
                    inMonth = monthScratch.AsSpan(0, words);
                    monthCovered[month] = inMonth.ContainsAnyExcept(0UL);
                }

                if (monthCovered[month])
                {
                    months[month].Cover(1, keyOf[need], inMonth, offset);
                }

                profileKey = profileKey.Add(keyOf[need]);
            }

            if (!matched.ContainsAnyExcept(0UL))
            {
                continue;
            }

            cells[cell].Cover(count, profileKey.Value, matched, offset);
            rowTotals[cell / columns.Count].Cover(count, profileKey.Value, matched, offset);
            columnTotals[cell % columns.Count].Cover(count, profileKey.Value, matched, offset);
            total.Cover(count, profileKey.Value, matched, offset);
        }

        var keyed = keys is not null;
        for (var i = 0; cellOffers is not null && i < cells.Length; i++)
        {
            cellOffers(i / columns.Count, i % columns.Count, offers.OfferIds(cells[i].Offers));
        }

        return new GapReport(
            query,
            GapView.Full,
            rows,
            columns,
            Enumerable.Range(0, rows.Count).Select(r => (IReadOnlyList<GapEntry>)Enumerable.Range(0, columns.Count).Select(c => cells[(r * columns.Count) + c].ToEntry(keyed)).ToList()).ToList(),
            rowTotals.Select(t => t.ToEntry(keyed)).ToList(),
            columnTotals.Select(t => t.ToEntry(keyed)).ToList(),
            total.ToEntry(keyed),
            months.Select((tally, i) => new TrendPoint(NeedFact.StartOf(firstMonth + i), tally.ToEntry(keyed))).ToList());
    }

    /// <summary>The axis: the terms in order (optional ones only when used), values not among them, then "not specified".</summary>
    public static IReadOnlyList<AxisValue> BuildAxis(IReadOnlyList<AxisTerm> terms, IEnumerable<int?> used)
    {
        var usedSet = used.ToHashSet();
        var axis = terms.Where(t => !t.Optional || usedSet.Contains(t.Id)).Select(t => new AxisValue(t.Id, t.Label)).ToList();
        var known = terms.Select(t => (int?)t.Id).ToHashSet();
        axis.AddRange(usedSet.Where(v => v is not null && !known.Contains(v)).Order().Select(v => new AxisValue(v, $"#{v}")));
        if (usedSet.Contains(null))
        {
            axis.Add(new AxisValue(null, AxisValue.NotSpecified));
        }

        return axis;
    }

    private static Dictionary<int, int> IndexOf(IReadOnlyList<AxisValue> axis) =>
        axis.Select((value, index) => (value, index)).ToDictionary(x => x.value.Id ?? -1, x => x.index);

    private static Tally[] NewTallies(int count, int words) => Enumerable.Range(0, count).Select(_ => new Tally(words)).ToArray();

    private static HashSet<int?> Distinct(NeedFact[] needs, GapDimension dimension)
    {
        var values = new HashSet<int?>();
        foreach (var fact in needs)
        {
            values.Add(fact.ValueOf(dimension));
        }

        return values;
    }

    /// <summary>The needs' positions ordered so that equal profiles are adjacent, and where each profile's run starts (plus the end).</summary>
    private static (int[] Order, List<int> Starts) GroupByProfile(NeedFact[] needs)
    {
        var ids = new Dictionary<(int, int?, int?, int?, int?), int>();
        var keys = new int[needs.Length];
        var order = new int[needs.Length];
        for (var i = 0; i < needs.Length; i++)
        {
            var f = needs[i];
            var profile = (f.CategoryId, f.MarketId, f.StageId, f.SectorId, f.RegionId);
            if (!ids.TryGetValue(profile, out var id))
            {
                id = ids[profile] = ids.Count;
            }

            (keys[i], order[i]) = (id, i);
        }

        Array.Sort(keys, order);
        var starts = new List<int>(ids.Count + 1);
        for (var k = 0; k < keys.Length; k++)
        {
            if (k == 0 || keys[k] != keys[k - 1])
            {
                starts.Add(k);
            }
        }

        starts.Add(keys.Length);
        return (order, starts);
    }

    /// <summary>Running counts for one cell, total or month, with the sums of the record keys behind each.</summary>
    private sealed class Tally(int words)
    {
        private readonly ulong[] _offers = new ulong[words];
        private int _lastCompany = -1;
        private int _needs;
        private int _companies;
        private int _covered;
        private int _met;
        private int _unmetNotAvailable;
        private int _unmetNotEligible;
        private CellKey _needsKey;
        private CellKey _companiesKey;
        private CellKey _coveredKey;
        private CellKey _metKey;
        private CellKey _unmetNotAvailableKey;
        private CellKey _unmetNotEligibleKey;

        public ulong[] Offers => _offers;

        /// <summary>Counts a need with its record key; needs arrive in company order, so a company differing from the last one is new here.</summary>
        public void Add(in NeedFact fact, uint key)
        {
            _needs++;
            _needsKey = _needsKey.Add(key);
            if (fact.CompanyId != _lastCompany)
            {
                _companies++;
                _companiesKey = _companiesKey.Add(key);
                _lastCompany = fact.CompanyId;
            }

            switch (fact.Outcome)
            {
                case NeedOutcome.Met:
                    _met++;
                    _metKey = _metKey.Add(key);
                    break;
                case NeedOutcome.UnmetNotEligible:
                    _unmetNotEligible++;
                    _unmetNotEligibleKey = _unmetNotEligibleKey.Add(key);
                    break;
                case NeedOutcome.UnmetNotAvailable:
                    _unmetNotAvailable++;
                    _unmetNotAvailableKey = _unmetNotAvailableKey.Add(key);
                    break;
                default:
                    break;
            }
        }

        /// <summary>Counts needs (whose record keys add up to <paramref name="keys"/>) that the offers in <paramref name="matched"/> (a block at <paramref name="offset"/>) cover.</summary>
        public void Cover(int needs, uint keys, ReadOnlySpan<ulong> matched, int offset)
        {
            _covered += needs;
            _coveredKey = _coveredKey.Add(keys);
            for (var w = 0; w < matched.Length; w++)
            {
                _offers[offset + w] |= matched[w];
            }
        }

        public GapEntry ToEntry(bool keyed)
        {
            var offers = 0;
            foreach (var word in _offers)
            {
                offers += BitOperations.PopCount(word);
            }

            return new GapEntry(new GapFigures(_needs, _companies, offers, _covered, _met, _unmetNotAvailable, _unmetNotEligible))
            {
                Keys = keyed ? new GapCellKeys(_needsKey, _companiesKey, _coveredKey, _metKey, _unmetNotAvailableKey, _unmetNotEligibleKey) : null,
            };
        }
    }
}
