using MediconGlobal.Core.Data;

namespace MediconGlobal.Core.Reports.Dashboard;

/// <summary>
/// The dashboards of the current minute, one per name-order language, each kept at the <see cref="ReportVersions"/>
/// of the kept needs and referrals and the catalogue counter it was computed from (ADR 1209). Its time-based figures
/// (stale offers, the twelve months, overdue referrals) are those of the minute, and the previous minute's are dropped
/// when a new minute's are asked for. Figures older than their inputs, and a new minute's first figures, are computed
/// in the background when the portal gives <see cref="ReadModelRebuilds"/> (ADR 1211, ADR 1212): the request waits for
/// them only what is left of its rebuild wait and is otherwise served the previous figures (of the minute before, for
/// a new minute), noted in its <see cref="ReadModelAge"/>; without rebuilds, a new minute's are computed in its request. Thread-safe; one per process, held by <see cref="Gaps.NeedFactsCache"/>.
/// </summary>
/// <param name="rebuilds">Given, figures older than their inputs are computed again in the background (ADR 1211).</param>
public sealed class DashboardCache(ReadModelRebuilds? rebuilds = null)
{
    private readonly KeptReports<(string Language, DateTime Minute), DashboardFigures> _dashboards = new(rebuilds);

    /// <summary>How many dashboards were computed rather than found (for tests).</summary>
    public int Computed => _dashboards.Computed;

    /// <summary>
    /// The kept figures of <paramref name="minute"/> (UTC, whole minutes) in the reader's language when they cover
    /// <paramref name="versions"/>; else the ones <paramref name="compute"/> gives (with the request's
    /// <paramref name="db"/> or, in the background, a context of its own), or the previous ones of the minute while
    /// those are being computed (ADR 1211).
    /// </summary>
    public Task<DashboardFigures> GetAsync(AppDbContext db, DateTime minute, ReportVersions versions, Func<AppDbContext, CancellationToken, Task<DashboardFigures>> compute, ReadModelAge? age, CancellationToken cancellationToken = default) =>
        GetAsync(NameOrder.Language(), minute, db, versions, compute, age, cancellationToken);

    private Task<DashboardFigures> GetAsync(string language, DateTime minute, AppDbContext db, ReportVersions versions, Func<AppDbContext, CancellationToken, Task<DashboardFigures>> compute, ReadModelAge? age, CancellationToken cancellationToken) =>
        _dashboards.GetAsync((language, minute), db, versions, compute, age, outdated: kept => kept.Minute < minute, standsIn: kept => kept.Language == language && kept.Minute < minute, cancellationToken);
}
