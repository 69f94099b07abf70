namespace MediconGlobal.Core.Privacy;

/// <summary>
/// The perturbation table (p-table) of the cell-key method, ADR 1801: for a true count and a cell key, the
/// count that is published. Each row gives, in ten-thousandths, how likely each published value is; the cell
/// key picks one (its <see cref="CellKey.Slot"/> walks the row's cumulative weights), so the choice is
/// random across cells but fixed for a cell. Parameters, as in the ptable/cellKey tools of the ESS:
/// <list type="bullet">
/// <item>threshold 3 (js = 2): 1 and 2 are never published. A true 1 is published as 0 98 % of the time
/// and a true 2 60 % of the time (otherwise 3 to 6); a true 3 is published as 0 3 % of the time and a true 4
/// 0.3 %. So a published 0 means "none, or a few" (0 to 4) and a published 3 "3 or more, or rarely 1 or 2":
/// every edge of what a figure allows is a rare event, never a certainty. With edges that were certain (1
/// and 2 always 0, 3 never 0) the attacker test pinned thousands of small counts by combining "at least
/// three" from one figure with "at most two" from another;</item>
/// <item>zeros are not perturbed (0 stays 0): an empty cell is about no company, and inventing demand in
/// empty cells would show gaps that do not exist;</item>
/// <item>a true count of 5 or more is never published below 3;</item>
/// <item>maximum noise D = 4 for every count; variance about 0.95 for counts of 7 and more (46 % unchanged,
/// 44 % ±1, 8 % ±2, 1.8 % ±3, 0.2 % ±4) — thin tails, so an attacker who must allow for ±4 on every figure
/// learns little while most figures are exact or one off;</item>
/// <item>unbiased (the expected published value is the true one) for 0 and from 4 on; 1, 2 and 3 are
/// published as 0.07, 1.32 and 3.34 on average.</item>
/// </list>
/// </summary>
public static class PerturbationTable
{
    /// <summary>Counts below this (but above zero) are never published.</summary>
    public const int Threshold = 3;

    /// <summary>The largest difference between a true and a published count.</summary>
    public const int MaxNoise = 4;

    /// <summary>Row weights are in units of 1 / <see cref="Resolution"/>.</summary>
    public const int Resolution = 10_000;

    /// <summary>The rows for true counts 0 to 6 as (published value, weight).</summary>
    private static readonly (int Published, int Weight)[][] SmallRows =
    [
        [(0, 10_000)],
        [(0, 9_800), (3, 150), (4, 40), (5, 10)],
        [(0, 6_000), (3, 3_000), (4, 800), (5, 190), (6, 10)],
        [(0, 300), (3, 6_300), (4, 2_600), (5, 700), (6, 90), (7, 10)],
        [(0, 30), (3, 3_340), (4, 3_860), (5, 2_200), (6, 460), (7, 100), (8, 10)],
        [(3, 500), (4, 2_510), (5, 4_190), (6, 2_200), (7, 500), (8, 90), (9, 10)],
        [(3, 100), (4, 400), (5, 2_210), (6, 4_590), (7, 2_200), (8, 400), (9, 90), (10, 10)],
    ];

    /// <summary>The row for every true count from 7 on, as (noise, weight): symmetric, so unbiased.</summary>
    private static readonly (int Noise, int Weight)[] LargeRow =
        [(-4, 10), (-3, 90), (-2, 400), (-1, 2_200), (0, 4_600), (1, 2_200), (2, 400), (3, 90), (4, 10)];

    /// <summary>For each published value below 11, the smallest true count that can be published as it.</summary>
    private static readonly int[] SmallestSource = Enumerable.Range(0, 11)
        .Select(published => Enumerable.Range(0, published + 1).FirstOrDefault(i => Row(i).Any(x => x.Published == published), -1))
        .ToArray();

    /// <summary>The count published for a true <paramref name="count"/> (0 or more) in the cell with <paramref name="key"/>.</summary>
    public static int Perturb(int count, CellKey key)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var slot = key.Slot(Resolution);
        if (count < SmallRows.Length)
        {
            return Pick(SmallRows[count], slot);
        }

        return count + Pick(LargeRow, slot);
    }

    /// <summary>The row of a true count: each value it may be published as, with its weight in ten-thousandths.</summary>
    public static IReadOnlyList<(int Published, int Weight)> Row(int count) =>
        count < SmallRows.Length ? SmallRows[count] : LargeRow.Select(x => (count + x.Noise, x.Weight)).ToArray();

    /// <summary>
    /// Every true count that can be published as <paramref name="published"/>, as a range (empty — Min above
    /// Max — for 1 and 2, which are never published). What a reader who knows this table can conclude from
    /// one figure; the attacker tests start from it.
    /// </summary>
    public static (int Min, int Max) Preimage(int published) => published switch
    {
        < 0 or 1 or 2 => (1, 0),
        0 => (0, 4),
        < 11 => (SmallestSource[published], published + MaxNoise),
        _ => (published - MaxNoise, published + MaxNoise),
    };

    private static int Pick((int Value, int Weight)[] row, int slot)
    {
        foreach (var (value, weight) in row)
        {
            slot -= weight;
            if (slot < 0)
            {
                return value;
            }
        }

        return row[^1].Value;
    }
}
