using System.Numerics;
using MediconGlobal.Core.Domain;

namespace MediconGlobal.Core.Reports.Gaps;

/// <summary>A taxonomy term offered as an axis value; optional ones appear only when a need uses them.</summary>
public sealed record AxisTerm(int Id, string Label, bool Optional = false);

/// <summary>
/// Computes the full gap report in memory from the loaded needs and the offer bit sets of
/// <see cref="OfferCoverageIndex"/>, in two passes over the needs: one in company order, which counts needs,
/// outcomes and distinct companies (a company is new to a cell when it differs from the last one counted
/// there), and one in need-profile order, which asks the index once per distinct profile (category, market,
/// stage, sector, region) and adds that profile's matching offers once per cell and month. Plain objects in,
/// plain objects out: the database work is in <see cref="GapAnalysis"/>.
/// </summary>
public static class GapCalculator
{
    /// <param name="cellOffers">When given, receives the ids of the offers behind each cell (row, column, ids).</param>
    public static GapReport Compute(GapQuery query, IReadOnlyList<AxisTerm> rowTerms, IReadOnlyList<AxisTerm> columnTerms, IEnumerable<NeedFact> facts, OfferCoverageIndex offers, Action<int, int, IEnumerable<int>>? cellOffers = null)
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

        // Pass 1, in company order: needs, outcomes, distinct companies.
        var cellOf = new int[needs.Length];
        var byCompany = new int[needs.Length];
        var companyKeys = new int[needs.Length];
        for (var i = 0; i < needs.Length; i++)
        {
            cellOf[i] = (rowIndex[needs[i].ValueOf(query.Rows) ?? -1] * columns.Count) + columnIndex[needs[i].ValueOf(query.Columns) ?? -1];
            (byCompany[i], companyKeys[i]) = (i, needs[i].CompanyId);
        }

        Array.Sort(companyKeys, byCompany);
        foreach (var i in byCompany)
        {
            var fact = needs[i];
            var cell = cellOf[i];
            cells[cell].Add(fact);
            rowTotals[cell / columns.Count].Add(fact);
            columnTotals[cell % columns.Count].Add(fact);
            total.Add(fact);
            months[fact.Month - firstMonth].Add(fact);
        }

        // Pass 2, in profile order: the index is asked once per profile; its offers join each cell and month once.
        var (byProfile, profileStarts) = GroupByProfile(needs);
        var scratch = new ulong[Math.Max(1, offers.MaxBlockWords)];
        var monthStamp = new int[monthCount];
        Array.Fill(monthStamp, -1);
        for (var p = 0; p + 1 < profileStarts.Count; p++)
        {
            var first = needs[byProfile[profileStarts[p]]];
            var (offset, words) = offers.Match(first, scratch);
            var matched = scratch.AsSpan(0, words);
            if (!matched.ContainsAnyExcept(0UL))
            {
                continue;
            }

            var count = profileStarts[p + 1] - profileStarts[p];
            var cell = cellOf[byProfile[profileStarts[p]]];
            cells[cell].Cover(count, matched, offset);
            rowTotals[cell / columns.Count].Cover(count, matched, offset);
            columnTotals[cell % columns.Count].Cover(count, matched, offset);
            total.Cover(count, matched, offset);
            for (var k = profileStarts[p]; k < profileStarts[p + 1]; k++)
            {
                // The profile's offers join a month once; every need of it there counts as covered.
                var month = needs[byProfile[k]].Month - firstMonth;
                months[month].Cover(1, monthStamp[month] == p ? ReadOnlySpan<ulong>.Empty : matched, offset);
                monthStamp[month] = p;
            }
        }

        for (var i = 0; cellOffers is not null && i < cells.Length; i++)
        {
            cellOffers(i / columns.Count, i % columns.Count, offers.OfferIds(cells[i].Offers));
        }

        return new GapReport(
            query,
            GapView.Full,
            rows,
            columns,
            Enumerable.Range(0, rows.Count).Select(r => (IReadOnlyList<GapEntry>)Enumerable.Range(0, columns.Count).Select(c => cells[(r * columns.Count) + c].ToEntry()).ToList()).ToList(),
            rowTotals.Select(t => t.ToEntry()).ToList(),
            columnTotals.Select(t => t.ToEntry()).ToList(),
            total.ToEntry(),
            months.Select((tally, i) => new TrendPoint(NeedFact.StartOf(firstMonth + i), tally.ToEntry())).ToList());
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

    /// <summary>Running counts for one cell, total or month.</summary>
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

        public ulong[] Offers => _offers;

        /// <summary>Counts a need; needs arrive in company order, so a company differing from the last one is new here.</summary>
        public void Add(in NeedFact fact)
        {
            _needs++;
            if (fact.CompanyId != _lastCompany)
            {
                _companies++;
                _lastCompany = fact.CompanyId;
            }

            switch (fact.Outcome)
            {
                case NeedOutcome.Met:
                    _met++;
                    break;
                case NeedOutcome.UnmetNotEligible:
                    _unmetNotEligible++;
                    break;
                case NeedOutcome.UnmetNotAvailable:
                    _unmetNotAvailable++;
                    break;
                default:
                    break;
            }
        }

        /// <summary>Counts needs that the offers in <paramref name="matched"/> (a block at <paramref name="offset"/>) cover.</summary>
        public void Cover(int needs, ReadOnlySpan<ulong> matched, int offset)
        {
            _covered += needs;
            for (var w = 0; w < matched.Length; w++)
            {
                _offers[offset + w] |= matched[w];
            }
        }

        public GapEntry ToEntry()
        {
            var offers = 0;
            foreach (var word in _offers)
            {
                offers += BitOperations.PopCount(word);
            }

            return new GapEntry(new GapFigures(_needs, _companies, offers, _covered, _met, _unmetNotAvailable, _unmetNotEligible));
        }
    }
}
