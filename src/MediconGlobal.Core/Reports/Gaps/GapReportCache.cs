using System.Collections.Concurrent;
using System.Globalization;
using MediconGlobal.Core.Data;

namespace MediconGlobal.Core.Reports.Gaps;

/// <summary>
/// Full gap reports over every company, kept per query, per <see cref="DataVersions.Needs"/> and
/// <see cref="DataVersions.Catalogue"/> counter and per name-order language (the axes' order), so a repeated report
/// is a look-up (ADR 1208). Reports of older counters are dropped when one of newer counters is kept; at most
/// <see cref="Capacity"/> reports are kept. Thread-safe; one per process, held by <see cref="NeedFactsCache"/>.
/// </summary>
public sealed class GapReportCache
{
    /// <summary>How many reports are kept at most; beyond it the cache starts again empty.</summary>
    public const int Capacity = 64;

    private readonly ConcurrentDictionary<Key, GapReport> _reports = new();

    /// <summary>How many reports were computed rather than found (for tests and the benchmark).</summary>
    public int Computed => _computed;

    private int _computed;

    /// <summary>The kept report of <paramref name="query"/> at these counters, else the one <paramref name="compute"/> gives, kept.</summary>
    public async Task<GapReport> GetAsync(GapQuery query, long needsVersion, long catalogueVersion, bool keyed, Func<Task<GapReport>> compute)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(compute);
        var key = new Key(Describe(query), needsVersion, catalogueVersion, keyed, NameOrder.Language());
        if (_reports.TryGetValue(key, out var kept))
        {
            return kept;
        }

        var report = await compute();
        Interlocked.Increment(ref _computed);
        foreach (var old in _reports.Keys.Where(k => k.NeedsVersion < needsVersion || k.CatalogueVersion < catalogueVersion))
        {
            _reports.TryRemove(old, out _);
        }

        if (_reports.Count >= Capacity)
        {
            _reports.Clear();
        }

        _reports[key] = report;
        return report;
    }

    /// <summary>The query as a value: the dimensions and every filter, statuses in a fixed order.</summary>
    private static string Describe(GapQuery query)
    {
        var f = query.Filters;
        var statuses = string.Join(',', f.EffectiveStatuses.Distinct().Order());
        return string.Create(CultureInfo.InvariantCulture, $"{query.Rows}|{query.Columns}|{f.From:O}|{f.To:O}|{f.CountryCode}|{f.RegionId}|{f.HomeIncubatorId}|{f.SectorId}|{statuses}");
    }

    private sealed record Key(string Query, long NeedsVersion, long CatalogueVersion, bool Keyed, string Language);
}
