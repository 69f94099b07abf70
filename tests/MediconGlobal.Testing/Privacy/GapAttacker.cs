using MediconGlobal.Core.Privacy;
using MediconGlobal.Core.Reports.Gaps;

namespace MediconGlobal.Testing.Privacy;

/// <summary>The counts of a gap report entry an attacker can go after.</summary>
public enum AttackedMeasure
{
    Companies,
    Needs,
    Covered,
    Met,
    UnmetNotAvailable,
    UnmetNotEligible,
}

/// <summary>A true count of one or two the attacker pinned down exactly: the population, the entry and the count.</summary>
public sealed record Recovery(string Population, string Entry, string Measure, int Count);

/// <summary>What an attack found: the recoveries, and how close it came on the counts of one or two.</summary>
/// <param name="SmallTargets">Entries (observed or worked out) whose true count is 1 or 2.</param>
/// <param name="NarrowestSmallRange">The fewest candidate values the attacker was left with for any of them (1 = recovered).</param>
/// <param name="NarrowestNonZeroRange">The same over the small targets the attacker knows are not zero.</param>
/// <param name="NaiveGuesses">Differences of two published figures that came out as 1 or 2 (what a reader taking figures at face value would believe).</param>
/// <param name="NaiveHits">How many of those were the true count.</param>
public sealed record AttackResult(IReadOnlyList<Recovery> Recoveries, int SmallTargets, int NarrowestSmallRange, int NarrowestNonZeroRange, int Populations, int NaiveGuesses = 0, int NaiveHits = 0)
{
    public static AttackResult Combine(IEnumerable<AttackResult> results)
    {
        var all = results.ToList();
        return new AttackResult(
            all.SelectMany(r => r.Recoveries).ToList(),
            all.Sum(r => r.SmallTargets),
            all.Count == 0 ? int.MaxValue : all.Min(r => r.NarrowestSmallRange),
            all.Count == 0 ? int.MaxValue : all.Min(r => r.NarrowestNonZeroRange),
            all.Sum(r => r.Populations),
            all.Sum(r => r.NaiveGuesses),
            all.Sum(r => r.NaiveHits));
    }

    public override string ToString() =>
        $"{Recoveries.Count} recovered; {SmallTargets} true counts of 1 or 2 attacked over {Populations} populations; fewest candidates left {NarrowestSmallRange} "
        + $"({NarrowestNonZeroRange} where known non-zero); naive differences of 1 or 2: {NaiveGuesses}, of which right {NaiveHits}";
}

