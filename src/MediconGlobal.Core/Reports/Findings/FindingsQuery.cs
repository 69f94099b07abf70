using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Landscape;
using MediconGlobal.Core.Privacy;
using MediconGlobal.Core.Programmes;
using MediconGlobal.Core.Reports.Gaps;
using MediconGlobal.Core.Scope;
using MediconGlobal.Core.Security;

namespace MediconGlobal.Core.Reports.Findings;

/// <summary>
/// Everything the pre-project findings report (issue 17 item 3, ADR 1742) shows, as the existing reports compute
/// it — nothing is counted a second way: (a) the gap report category × market and category × stage with the
/// given filters (supply by category, market and stage, the top unmet cells), published offers by provider type
/// from the scope report, and the programme comparison of every started programme; (b) the landscape's
/// organisations by type and region, the engagement pipeline and the collaboration network's brokers and
/// isolated organisations; (c) the scope report. <see cref="View"/> is the gap report's screen view for the
/// viewer: partner staff get the protected figures of the gap and scope reports (ADR 1801).
/// </summary>
public sealed record FindingsData(
    GapQuery Query,
    GapView View,
    GapReport CategoryByMarket,
    GapReport CategoryByStage,
    IReadOnlyList<ComparedProgramme> Programmes,
    LandscapeView Landscape,
    IReadOnlyList<PipelineEntry> Pipeline,
    NetworkGraph Network,
    ScopeReport Scope)
{
    /// <summary>How many unmet cells section (a) lists.</summary>
    public const int TopGapCount = 10;

    public IReadOnlyList<TopGap> TopGaps => CategoryByMarket.TopUnmet(TopGapCount);
}

public static class FindingsQuery
{
    /// <param name="filters">The gap report's filters; <see cref="GapFilters.To"/> is the report's date (needs logged up to then).</param>
    /// <param name="protection">The portal's small-cell protection: needed when the viewer gets the protected view.</param>
    public static async Task<FindingsData> LoadAsync(
        AppDbContext db, Viewer viewer, GapFilters filters, CatalogueCache catalogue, SmallCellProtection protection, NetworkCache network, NeedFactsCache needFacts, CancellationToken cancellationToken = default)
    {
        var view = GapAnalysis.ScreenView(viewer);
        var gaps = new GapAnalysis(db, catalogue, protection, needFacts);
        var byMarket = await gaps.ComputeAsync(new GapQuery(GapDimension.Category, GapDimension.Market, filters), viewer, view, cancellationToken);
        var byStage = await gaps.ComputeAsync(new GapQuery(GapDimension.Category, GapDimension.Stage, filters), viewer, view, cancellationToken);
        var started = (await ProgrammeComparison.ChoicesAsync(db, cancellationToken)).Where(c => c.Status != ProgrammeStatus.Planned).Select(c => c.Id).ToList();
        var programmes = await ProgrammeComparison.LoadAsync(db, started, cancellationToken);
        var landscape = await LandscapeQuery.LoadAsync(db, new LandscapeFilter(), cancellationToken);
        var pipeline = await PipelineQuery.LoadAsync(db, null, null, cancellationToken);
        var graph = await network.GetAsync(db, new NetworkFilter(), cancellationToken);
        var scope = await ScopeQuery.LoadAsync(db, viewer, catalogue, view == GapView.Protected ? protection : null, needFacts, cancellationToken: cancellationToken);
        return new FindingsData(byMarket.Query, view, byMarket, byStage, programmes, landscape, pipeline, graph, scope);
    }
}
