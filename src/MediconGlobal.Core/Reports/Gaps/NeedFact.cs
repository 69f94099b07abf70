using MediconGlobal.Core.Domain;

namespace MediconGlobal.Core.Reports.Gaps;

/// <summary>A need reduced to what the gap analysis counts: one row of the single projection it loads.</summary>
public readonly record struct NeedFact(
    int CompanyId,
    int CategoryId,
    int? MarketId,
    int? StageId,
    int? SectorId,
    int? RegionId,
    NeedStatus Status,
    UnmetReason? UnmetReason,
    DateTime LoggedAt)
{
    public int? ValueOf(GapDimension dimension) => dimension switch
    {
        GapDimension.Category => CategoryId,
        GapDimension.Market => MarketId,
        GapDimension.Stage => StageId,
        GapDimension.Sector => SectorId,
        _ => RegionId,
    };
}
