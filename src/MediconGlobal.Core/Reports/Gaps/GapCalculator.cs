using System.Numerics;
using MediconGlobal.Core.Domain;

namespace MediconGlobal.Core.Reports.Gaps;

/// <summary>A taxonomy term offered as an axis value; optional ones appear only when a need uses them.</summary>
public sealed record AxisTerm(int Id, string Label, bool Optional = false);

/// <summary>
/// Computes the full gap report in memory in one pass over the needs (sorted by company, so distinct companies
/// are counted with a stamp instead of sets) and the offer bit sets of <see cref="OfferCoverageIndex"/>.
/// Plain objects in, plain objects out: the database work is in <see cref="GapAnalysis"/>.
/// </summary>
public static class GapCalculator
{
    /// <param name="cellOffers">When given, receives the ids of the offers behind each cell (row, column, ids).</param>
    public static GapReport Compute(GapQuery query, IReadOnlyList<AxisTerm> rowTerms, IReadOnlyList<AxisTerm> columnTerms, IEnumerable<NeedFact> facts, OfferCoverageIndex offers, Action<int, int, IEnumerable<int>>? cellOffers = null)
    {
        var sorted = facts.ToArray();
        Array.Sort(sorted, static (a, b) => a.CompanyId.CompareTo(b.CompanyId));
        var rows = BuildAxis(rowTerms, sorted.Select(f => f.ValueOf(query.Rows)));
        var columns = BuildAxis(columnTerms, sorted.Select(f => f.ValueOf(query.Columns)));
        var rowIndex = IndexOf(rows);
        var columnIndex = IndexOf(columns);

        var cells = NewTallies(rows.Count * columns.Count, offers.TotalWords);
        var rowTotals = NewTallies(rows.Count, offers.TotalWords);
        var columnTotals = NewTallies(columns.Count, offers.TotalWords);
        var total = new Tally(offers.TotalWords);
        var months = new SortedDictionary<DateOnly, Tally>();
        var scratch = new ulong[Math.Max(1, offers.MaxBlockWords)];

        foreach (var fact in sorted)
        {
            var r = rowIndex[fact.ValueOf(query.Rows) ?? -1];
            var c = columnIndex[fact.ValueOf(query.Columns) ?? -1];
            var (offset, words) = offers.Match(fact, scratch);
            var matched = scratch.AsSpan(0, words);
            var month = new DateOnly(fact.LoggedAt.Year, fact.LoggedAt.Month, 1);
            if (!months.TryGetValue(month, out var monthTally))
            {
                monthTally = months[month] = new Tally(offers.TotalWords);
            }

            cells[(r * columns.Count) + c].Add(fact, matched, offset);
            rowTotals[r].Add(fact, matched, offset);
            columnTotals[c].Add(fact, matched, offset);
            total.Add(fact, matched, offset);
            monthTally.Add(fact, matched, offset);
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
            Trend(months));
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

    private static List<TrendPoint> Trend(SortedDictionary<DateOnly, Tally> months)
    {
        var points = new List<TrendPoint>();
        if (months.Count == 0)
        {
            return points;
        }

        for (var month = months.Keys.First(); month <= months.Keys.Last(); month = month.AddMonths(1))
        {
            points.Add(new TrendPoint(month, months.TryGetValue(month, out var tally) ? tally.ToEntry() : new GapEntry(GapFigures.Zero)));
        }

        return points;
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

        public void Add(in NeedFact fact, ReadOnlySpan<ulong> matched, int offset)
        {
            _needs++;
            if (fact.CompanyId != _lastCompany)
            {
                // Facts arrive sorted by company, so a new id here is a company not counted yet.
                _companies++;
                _lastCompany = fact.CompanyId;
            }

            var covered = false;
            for (var w = 0; w < matched.Length; w++)
            {
                covered |= matched[w] != 0;
                _offers[offset + w] |= matched[w];
            }

            _covered += covered ? 1 : 0;
            switch (fact.Status)
            {
                case NeedStatus.Met:
                    _met++;
                    break;
                case NeedStatus.Unmet when fact.UnmetReason == UnmetReason.NotEligible:
                    _unmetNotEligible++;
                    break;
                case NeedStatus.Unmet:
                    _unmetNotAvailable++;
                    break;
                default:
                    break;
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
