using System.Globalization;
using MediconGlobal.Core.Privacy;
using MediconGlobal.Core.Scope;

namespace MediconGlobal.Testing.Privacy;

/// <summary>
/// Plays a reader of a protected scope report (page or export) who knows the method (ADR 1801) and the
/// report's structure (ADR 1740), and uses every figure it publishes at once: the lines by organisation type,
/// the lines by region, and the organisation type × region cross-table with its margins.
/// <list type="bullet">
/// <item>Each need is counted under one serving type and one region, so needs and the counts of needs (unmet,
/// no matching offer, covered) add up: type lines and region lines to the same unknown total, each cross-table
/// row and column to its margin, the margins to the table's total.</item>
/// <item>Each company has one region, so companies add up across regions (the region lines; the cells of a
/// cross-table row); a company served by two types is in both type lines, so across types companies only
/// cover (the type lines; the cells of a cross-table column) — the margin the issue's example used ("by type
/// add up to 32, the visible regions to 28").</item>
/// <item>A line and the cross-table margin of the same segment are the same group of needs, as are the
/// lines' total and the table's.</item>
/// </list>
/// From each published figure's range (<see cref="PerturbationTable.Preimage"/>; a segment or cell not listed
/// is one shown empty) it tightens every range against these relations until nothing changes, and reports the
/// figures whose true count of one or two it pinned down. Every range is checked to contain the truth.
/// </summary>
public static class ScopeAttacker
{
    private const int Unbounded = 1 << 24;

    private enum Kind
    {
        Companies,
        Records,
        Part,
    }

    private sealed record Measure(string Name, Kind Kind, Func<ScopeLine, int>? OfLine, Func<ScopeCell, int>? OfCell);

    private static readonly Measure[] Measures =
    [
        new("companies", Kind.Companies, l => l.Companies, c => c.Companies),
        new("needs", Kind.Records, l => l.Needs, c => c.Needs),
        new("unmet", Kind.Part, l => l.Unmet, null),
        new("no matching offer", Kind.Part, l => l.NoMatchingOffer, null),
        new("unmet or uncovered", Kind.Part, null, c => c.Unmet),
        new("covered", Kind.Part, null, c => c.Covered),
    ];

    /// <param name="published">The protected report, as the reader sees it.</param>
    /// <param name="exact">The same report unprotected: the truth the attacker's ranges are checked against.</param>
    /// <param name="types">Every organisation-type segment id the report could list (null: no serving organisation).</param>
    /// <param name="regions">Every region segment id it could list (null: region not recorded).</param>
    public static AttackResult Attack(ScopeReport published, ScopeReport exact, IReadOnlyList<int?> types, IReadOnlyList<int?> regions)
    {
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(exact);
        return AttackResult.Combine(Measures.Select(m => Attack(m, published, exact, types, regions)));
    }

    private static AttackResult Attack(Measure measure, ScopeReport published, ScopeReport exact, IReadOnlyList<int?> types, IReadOnlyList<int?> regions)
    {
        var figures = new Figures();
        var additive = measure.Kind != Kind.Companies;
        if (measure.OfLine is { } ofLine)
        {
            int LineFigure(ScopeDimension dimension, int? id) =>
                figures.Add($"{dimension} {Name(id)}", measure, Line(published, dimension, id) is { } l ? (ofLine(l), l.Companies, l.Needs) : null, Line(exact, dimension, id) is { } t ? ofLine(t) : 0);

            var typeLines = types.Select(t => LineFigure(ScopeDimension.OrganisationType, t)).ToList();
            var regionLines = regions.Select(r => LineFigure(ScopeDimension.Region, r)).ToList();
            var total = figures.Add("total", measure, null, regions.Sum(r => Line(exact, ScopeDimension.Region, r) is { } t ? ofLine(t) : 0), unpublished: true);
            figures.Relate(typeLines, total, additive);
            figures.Relate(regionLines, total, true);
            figures.Lines = (typeLines, regionLines, total);
        }

        if (measure.OfCell is { } ofCell)
        {
            int CellFigure(string label, ScopeCrossTable table, ScopeCrossTable truth, Func<ScopeCrossTable, ScopeCell?> cell) =>
                figures.Add(label, measure, cell(table) is { } c ? (ofCell(c), c.Companies, c.Needs) : null, cell(truth) is { } t ? ofCell(t) : 0);

            var (table, truth) = (published.CrossTable, exact.CrossTable);
            var cells = types.Select(t => regions.Select(r => CellFigure($"cell {Name(t)} × {Name(r)}", table, truth, x => Cell(x, t, r))).ToList()).ToList();
            var typeTotals = types.Select(t => CellFigure($"cross-table type {Name(t)}", table, truth, x => Cell(x, t, null, regionMargin: true))).ToList();
            var regionTotals = regions.Select(r => CellFigure($"cross-table region {Name(r)}", table, truth, x => Cell(x, null, r, typeMargin: true))).ToList();
            var total = CellFigure("cross-table total", table, truth, x => x.Types.Count == 0 ? null : x.Total);
            for (var i = 0; i < types.Count; i++)
            {
                figures.Relate(cells[i], typeTotals[i], true);
            }

            for (var j = 0; j < regions.Count; j++)
            {
                figures.Relate([.. cells.Select(row => row[j])], regionTotals[j], additive);
            }

            figures.Relate(typeTotals, total, additive);
            figures.Relate(regionTotals, total, true);
            if (figures.Lines is (var typeLines, var regionLines, var linesTotal))
            {
                figures.Same(typeLines, typeTotals);
                figures.Same(regionLines, regionTotals);
                figures.Same([linesTotal], [total]);
            }
        }

        return figures.Solve(measure.Name);
    }

