namespace MediconGlobal.Core.Scope;

/// <summary>
/// The counters a scope report over every company was computed at (ADR 1209): those of the kept needs
/// (<see cref="Data.DataVersions.Needs"/>), the catalogue (<see cref="Data.DataVersions.Catalogue"/>, which
/// organisations raise too) and the kept referrals (<see cref="Data.DataVersions.Casework"/>), and whether its demand
/// figures are published through the portal's protection.
/// </summary>
public readonly record struct ScopeReportKey(long NeedsVersion, long CatalogueVersion, long ReferralsVersion, bool Protected);

/// <summary>
/// Scope reports over every company, the exact one and the protected one, each kept at the counters it was computed
/// at (ADR 1209), so a repeated report is a look-up; a report of other counters replaces it. The report counts every
/// company and names no one, so it is the same for everyone who counts every company. Thread-safe; one per process,
/// held by <see cref="Reports.Gaps.NeedFactsCache"/>.
/// </summary>
public sealed class ScopeReportCache
{
    private readonly Lock _gate = new();
    private readonly Dictionary<bool, (ScopeReportKey Key, ScopeReport Report)> _reports = [];
    private int _computed;

    /// <summary>How many reports were computed rather than found (for tests and the benchmark).</summary>
    public int Computed => _computed;

    /// <summary>The kept report of <paramref name="key"/>, else the one <paramref name="compute"/> gives, kept.</summary>
    public async Task<ScopeReport> GetAsync(ScopeReportKey key, Func<Task<ScopeReport>> compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        lock (_gate)
        {
            if (_reports.TryGetValue(key.Protected, out var kept) && kept.Key == key)
            {
                return kept.Report;
            }
        }

        var report = await compute();
        Interlocked.Increment(ref _computed);
        lock (_gate)
        {
            // Counters only grow: keep the report of the newer counters when two requests computed at once.
            if (!_reports.TryGetValue(key.Protected, out var other) || IsNewer(key, other.Key))
            {
                _reports[key.Protected] = (key, report);
            }
        }

        return report;
    }

    private static bool IsNewer(ScopeReportKey key, ScopeReportKey than) =>
        key.NeedsVersion >= than.NeedsVersion && key.CatalogueVersion >= than.CatalogueVersion && key.ReferralsVersion >= than.ReferralsVersion;
}
