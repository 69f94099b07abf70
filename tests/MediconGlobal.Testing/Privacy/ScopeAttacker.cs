using MediconGlobal.Core.Privacy;
using MediconGlobal.Core.Scope;

namespace MediconGlobal.Testing.Privacy;

/// <summary>
/// Plays a reader of a protected scope export who knows the method (ADR 1801): each company is in one
/// region line, and each of its needs in one organisation-type line (the type serving it, ADR 1740), so both
/// lists of needs add up to the same unknown total — the margin the issue's example used ("by type add up to 32,
/// the visible regions to 28") — and the region lines of companies do too, while the type lines of companies
/// only cover it (a company served by two types is in both). From each
/// published figure's range (<see cref="PerturbationTable.Preimage"/>; a segment not listed is one shown empty)
/// it tightens every line against that total until nothing changes, and reports the lines whose true count of
/// one or two it pinned down. Every range is checked to contain the truth.
/// </summary>
public static class ScopeAttacker
{
    private const int Unbounded = 1 << 24;

    /// <param name="types">Every organisation-type segment id the export could list (null: no home incubator).</param>
    /// <param name="regions">Every region segment id it could list (null: region not recorded).</param>
    public static AttackResult Attack(ScopeReport published, ScopeReport exact, IReadOnlyList<int?> types, IReadOnlyList<int?> regions)
    {
        var results = new List<AttackResult>();
        foreach (var (name, count) in new (string, Func<ScopeLine, int>)[] { ("companies", l => l.Companies), ("needs", l => l.Needs), ("unmet", l => l.Unmet), ("no matching offer", l => l.NoMatchingOffer) })
        {
            var lines = types.Select(t => (Dimension: ScopeDimension.OrganisationType, Id: t)).Concat(regions.Select(r => (Dimension: ScopeDimension.Region, Id: r))).ToList();
            var lo = new int[lines.Count + 1];
            var hi = Enumerable.Repeat(Unbounded, lines.Count + 1).ToArray();
            var truth = new int[lines.Count + 1];
            for (var i = 0; i < lines.Count; i++)
            {
                var shown = Find(published, lines[i]);
                (lo[i], hi[i]) = shown is null || shown.Companies == 0
                    ? name == "companies" ? PerturbationTable.Preimage(0) : (0, Unbounded)
                    : Range(count(shown), shown, name);
                truth[i] = Find(exact, lines[i]) is { } line ? count(line) : 0;
            }

            var total = lines.Count;
            truth[total] = Enumerable.Range(types.Count, regions.Count).Sum(i => truth[i]);
            for (var sweep = 0; sweep < 10; sweep++)
            {
                if (name == "companies")
                {
                    Cover(lo, hi, total, 0, types.Count);
                }
                else
                {
                    Balance(lo, hi, total, 0, types.Count);
                }

                Balance(lo, hi, total, types.Count, lines.Count);
            }

            var recoveries = new List<Recovery>();
            var (small, narrowest, narrowestNonZero) = (0, int.MaxValue, int.MaxValue);
            for (var i = 0; i <= lines.Count; i++)
            {
                var label = i == total ? "total" : $"{lines[i].Dimension} {lines[i].Id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}";
                if (truth[i] < lo[i] || truth[i] > hi[i])
                {
                    throw new InvalidOperationException($"The attacker concluded {lo[i]}–{hi[i]} {name} for {label}, but the truth is {truth[i]}.");
                }

                if (truth[i] is 1 or 2)
                {
                    small++;
                    narrowest = Math.Min(narrowest, hi[i] - lo[i] + 1);
                    narrowestNonZero = lo[i] >= 1 ? Math.Min(narrowestNonZero, hi[i] - lo[i] + 1) : narrowestNonZero;
                    if (lo[i] == hi[i])
                    {
                        recoveries.Add(new Recovery("scope export", label, name, truth[i]));
                    }
                }
            }

            results.Add(new AttackResult(recoveries, small, narrowest, narrowestNonZero, 1));
        }

        return AttackResult.Combine(results);
    }

    private static (int Min, int Max) Range(int value, ScopeLine shown, string name) => name switch
    {
        "companies" => PerturbationTable.Preimage(value),
        "needs" => value == shown.Companies ? (0, PerturbationTable.Preimage(value).Max) : PerturbationTable.Preimage(value),
        _ => value == shown.Needs ? (PerturbationTable.Preimage(value).Min, Unbounded) : PerturbationTable.Preimage(value),
    };

    private static ScopeLine? Find(ScopeReport report, (ScopeDimension Dimension, int? Id) segment) =>
        (segment.Dimension == ScopeDimension.OrganisationType ? report.ByType : report.ByRegion).FirstOrDefault(l => l.Segment.Id == segment.Id);

    /// <summary>
    /// The lines from <paramref name="first"/> to <paramref name="end"/> cover the total, some members in more
    /// than one line: a company whose needs are served by two types of organisation is in both type lines.
    /// </summary>
    private static void Cover(int[] lo, int[] hi, int total, int first, int end)
    {
        long sumHi = 0;
        for (var i = first; i < end; i++)
        {
            sumHi += hi[i];
            lo[total] = Math.Max(lo[total], lo[i]);
        }

        hi[total] = (int)Math.Min(hi[total], sumHi);
        for (var i = first; i < end; i++)
        {
            hi[i] = Math.Min(hi[i], hi[total]);
            lo[i] = (int)Math.Max(lo[i], lo[total] - (sumHi - hi[i]));
        }
    }

    /// <summary>The lines from <paramref name="first"/> to <paramref name="end"/> add up to the total.</summary>
    private static void Balance(int[] lo, int[] hi, int total, int first, int end)
    {
        long sumLo = 0, sumHi = 0;
        for (var i = first; i < end; i++)
        {
            (sumLo, sumHi) = (sumLo + lo[i], sumHi + hi[i]);
        }

        (lo[total], hi[total]) = ((int)Math.Max(lo[total], sumLo), (int)Math.Min(hi[total], sumHi));
        for (var i = first; i < end; i++)
        {
            lo[i] = (int)Math.Max(lo[i], lo[total] - (sumHi - hi[i]));
            hi[i] = (int)Math.Max(0, Math.Min(hi[i], hi[total] - (sumLo - lo[i])));
        }
    }
}