    private static string Name(int? id) => id?.ToString(CultureInfo.InvariantCulture) ?? "none";

    private static ScopeLine? Line(ScopeReport report, ScopeDimension dimension, int? id) =>
        (dimension == ScopeDimension.OrganisationType ? report.ByType : report.ByRegion).FirstOrDefault(l => l.Segment.Id == id);

    private static ScopeCell? Cell(ScopeCrossTable table, int? type, int? region, bool typeMargin = false, bool regionMargin = false)
    {
        var row = typeMargin ? -1 : IndexOf(table.Types, type);
        var column = regionMargin ? -1 : IndexOf(table.Regions, region);
        return (row, column, typeMargin, regionMargin) switch
        {
            (-1, _, false, _) or (_, -1, _, false) => null,
            (_, _, true, _) => table.RegionTotals[column],
            (_, _, _, true) => table.TypeTotals[row],
            _ => table.Cells[row][column],
        };
    }

    private static int IndexOf(IReadOnlyList<ScopeSegment> segments, int? id)
    {
        for (var i = 0; i < segments.Count; i++)
        {
            if (segments[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The attacker's ranges for one measure, the relations between them, and the truth.</summary>
    private sealed class Figures
    {
        private readonly List<string> _labels = [];
        private readonly List<int> _truth = [];
        private readonly List<long> _lo = [];
        private readonly List<long> _hi = [];
        private readonly List<(int[] Members, int Total, bool Adds)> _sums = [];
        private readonly List<(int A, int B)> _same = [];

        public (List<int> Types, List<int> Regions, int Total)? Lines { get; set; }

        /// <summary>A figure: its published value with its group's companies and records, null when shown empty.</summary>
        public int Add(string label, Measure measure, (int Value, int Companies, int Records)? shown, int truth, bool unpublished = false)
        {
            var (lo, hi) = unpublished ? (0, Unbounded)
                : shown is not { Companies: > 0 } s ? measure.Kind == Kind.Companies ? PerturbationTable.Preimage(0) : (0, Unbounded)
                : measure.Kind switch
                {
                    Kind.Companies => PerturbationTable.Preimage(s.Value),
                    Kind.Records => s.Value == s.Companies ? (0, PerturbationTable.Preimage(s.Value).Max) : PerturbationTable.Preimage(s.Value),
                    _ => s.Value == s.Records ? (PerturbationTable.Preimage(s.Value).Min, Unbounded) : PerturbationTable.Preimage(s.Value),
                };
            _labels.Add(label);
            _truth.Add(truth);
            _lo.Add(lo);
            _hi.Add(hi);
            return _labels.Count - 1;
        }

        /// <summary>The members add up to the total (<paramref name="adds"/>), or only cover it (a member may be in several).</summary>
        public void Relate(IReadOnlyList<int> members, int total, bool adds) => _sums.Add((members.ToArray(), total, adds));

        /// <summary>Pairwise the same group of needs, published twice.</summary>
        public void Same(IReadOnlyList<int> a, IReadOnlyList<int> b) => _same.AddRange(a.Zip(b));

        public AttackResult Solve(string measure)
        {
            for (var sweep = 0; sweep < 100 && Sweep(); sweep++)
            {
            }

            var recoveries = new List<Recovery>();
            var (small, narrowest, narrowestNonZero) = (0, int.MaxValue, int.MaxValue);
            for (var i = 0; i < _labels.Count; i++)
            {
                if (_truth[i] < _lo[i] || _truth[i] > _hi[i])
                {
                    throw new InvalidOperationException($"The attacker concluded {_lo[i]}–{_hi[i]} {measure} for {_labels[i]}, but the truth is {_truth[i]}.");
                }

                if (_truth[i] is 1 or 2)
                {
                    var width = (int)(_hi[i] - _lo[i] + 1);
                    small++;
                    narrowest = Math.Min(narrowest, width);
                    narrowestNonZero = _lo[i] >= 1 ? Math.Min(narrowestNonZero, width) : narrowestNonZero;
                    if (_lo[i] == _hi[i])
                    {
                        recoveries.Add(new Recovery("scope report", _labels[i], measure, _truth[i]));
                    }
                }
            }

            return new AttackResult(recoveries, small, narrowest, narrowestNonZero, 1);
        }

        /// <summary>One pass over every relation; true when a range changed.</summary>
        private bool Sweep()
        {
            var changed = false;
            void Narrow(int i, long lo, long hi)
            {
                var (newLo, newHi) = (Math.Max(_lo[i], lo), Math.Min(_hi[i], hi));
                changed |= newLo != _lo[i] || newHi != _hi[i];
                (_lo[i], _hi[i]) = (newLo, newHi);
            }

            foreach (var (a, b) in _same)
            {
                Narrow(a, _lo[b], _hi[b]);
                Narrow(b, _lo[a], _hi[a]);
            }

            foreach (var (members, total, adds) in _sums)
            {
                var (sumLo, sumHi, maxLo) = (0L, 0L, 0L);
                foreach (var m in members)
                {
                    (sumLo, sumHi, maxLo) = (sumLo + _lo[m], sumHi + _hi[m], Math.Max(maxLo, _lo[m]));
                }

                Narrow(total, adds ? sumLo : maxLo, sumHi);
                foreach (var m in members)
                {
                    var others = sumHi - _hi[m];
                    Narrow(m, _lo[total] - others, adds ? _hi[total] - (sumLo - _lo[m]) : _hi[total]);
                }
            }

            return changed;
        }
    }
}
