using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Scope;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Reports.Gaps;

/// <summary>A need as <see cref="NeedFacts"/> keeps it: its fact and what the report filters ask of it and its company.</summary>
public readonly record struct KeptNeed(int NeedId, NeedFact Fact, NeedStatus Status, DateTime LoggedAt, string? CountryCode, int? HomeIncubatorId);

/// <summary>
/// Every need of the database reduced to what the gap report, the scope report and the dashboard count (about
/// 70 bytes a need: 14 MB for the 200,000 needs of full scale), loaded with two queries (companies, needs) and
/// joined in memory, as of one <see cref="DataVersions.Needs"/> counter. Filtering in memory gives the rows the
/// database would: <see cref="Filter"/> states <see cref="GapAnalysis.Needs"/> and <see cref="GapAnalysis.Companies"/>
/// for a viewer who counts every company (<c>NeedFactsTests</c> compares them on both databases).
/// </summary>
public sealed class NeedFacts
{
    private NeedFacts(long version, KeptNeed[] needs) => (Version, Needs) = (version, needs);

    /// <summary>The <see cref="DataVersions.Needs"/> counter read before the needs were loaded.</summary>
    public long Version { get; }

    /// <summary>Every need, withdrawn ones included, in no particular order.</summary>
    public IReadOnlyList<KeptNeed> Needs { get; }

    /// <summary>Loads every need; <paramref name="version"/> is the counter the caller read first.</summary>
    public static async Task<NeedFacts> LoadAsync(AppDbContext db, long version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var companies = await db.Companies.AsNoTracking()
            .Select(c => new { c.Id, c.StageId, c.SectorId, c.RegionId, c.CountryCode, c.HomeIncubatorId })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var needs = new List<KeptNeed>(companies.Count * 4);
        var rows = db.Needs.AsNoTracking()
            .Select(n => new { n.Id, n.CompanyId, n.CategoryId, n.MarketId, n.Status, n.UnmetReason, n.LoggedAt })
            .AsAsyncEnumerable();
        await foreach (var need in rows.WithCancellation(cancellationToken))
        {
            // A company added between the two queries is left out with its needs: the facts are one moment's.
            if (companies.TryGetValue(need.CompanyId, out var company))
            {
                var fact = new NeedFact(need.CompanyId, need.CategoryId, need.MarketId, company.StageId, company.SectorId, company.RegionId, need.Status, need.UnmetReason, need.LoggedAt);
                needs.Add(new KeptNeed(need.Id, fact, need.Status, need.LoggedAt, company.CountryCode, company.HomeIncubatorId));
            }
        }

        return new NeedFacts(version, [.. needs]);
    }

    /// <summary>The facts of the needs that pass <paramref name="filters"/> (statuses, dates, the company's country, region, incubator and sector).</summary>
    public NeedFact[] Filter(GapFilters filters) => [.. Where(filters).Select(n => n.Fact)];

    /// <summary>The needs that pass <paramref name="filters"/>, as <see cref="GapAnalysis.Needs"/> and <see cref="GapAnalysis.Companies"/> state them.</summary>
    public List<KeptNeed> Where(GapFilters filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var statuses = filters.EffectiveStatuses.ToHashSet();
        var start = filters.From?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = filters.To?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var country = filters.CountryCode is { Length: > 0 } code ? code : null;
        var needs = new List<KeptNeed>(Needs.Count);
        foreach (var need in Needs)
        {
            if (statuses.Contains(need.Status)
                && (start is null || need.LoggedAt >= start)
                && (end is null || need.LoggedAt < end)
                && (country is null || string.Equals(need.CountryCode, country, StringComparison.Ordinal))
                && (filters.RegionId is null || need.Fact.RegionId == filters.RegionId)
                && (filters.HomeIncubatorId is null || need.HomeIncubatorId == filters.HomeIncubatorId)
                && (filters.SectorId is null || need.Fact.SectorId == filters.SectorId))
            {
                needs.Add(need);
            }
        }

        return needs;
    }
}

/// <summary>
/// Keeps <see cref="NeedFacts"/> between requests (one per process, registered as a singleton) per
/// <see cref="DataVersions.Needs"/>, which the database's triggers raise with every change of needs and companies
/// from any instance of the portal, so the next request after a change, on any instance, counts the changed needs
/// (ADR 1201, ADR 1205).
/// </summary>
/// <param name="rebuilds">Given, needs and referrals older than their counters are loaded again in the background (ADR 1210).</param>
public sealed class NeedFactsCache(ReadModelRebuilds? rebuilds = null)
{
    private readonly KeptReadModel<NeedFacts> _facts = new(rebuilds);
    private readonly KeptReadModel<ReferralFacts> _referrals = new(rebuilds);

    /// <summary>Full reports computed from the kept needs, per query and counters, computed again in the background (ADR 1208, ADR 1211).</summary>
    public GapReportCache Reports { get; } = new(rebuilds);

    /// <summary>Scope reports over every company computed from the kept needs and referrals, per counters, computed again in the background (ADR 1209, ADR 1211).</summary>
    public ScopeReportCache ScopeReports { get; } = new(rebuilds);

    /// <summary>The dashboards of the current minute computed from the kept needs and referrals, per language and counters, computed again in the background (ADR 1209, ADR 1211).</summary>
    public Dashboard.DashboardCache Dashboards { get; } = new(rebuilds);

    /// <summary>How many times the referrals were loaded (for tests and the benchmark).</summary>
    public int ReferralBuilds => _referrals.Builds;

    /// <summary>How many times the needs were loaded (for tests and the benchmark).</summary>
    public int Builds => _facts.Builds;

    public Task<NeedFacts> GetAsync(AppDbContext db, CancellationToken cancellationToken = default) => GetAsync(db, null, cancellationToken);

    /// <summary>The kept needs, the previous ones while newer ones are being loaded (noted in <paramref name="age"/>, ADR 1210).</summary>
    public async Task<NeedFacts> GetAsync(AppDbContext db, ReadModelAge? age, CancellationToken cancellationToken = default)
    {
        var version = (await DataVersions.ReadAsync(db, cancellationToken)).Needs;
        return await _facts.GetAsync(db, version, NeedFacts.LoadAsync, age, cancellationToken);
    }

    /// <summary>The kept referrals, loaded again when <see cref="DataVersions.Casework"/> moved (ADR 1209).</summary>
    public async Task<ReferralFacts> ReferralsAsync(AppDbContext db, ReadModelAge? age = null, CancellationToken cancellationToken = default)
    {
        var version = (await DataVersions.ReadAsync(db, cancellationToken)).Casework;
        return await _referrals.GetAsync(db, version, ReferralFacts.LoadAsync, age, cancellationToken);
    }
}
