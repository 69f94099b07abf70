using System.Globalization;
using MediconGlobal.Core.Data;

namespace MediconGlobal.Core.Reports.Gaps;

/// <summary>
/// Full gap reports over every company, kept per query, per name-order language (the axes' order) and per whether
/// their counts are keyed for protection, each at the <see cref="ReportVersions"/> of the kept needs and catalogue it
/// was computed from, so a repeated report is a look-up (ADR 1208). A report asked for at newer versions is computed
/// again in the background when the portal gives <see cref="ReadModelRebuilds"/> (ADR 1211): the request waits for it
/// only what is left of its rebuild wait and is otherwise served the previous report of the same query, noted in its
/// <see cref="ReadModelAge"/>. A query asked for the first time is computed in its request. At most
/// <see cref="Capacity"/> queries are kept. Thread-safe; one per process, held by <see cref="NeedFactsCache"/>.
/// </summary>
/// <param name="rebuilds">Given, reports older than their inputs are computed again in the background (ADR 1211).</param>
public sealed class GapReportCache(ReadModelRebuilds? rebuilds = null)
{
    /// <summary>How many queries are kept at most; beyond it the cache starts again empty.</summary>
    public const int Capacity = 64;

    private readonly KeptReports<Key, GapReport> _reports = new(rebuilds, Capacity);

    /// <summary>How many reports were computed rather than found (for tests and the benchmark).</summary>
    public int Computed => _reports.Computed;

    /// <summary>
    /// The kept report of <paramref name="query"/> when it covers <paramref name="versions"/>; else the one
    /// <paramref name="compute"/> gives (with the request's <paramref name="db"/> or, in the background, a context of
    /// its own), or the previous one of the same query while that is being computed (ADR 1211).
    /// </summary>
    public Task<GapReport> GetAsync(AppDbContext db, GapQuery query, ReportVersions versions, bool keyed, Func<AppDbContext, CancellationToken, Task<GapReport>> compute, ReadModelAge? age, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _reports.GetAsync(new Key(Describe(query), keyed, NameOrder.Language()), db, versions, compute, age, cancellationToken: cancellationToken);
    }

    /// <summary>The query as a value: the dimensions and every filter, statuses in a fixed order.</summary>
    private static string Describe(GapQuery query)
    {
        var f = query.Filters;
        var statuses = string.Join(',', f.EffectiveStatuses.Distinct().Order());
        return string.Create(CultureInfo.InvariantCulture, $"{query.Rows}|{query.Columns}|{f.From:O}|{f.To:O}|{f.CountryCode}|{f.RegionId}|{f.HomeIncubatorId}|{f.SectorId}|{statuses}");
    }

    private sealed record Key(string Query, bool Keyed, string Language);
}
