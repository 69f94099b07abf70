using MediconGlobal.Core.Privacy;

namespace MediconGlobal.Core.Reports.Gaps;

/// <summary>
/// The numbers of one cell, total or month. <see cref="Offers"/> counts distinct published offers that match
/// at least one of the needs; <see cref="Covered"/> counts the needs that at least one such offer matches.
/// </summary>
public sealed record GapFigures(int Needs, int Companies, int Offers, int Covered, int Met, int UnmetNotAvailable, int UnmetNotEligible)
{
    public static readonly GapFigures Zero = new(0, 0, 0, 0, 0, 0, 0);

    public int Unmet => UnmetNotAvailable + UnmetNotEligible;

    /// <summary>Share of the needs that a published offer matches; null when there are no needs.</summary>
    public double? Coverage => Needs == 0 ? null : (double)Covered / Needs;

    /// <summary>Share of the needs that were closed as unmet; null when there are no needs.</summary>
    public double? UnmetShare => Needs == 0 ? null : (double)Unmet / Needs;
}

/// <summary>
/// The figures of one cell, total or month. In a report computed with record keys, <see cref="Keys"/> holds
/// the key of what each figure counts, which <see cref="GapProtection"/> needs; they stay in the core (not
/// public, not serialised into snapshots).
/// </summary>
public sealed record GapEntry(GapFigures Figures)
{
    internal GapCellKeys? Keys { get; init; }
}

/// <summary>The cell keys (ADR 1801) of an entry's counts: needs, distinct companies and each subset of the needs.</summary>
internal readonly record struct GapCellKeys(CellKey Needs, CellKey Companies, CellKey Covered, CellKey Met, CellKey UnmetNotAvailable, CellKey UnmetNotEligible);

/// <summary>One value on an axis: a taxonomy term, or "not specified" when <see cref="Id"/> is null.</summary>
public sealed record AxisValue(int? Id, string Label)
{
    public const string NotSpecified = "Not specified";

    /// <summary>The value as it appears in a query string: the term id, or "none".</summary>
    public string Key => Id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";

    public static bool TryParseKey(string? key, out int? id)
    {
        id = null;
        if (key == "none")
        {
            return true;
        }

        if (int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            id = value;
            return true;
        }

        return false;
    }
}

/// <summary>Needs logged in one calendar month.</summary>
public sealed record TrendPoint(DateOnly Month, GapEntry Entry);

/// <summary>A cell in the list of the largest unmet demand.</summary>
public sealed record TopGap(AxisValue Row, AxisValue Column, GapFigures Figures);
