using System.Collections.Concurrent;

namespace MediconGlobal.Core.Data;

/// <summary>
/// Reports kept per key (a query, a view, a language and minute), each a <see cref="KeptReadModel{TVersion, T}"/> at
/// the <see cref="ReportVersions"/> of the kept models it was computed from (ADR 1208, ADR 1209). A report asked for at
/// versions it does not cover is computed again in the background when <see cref="ReadModelRebuilds"/> are given
/// (ADR 1211), the previous report of the same key served meanwhile; a key asked for the first time is computed in its
/// request, unless an outdated key's report may stand in for it (a new minute's dashboard, ADR 1212): then the new
/// key's first report is computed in the background the same way, the outdated one served meanwhile. Thread-safe; the
/// report caches (gap, scope, dashboard) each hold one.
/// </summary>
/// <param name="rebuilds">Given, reports older than their inputs are computed again in the background (ADR 1211).</param>
/// <param name="capacity">How many keys are kept at most; adding one beyond it starts again empty.</param>
public sealed class KeptReports<TKey, T>(ReadModelRebuilds? rebuilds, int capacity = int.MaxValue)
    where TKey : notnull
    where T : class
{
    private readonly ConcurrentDictionary<TKey, KeptReadModel<ReportVersions, T>> _reports = new();
    private int _computed;

    /// <summary>How many reports were computed rather than found, over every key (for tests and the benchmark).</summary>
    public int Computed => _computed;

    /// <summary>
    /// The kept report of <paramref name="key"/> when it covers <paramref name="versions"/>; else the one
    /// <paramref name="compute"/> gives (with the request's <paramref name="db"/> or, in the background, a context of
    /// its own), or the previous one of the key while that is being computed, noted in <paramref name="age"/>.
    /// </summary>
    /// <param name="outdated">Keys to drop when <paramref name="key"/> is kept for the first time (an earlier minute's).</param>
    /// <param name="standsIn">
    /// Which of the outdated keys' reports may be served, as the previous report, while <paramref name="key"/>'s first
    /// is computed in the background (the same language's earlier minute, ADR 1212); without it, or without rebuilds,
    /// a key's first report is computed in its request.
    /// </param>
    public Task<T> GetAsync(TKey key, AppDbContext db, ReportVersions versions, Func<AppDbContext, CancellationToken, Task<T>> compute, ReadModelAge? age, Func<TKey, bool>? outdated = null, Func<TKey, bool>? standsIn = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(compute);
        if (!_reports.TryGetValue(key, out var kept))
        {
            if (_reports.Count >= capacity)
            {
                _reports.Clear();
            }

            // The newest report among the outdated keys that may stand in, taken before they are dropped.
            var standIn = _reports.Where(r => standsIn is not null && standsIn(r.Key)).Select(r => r.Value.Latest).Where(l => l is not null).MaxBy(l => l!.Value.BuiltAt);
            foreach (var old in outdated is null ? [] : _reports.Keys.Where(outdated))
            {
                _reports.TryRemove(old, out _);
            }

            kept = _reports.GetOrAdd(key, _ =>
            {
                var model = new KeptReadModel<ReportVersions, T>(static (built, wanted) => built.Covers(wanted), rebuilds);
                if (standIn is { } previous)
                {
                    model.StandIn(previous.Model, previous.BuiltAt);
                }

                return model;
            });
        }

        return kept.GetAsync(db, versions, async (context, _, ct) =>
        {
            var report = await compute(context, ct);
            Interlocked.Increment(ref _computed);
            return report;
        }, age, cancellationToken);
    }
}
