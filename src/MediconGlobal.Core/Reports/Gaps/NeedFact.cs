using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Matching;

namespace MediconGlobal.Core.Reports.Gaps;

/// <summary>What a gap report counts of a need's status: open in some way, met, or unmet for one of the two reasons.</summary>
public enum NeedOutcome
{
    Open,
    Met,
    UnmetNotAvailable,
    UnmetNotEligible,
}

/// <summary>
/// A need reduced to what the gap analysis counts: one row of the projection it loads. The status is reduced
/// to its <see cref="NeedOutcome"/> (by the database) and the day it was logged to its calendar
/// <see cref="Month"/> (year × 12 + month − 1), so a fact is eight small numbers.
/// </summary>
public readonly record struct NeedFact(
    int CompanyId,
    int CategoryId,
    int? MarketId,
    int? StageId,
    int? SectorId,
    int? RegionId,
    NeedOutcome Outcome,
    int Month)
{
    public NeedFact(int companyId, int categoryId, int? marketId, int? stageId, int? sectorId, int? regionId, NeedStatus status, UnmetReason? unmetReason, DateTime loggedAt)
        : this(companyId, categoryId, marketId, stageId, sectorId, regionId, OutcomeOf(status, unmetReason), MonthOf(loggedAt.Year, loggedAt.Month))
    {
    }

    /// <summary>A fact from a need's <see cref="Need.ProfileOf"/> (the matching dimensions) and its status.</summary>
    public NeedFact(int companyId, NeedProfile profile, NeedStatus status, UnmetReason? unmetReason, DateTime loggedAt)
        : this(companyId, profile.CategoryId, profile.MarketId, profile.StageId, profile.SectorId, profile.RegionId, status, unmetReason, loggedAt)
    {
    }

    public static int MonthOf(int year, int month) => (year * 12) + month - 1;

    public static DateOnly StartOf(int month) => new(month / 12, (month % 12) + 1, 1);

    public static NeedOutcome OutcomeOf(NeedStatus status, UnmetReason? reason) => status switch
    {
        NeedStatus.Met => NeedOutcome.Met,
        NeedStatus.Unmet when reason == UnmetReason.NotEligible => NeedOutcome.UnmetNotEligible,
        NeedStatus.Unmet => NeedOutcome.UnmetNotAvailable,
        _ => NeedOutcome.Open,
    };

    public int? ValueOf(GapDimension dimension) => dimension switch
    {
        GapDimension.Category => CategoryId,
        GapDimension.Market => MarketId,
        GapDimension.Stage => StageId,
        GapDimension.Sector => SectorId,
        GapDimension.Region => RegionId,
        _ => throw GapDimensions.Unknown(dimension),
    };
}
