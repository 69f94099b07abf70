using MediconGlobal.Core.Domain;

namespace MediconGlobal.Core.Reports.Gaps;

/// <summary>The dimensions a gap report can cross. Category and market belong to the need; the rest to its company.</summary>
public enum GapDimension
{
    Category,
    Market,
    Stage,
    Sector,
    Region,
}

/// <summary>Which numbers a report shows: the exact ones, or the protected ones partner staff and exports get (ADR 1801).</summary>
public enum GapView
{
    Full,
    Protected,
}

/// <summary>A gap report request: two different dimensions and the filters on the needs counted.</summary>
public sealed record GapQuery(GapDimension Rows, GapDimension Columns, GapFilters Filters)
{
    public static GapQuery Default => new(GapDimension.Category, GapDimension.Market, GapFilters.None);
}

/// <summary>
/// Filters on the needs counted. Dates are on the day the need was logged (UTC, both ends included);
/// country, region, home incubator and sector are the company's. An empty status list means
/// <see cref="DefaultStatuses"/>: every status but withdrawn, since a withdrawn need is no longer demand.
/// </summary>
public sealed record GapFilters(
    DateOnly? From = null,
    DateOnly? To = null,
    string? CountryCode = null,
    int? RegionId = null,
    int? HomeIncubatorId = null,
    int? SectorId = null,
    IReadOnlyList<NeedStatus>? Statuses = null)
{
    public static readonly IReadOnlyList<NeedStatus> DefaultStatuses =
        [NeedStatus.Open, NeedStatus.InProgress, NeedStatus.Referred, NeedStatus.Met, NeedStatus.Unmet];

    public static GapFilters None => new();

    public IReadOnlyList<NeedStatus> EffectiveStatuses => Statuses is { Count: > 0 } given ? given : DefaultStatuses;
}

/// <summary>
/// What each <see cref="GapDimension"/> means. Every switch over dimensions names each one and throws on any other
/// value (<see cref="Unknown"/>), so an added dimension cannot silently count as another (issue 15 item 5).
/// </summary>
public static class GapDimensions
{
    public static readonly IReadOnlyList<GapDimension> All = Enum.GetValues<GapDimension>();

    public static TaxonomyKind TaxonomyKind(this GapDimension dimension) => dimension switch
    {
        GapDimension.Category => Domain.TaxonomyKind.SupportCategory,
        GapDimension.Market => Domain.TaxonomyKind.Market,
        GapDimension.Stage => Domain.TaxonomyKind.Stage,
        GapDimension.Sector => Domain.TaxonomyKind.Sector,
        GapDimension.Region => Domain.TaxonomyKind.Region,
        _ => throw GapDimensions.Unknown(dimension),
    };

    public static string Label(this GapDimension dimension) => dimension switch
    {
        GapDimension.Category => "Support category",
        GapDimension.Market => "Target market",
        GapDimension.Stage => "Development stage",
        GapDimension.Sector => "Sector",
        GapDimension.Region => "ÖKS region",
        _ => throw GapDimensions.Unknown(dimension),
    };

    /// <summary>The error of a switch that meets a dimension it has no case for: a programming error, never user input.</summary>
    public static ArgumentOutOfRangeException Unknown(GapDimension dimension) =>
        new(nameof(dimension), dimension, "A gap dimension without a case here; add it (docs/changing.md, \"Add a gap dimension\").");
}
