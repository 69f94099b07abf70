using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Reports.Gaps;
using MediconGlobal.Core.Security;
using MediconGlobal.Testing.Synthetic;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediconGlobal.Web.Tests.Privacy;

/// <summary>
/// The portal on SQLite with generated data full of small cells (500 companies, 2,000 needs over three years,
/// popular categories and markets much more common than rare ones), a partner staff member and a project
/// manager, and every filter the partner's report form offers.
/// </summary>
public sealed class AttackPortal : IAsyncLifetime
{
    public PortalFactory Portal { get; } = new();

    public ApplicationUser Partner { get; private set; } = null!;

    public ApplicationUser ProjectManager { get; private set; } = null!;

    public FilterLattice Filters { get; private set; } = null!;

    /// <summary>Every need with what the report's filters look at, to select thousands of filter combinations in memory.</summary>
    public IReadOnlyList<NeedRow> Needs { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await Portal.WithDbAsync(db => new SyntheticData(db, TimeProvider.System, seed: 18).GenerateAsync(SyntheticScale.Full.Times(0.01)));
        var organisation = await Portal.WithDbAsync(db => db.Organisations.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync());
        Partner = await Portal.CreateUserAsync("partner-attacker@example.test", Roles.PartnerStaff, organisationId: organisation);
        ProjectManager = await Portal.CreateUserAsync("pm-attack@example.test", Roles.ProjectManager, organisationId: organisation);
        Filters = await Portal.WithDbAsync(async db =>
        {
            var options = await GapFilterOptions.LoadAsync(db, PartnerViewer);
            var first = await db.Needs.MinAsync(n => n.LoggedAt);
            var last = await db.Needs.MaxAsync(n => n.LoggedAt);
            var quarters = new List<DateOnly>();
            for (var q = new DateOnly(first.Year, (((first.Month - 1) / 3) * 3) + 1, 1); q <= DateOnly.FromDateTime(last); q = q.AddMonths(3))
            {
                quarters.Add(q);
            }

            Needs = await db.Needs.AsNoTracking()
                .Select(n => new NeedRow(
                    new NeedFact(n.CompanyId, n.CategoryId, n.MarketId, n.Company!.StageId, n.Company.SectorId, n.Company.RegionId, n.Status, n.UnmetReason, n.LoggedAt),
                    n.Company.CountryCode, n.Company.HomeIncubatorId, n.Status, n.LoggedAt))
                .ToListAsync();
            return new FilterLattice(
                [.. GapFilterOptions.Countries.Select(c => c.Code)],
                [.. options.Regions.Select(r => r.Id)],
                [.. options.Incubators.Select(i => i.Id)],
                [.. options.Sectors.Select(s => s.Id)],
                quarters);
        });
    }

    /// <summary>
    /// The needs a report with these filters counts for the partner (every company), selected in memory with
    /// the rules of <see cref="GapAnalysis.Needs"/> and <see cref="GapAnalysis.Companies"/>; the attack test
    /// checks them against the database query for every single filter and a sample of pairs.
    /// </summary>
    public NeedFact[] Select(GapFilters filters)
    {
        var statuses = filters.EffectiveStatuses;
        var from = filters.From?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var before = filters.To?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return [.. Needs.Where(n => statuses.Contains(n.Status)
                && (filters.CountryCode is null || n.Country == filters.CountryCode)
                && (filters.RegionId is null || n.Fact.RegionId == filters.RegionId)
                && (filters.HomeIncubatorId is null || n.Incubator == filters.HomeIncubatorId)
                && (filters.SectorId is null || n.Fact.SectorId == filters.SectorId)
                && (from is null || n.LoggedAt >= from)
                && (before is null || n.LoggedAt < before))
            .Select(n => n.Fact)];
    }

    /// <summary>The partner as the portal's pages see them (the claims reduced to a <see cref="Viewer"/>).</summary>
    public Viewer PartnerViewer => new(Partner.Id, new HashSet<string> { Roles.PartnerStaff }, Partner.OrganisationId, null);

    public Viewer ProjectManagerViewer => new(ProjectManager.Id, new HashSet<string> { Roles.ProjectManager }, ProjectManager.OrganisationId, null);

    public async Task<T> WithAnalysisAsync<T>(Func<GapAnalysis, AppDbContext, Task<T>> work)
    {
        using var scope = Portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var analysis = new GapAnalysis(db, scope.ServiceProvider.GetRequiredService<CatalogueCache>(), scope.ServiceProvider.GetRequiredService<Core.Privacy.SmallCellProtection>());
        return await work(analysis, db);
    }

    public Task DisposeAsync() => Portal.DisposeAsync().AsTask();
}

/// <summary>A need as the gap report counts it, with the attributes its filters select by.</summary>
public sealed record NeedRow(NeedFact Fact, string Country, int? Incubator, NeedStatus Status, DateTime LoggedAt);