/// <summary>
/// Plays a partner who collects protected gap reports of one dimension pair and one measure and tries to pin
/// down true counts. The attacker knows the method (ADR 1801: the perturbation table is public, only the
/// secret is not), so from each published figure they know the range of true counts it can come from
/// (<see cref="PerturbationTable.Preimage"/>, widened where the published figure may have been capped or an
/// entry shown empty). They then combine figures:
/// <list type="bullet">
/// <item>margins within a report: cells of a row or column add up to its total, totals to the grand total,
/// months to the grand total (companies only where the split is by a company attribute; otherwise a
/// total has at least as many companies as each part and at most their sum). Covered needs are the exception
/// for months: a month counts the needs covered by offers open in that month, the cells and totals those
/// covered by offers open today (ADR 1934), so the months' covered needs need not add up to the total's and
/// the attacker is given no relation between them;</item>
/// <item>differencing across reports: a report with one filter more is a part of one with that filter less,
/// and the rest is a population of its own (<see cref="Split"/>), which may be reached by other routes
/// too (a date range, a set of statuses, a chain of countries);</item>
/// </list>
/// tightening every range from every relation until nothing changes (interval constraint propagation over
/// all entries at once). A range of a single value whose true count is 1 or 2 is a recovery. Every range
/// is checked to contain the true count, so a wrong inference fails loudly instead of hiding a recovery.
/// </summary>
public sealed class GapAttacker<TKey>
    where TKey : notnull
{
    private const int Unbounded = 1 << 24;

    private readonly IReadOnlyList<int?> _rows;
    private readonly IReadOnlyList<int?> _columns;
    private readonly List<DateOnly> _months;
    private readonly bool _rowsSplitCompanies;
    private readonly bool _columnsSplitCompanies;
    private readonly AttackedMeasure _measure;
    private readonly int _entries;
    private readonly Dictionary<TKey, int> _index = [];
    private readonly List<TKey> _keys = [];
    private readonly List<int[]> _lo = [];
    private readonly List<int[]> _hi = [];
    private readonly List<int[]> _truth = [];
    private readonly List<int[]> _shown = [];
    private readonly List<(int Whole, int[] Parts)> _splits = [];
    private readonly List<(int Whole, int Part)> _within = [];
    private int[] _active = [];
    private int _naiveGuesses;
    private int _naiveHits;
    private List<(int Whole, int[] Parts, bool Additive)> _lines = [];

    /// <param name="rows">Every value the row axis can have (term ids, null for "not specified").</param>
    /// <param name="months">Every month any report can show.</param>
    /// <param name="rowsSplitCompanies">Rows are a company attribute (stage, sector, region): each company is in one row.</param>
    public GapAttacker(IReadOnlyList<int?> rows, IReadOnlyList<int?> columns, IReadOnlyList<DateOnly> months, bool rowsSplitCompanies, bool columnsSplitCompanies, AttackedMeasure measure)
    {
        (_rows, _columns, _months, _rowsSplitCompanies, _columnsSplitCompanies, _measure) = (rows, columns, [.. months], rowsSplitCompanies, columnsSplitCompanies, measure);
        _entries = ((rows.Count + 1) * (columns.Count + 1)) + months.Count;
    }

    private bool IsCompanies => _measure == AttackedMeasure.Companies;

    private int Grand => Cell(_rows.Count, _columns.Count);

    /// <summary>Adds a report the attacker requested (<paramref name="published"/>) with the truth behind it (<paramref name="exact"/>, only to score the attack).</summary>
    public void Observe(TKey population, GapReport published, GapReport exact) => Observe(population, Lay(published), Lay(exact));

    /// <summary>As <see cref="Observe(TKey, GapReport, GapReport)"/>, with both reports laid out by <see cref="Lay"/> (attackers of one layout can share that work).</summary>
    public void Observe(TKey population, GapFigures?[] shown, GapFigures?[] real)
    {
        var p = Population(population);
        var (lo, hi, truth) = (_lo[p], _hi[p], _truth[p]);
        for (var e = 0; e < _entries; e++)
        {
            var (min, max) = Range(shown[e]);
            lo[e] = Math.Max(lo[e], min);
            hi[e] = Math.Min(hi[e], max);
            truth[e] = real[e] is { } f ? Count(f) : 0;
            _shown[p][e] = shown[e] is { } g ? Count(g) : 0;
        }
    }

    /// <summary>
    /// States that <paramref name="whole"/> is <paramref name="part"/> plus <paramref name="rest"/> (one filter
    /// narrowed; the rest may be new to the attacker). See <see cref="Partition"/>.
    /// </summary>
    public bool Split(TKey whole, TKey part, TKey rest, bool companiesAdd)
    {
        var added = Partition(whole, [part, rest], companiesAdd);
        if (added && _index.TryGetValue(whole, out var w) && _index.TryGetValue(part, out var p) && _index.TryGetValue(rest, out var r))
        {
            for (var e = 0; e < _entries; e++)
            {
                var naive = _shown[w][e] - _shown[p][e];
                if (_shown[w][e] >= 0 && _shown[p][e] >= 0 && naive is 1 or 2)
                {
                    _naiveGuesses++;
                    _naiveHits += _truth[r][e] == naive ? 1 : 0;
                }
            }
        }

        return added;
    }

    /// <summary>
    /// States that <paramref name="whole"/> is the sum of <paramref name="parts"/> (one attribute split into
    /// its values), of which at most one may be new to the attacker (a population they cannot ask for, such
    /// as companies without a sector). Companies add up only when the attribute is the company's
    /// (<paramref name="companiesAdd"/>); otherwise the attacker only uses that each part is within the whole.
    /// Returns false when the whole or more than one part is unknown.
    /// </summary>
    public bool Partition(TKey whole, IReadOnlyList<TKey> parts, bool companiesAdd)
    {
        var unknown = parts.Where(p => !_index.ContainsKey(p)).ToList();
        if (!_index.TryGetValue(whole, out var w) || unknown.Count > 1)
        {
            return false;
        }

        if (IsCompanies && !companiesAdd)
        {
            _within.AddRange(parts.Where(_index.ContainsKey).Select(p => (w, _index[p])));
            return true;
        }

        var known = parts.Where(_index.ContainsKey).Select(p => _index[p]).ToList();
        if (unknown.Count == 1)
        {
            var r = Population(unknown[0]);
            for (var e = 0; e < _entries; e++)
            {
                var rest = _truth[w][e];
                foreach (var p in known)
                {
                    rest = rest < 0 || _truth[p][e] < 0 ? -1 : rest - _truth[p][e];
                }

                _truth[r][e] = rest;
            }
        }

        _splits.Add((w, [.. parts.Select(p => _index[p])]));
        return true;
    }

    /// <summary>Tightens every range until nothing changes (or <paramref name="maxRounds"/>), then scores the attack.</summary>
    public AttackResult Run(int maxRounds = 50)
    {
        // Entries no population has anything in (a category nobody needs in a market) are given to the
        // attacker as known zeros: a stronger attacker, and much less to go through.
        var active = new bool[_entries];
        foreach (var truth in _truth)
        {
            for (var e = 0; e < _entries; e++)
            {
                active[e] |= truth[e] != 0;
            }
        }

        _active = [.. Enumerable.Range(0, _entries).Where(e => active[e])];
        for (var p = 0; p < _keys.Count; p++)
        {
            for (var e = 0; e < _entries; e++)
            {
                if (!active[e])
                {
                    (_lo[p][e], _hi[p][e]) = (0, 0);
                }
            }
        }

        _lines = Lines(active);
        _shown.Clear();

        // Which relations each population is in, so a round only revisits what a change can affect.
        var splitsOf = Enumerable.Range(0, _keys.Count).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < _splits.Count; i++)
        {
            var (w, parts) = _splits[i];
            splitsOf[w].Add(i);
            foreach (var p in parts)
            {
                splitsOf[p].Add(i);
            }
        }

        var withinOf = Enumerable.Range(0, _keys.Count).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < _within.Count; i++)
        {
            withinOf[_within[i].Whole].Add(i);
            withinOf[_within[i].Part].Add(i);
        }

        var dirty = Enumerable.Repeat(true, _keys.Count).ToArray();
        var splitDue = new bool[_splits.Count];
        var withinDue = new bool[_within.Count];
        for (var round = 0; round < maxRounds && dirty.Contains(true); round++)
        {
            var changed = new bool[_keys.Count];
            for (var p = 0; p < _keys.Count; p++)
            {
                if (dirty[p])
                {
                    changed[p] |= Margins(_lo[p], _hi[p]);
                    splitsOf[p].ForEach(i => splitDue[i] = true);
                    withinOf[p].ForEach(i => withinDue[i] = true);
                }
            }

            for (var i = 0; i < _splits.Count; i++)
            {
                if (splitDue[i])
                {
                    splitDue[i] = false;
                    Sum(_splits[i].Whole, _splits[i].Parts, changed);
                }
            }

            for (var i = 0; i < _within.Count; i++)
            {
                if (withinDue[i])
                {
                    withinDue[i] = false;
                    var (w, p) = _within[i];
                    var (cw, cp) = Within(_lo[w], _hi[w], _lo[p], _hi[p]);
                    (changed[w], changed[p]) = (changed[w] | cw, changed[p] | cp);
                }
            }

            dirty = changed;
        }

        return Score();
    }

    private AttackResult Score()
    {
        var recoveries = new List<Recovery>();
        var (small, narrowest, narrowestNonZero) = (0, int.MaxValue, int.MaxValue);
        for (var p = 0; p < _keys.Count; p++)
        {
            for (var e = 0; e < _entries; e++)
            {
                var (lo, hi, truth) = (_lo[p][e], _hi[p][e], _truth[p][e]);
                if (truth >= 0 && (truth < lo || truth > hi))
                {
                    throw new InvalidOperationException($"The attacker concluded {lo}–{hi} for {_keys[p]} {Describe(e)} {_measure}, but the true count is {truth}: an inference is wrong.");
                }

                if (truth is 1 or 2)
                {
                    small++;
                    narrowest = Math.Min(narrowest, hi - lo + 1);
                    if (lo >= 1)
                    {
                        narrowestNonZero = Math.Min(narrowestNonZero, hi - lo + 1);
                    }

                    if (lo == hi)
                    {
                        recoveries.Add(new Recovery(_keys[p].ToString() ?? "", Describe(e), _measure.ToString(), truth));
                    }
                }
            }
        }

        return new AttackResult(recoveries, small, narrowest, narrowestNonZero, _keys.Count, _naiveGuesses, _naiveHits);
    }

    /// <summary>What a published entry tells about the true count (entries not shown are shown-empty ones).</summary>
    private (int Min, int Max) Range(GapFigures? shown)
    {
        if (shown is null || shown.Companies == 0)
        {
            // Shown empty: no company, or one or two; then any number of their needs.
            return IsCompanies ? PerturbationTable.Preimage(0) : (0, Unbounded);
        }

        var needs = PerturbationTable.Preimage(shown.Needs);
        return _measure switch
        {
            AttackedMeasure.Companies => PerturbationTable.Preimage(shown.Companies),
            // Needs are shown at least as many as the companies: equal, they may have been raised to it.
            AttackedMeasure.Needs => shown.Needs == shown.Companies ? (0, needs.Max) : needs,
            // A part is shown at most as many as the needs: equal, it may have been lowered to it.
            _ => Count(shown) == shown.Needs ? (needs.Min, Unbounded) : PerturbationTable.Preimage(Count(shown)),
        };
    }

    private int Count(GapFigures f) => _measure switch
    {
        AttackedMeasure.Companies => f.Companies,
        AttackedMeasure.Needs => f.Needs,
        AttackedMeasure.Covered => f.Covered,
        AttackedMeasure.Met => f.Met,
        AttackedMeasure.UnmetNotAvailable => f.UnmetNotAvailable,
        _ => f.UnmetNotEligible,
    };

    /// <summary>The report's figures laid out on the attacker's grid (null where the report does not show the entry).</summary>
    public GapFigures?[] Lay(GapReport report)
    {
        var laid = new GapFigures?[_entries];
        var rows = report.Rows.Select(r => IndexOf(_rows, r.Id)).ToList();
        var columns = report.Columns.Select(c => IndexOf(_columns, c.Id)).ToList();
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                laid[Cell(rows[r], columns[c])] = report.Cell(r, c).Figures;
            }

            laid[Cell(rows[r], _columns.Count)] = report.RowTotals[r].Figures;
        }

        for (var c = 0; c < columns.Count; c++)
        {
            laid[Cell(_rows.Count, columns[c])] = report.ColumnTotals[c].Figures;
        }

        laid[Grand] = report.Total.Figures;
        foreach (var point in report.Trend)
        {
            laid[Month(point.Month)] = point.Entry.Figures;
        }

        return laid;
    }

    private static int IndexOf(IReadOnlyList<int?> axis, int? id)
    {
        for (var i = 0; i < axis.Count; i++)
        {
            if (axis[i] == id)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"Axis value {id} is not in the attacker's layout.");
    }

    private int Cell(int r, int c) => (r * (_columns.Count + 1)) + c;

    private int Month(DateOnly month)
    {
        var i = _months.BinarySearch(month);
        return i >= 0 ? ((_rows.Count + 1) * (_columns.Count + 1)) + i : throw new InvalidOperationException($"Month {month} is not in the attacker's layout.");
    }

    private string Describe(int e)
    {
        var grid = (_rows.Count + 1) * (_columns.Count + 1);
        if (e >= grid)
        {
            return $"month {_months[e - grid]:yyyy-MM}";
        }

        var (r, c) = (e / (_columns.Count + 1), e % (_columns.Count + 1));
        string Name(IReadOnlyList<int?> axis, int i) => i == axis.Count ? "total" : axis[i]?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";
        return $"({Name(_rows, r)}, {Name(_columns, c)})";
    }

    private int Population(TKey key)
    {
        if (_index.TryGetValue(key, out var p))
        {
            return p;
        }

        p = _keys.Count;
        _index[key] = p;
        _keys.Add(key);
        _lo.Add(new int[_entries]);
        _hi.Add(Enumerable.Repeat(Unbounded, _entries).ToArray());
        _truth.Add(Enumerable.Repeat(-1, _entries).ToArray());
        _shown.Add(Enumerable.Repeat(-1, _entries).ToArray());
        return p;
    }

    /// <summary>The report's own margins: rows, columns, totals and months, each against its total (known zeros left out).</summary>
    private List<(int Whole, int[] Parts, bool Additive)> Lines(bool[] active)
    {
        var lines = new List<(int, int[], bool)>();
        for (var r = 0; r <= _rows.Count; r++)
        {
            lines.Add((Cell(r, _columns.Count), [.. Enumerable.Range(0, _columns.Count).Select(c => Cell(r, c)).Where(e => active[e])], !IsCompanies || _columnsSplitCompanies));
        }

        for (var c = 0; c <= _columns.Count; c++)
        {
            lines.Add((Cell(_rows.Count, c), [.. Enumerable.Range(0, _rows.Count).Select(r => Cell(r, c)).Where(e => active[e])], !IsCompanies || _rowsSplitCompanies));
        }

        // A month's covered needs are those covered by offers open in that month, the total's those covered by offers
        // open today (ADR 1934): no relation holds between them, so they make no line.
        if (_measure != AttackedMeasure.Covered)
        {
            var grid = (_rows.Count + 1) * (_columns.Count + 1);
            lines.Add((Grand, [.. Enumerable.Range(grid, _months.Count).Where(e => active[e])], !IsCompanies));
        }

        return [.. lines.Where(l => active[l.Item1])];
    }

    private bool Margins(int[] lo, int[] hi)
    {
        var changed = false;
        foreach (var (whole, parts, additive) in _lines)
        {
            changed |= Line(lo, hi, whole, parts, additive);
        }

        return changed;
    }

    /// <summary>A whole against its parts: their sum when they add up; otherwise at least the largest part and at most the sum.</summary>
    private static bool Line(int[] lo, int[] hi, int whole, ReadOnlySpan<int> parts, bool additive)
    {
        long sumLo = 0, sumHi = 0;
        var maxLo = 0;
        foreach (var e in parts)
        {
            (sumLo, sumHi, maxLo) = (sumLo + lo[e], sumHi + hi[e], Math.Max(maxLo, lo[e]));
        }

        var changed = Tighten(lo, hi, whole, additive ? sumLo : maxLo, sumHi);
        foreach (var e in parts)
        {
            changed |= Tighten(lo, hi, e, lo[whole] - (sumHi - hi[e]), additive ? hi[whole] - (sumLo - lo[e]) : hi[whole]);
        }

        return changed;
    }

    /// <summary>The whole is the sum of the parts, entry by entry; marks what changed.</summary>
    private void Sum(int whole, int[] parts, bool[] changed)
    {
        var (wholeLo, wholeHi) = (_lo[whole], _hi[whole]);
        foreach (var e in _active)
        {
            // Bounds stay below 2^26, so sums of a few dozen do not overflow.
            int sumLo = 0, sumHi = 0;
            foreach (var p in parts)
            {
                (sumLo, sumHi) = (sumLo + _lo[p][e], sumHi + _hi[p][e]);
            }

            int wl = Math.Max(wholeLo[e], sumLo), wh = Math.Min(wholeHi[e], sumHi);
            if (wl != wholeLo[e] || wh != wholeHi[e])
            {
                (wholeLo[e], wholeHi[e], changed[whole]) = (wl, Math.Max(wh, 0), true);
            }

            foreach (var p in parts)
            {
                var (lo, hi) = (_lo[p], _hi[p]);
                int pl = Math.Max(lo[e], wl - (sumHi - hi[e])), ph = Math.Min(hi[e], wh - (sumLo - lo[e]));
                if (pl != lo[e] || ph != hi[e])
                {
                    (lo[e], hi[e], changed[p]) = (pl, Math.Max(ph, 0), true);
                }
            }
        }
    }

    private (bool Whole, bool Part) Within(int[] wholeLo, int[] wholeHi, int[] partLo, int[] partHi)
    {
        var (whole, part) = (false, false);
        foreach (var e in _active)
        {
            if (partLo[e] > wholeLo[e])
            {
                (wholeLo[e], whole) = (partLo[e], true);
            }

            if (wholeHi[e] < partHi[e])
            {
                (partHi[e], part) = (wholeHi[e], true);
            }
        }

        return (whole, part);
    }

    private static bool Tighten(int[] lo, int[] hi, int e, long min, long max)
    {
        var changed = false;
        if (min > lo[e])
        {
            lo[e] = (int)Math.Min(min, Unbounded);
            changed = true;
        }

        if (max < hi[e])
        {
            hi[e] = (int)Math.Max(max, 0);
            changed = true;
        }

        return changed;
    }
}
