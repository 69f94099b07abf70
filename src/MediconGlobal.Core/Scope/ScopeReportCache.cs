using MediconGlobal.Core.Data;

namespace MediconGlobal.Core.Scope;

/// <summary>
/// Scope reports over every company, the exact one and the protected one, each kept at the
/// <see cref="ReportVersions"/> of the kept needs, catalogue and referrals it was computed from (ADR 1209), so a
/// repeated report is a look-up. The report counts every company and names no one, so it is the same for everyone who
/// counts every company. A report asked for at newer versions is computed again in the background when the portal
/// gives <see cref="ReadModelRebuilds"/> (ADR 1211): the request waits for it only what is left of its rebuild wait and
/// is otherwise served the previous report, noted in its <see cref="ReadModelAge"/>. Thread-safe; one per process,
/// held by <see cref="Reports.Gaps.NeedFactsCache"/>.
/// </summary>
/// <param name="rebuilds">Given, reports older than their inputs are computed again in the background (ADR 1211).</param>
public sealed class ScopeReportCache(ReadModelRebuilds? rebuilds = null)
{
    private readonly KeptReports<bool, ScopeReport> _reports = new(rebuilds);

    /// <summary>How many reports were computed rather than found (for tests and the benchmark).</summary>
    public int Computed => _reports.Computed;

    /// <summary>
    /// The kept report (exact, or published through protection when <paramref name="isProtected"/>) when it covers
    /// <paramref name="versions"/>; else the one <paramref name="compute"/> gives (with the request's
    /// <paramref name="db"/> or, in the background, a context of its own), or the previous one while that is being
    /// computed (ADR 1211).
    /// </summary>
    public Task<ScopeReport> GetAsync(AppDbContext db, ReportVersions versions, bool isProtected, Func<AppDbContext, CancellationToken, Task<ScopeReport>> compute, ReadModelAge? age, CancellationToken cancellationToken = default) =>
        _reports.GetAsync(isProtected, db, versions, compute, age, cancellationToken: cancellationToken);
}
