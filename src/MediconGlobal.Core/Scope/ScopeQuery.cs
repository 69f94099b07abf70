using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Privacy;
using MediconGlobal.Core.Reports.Gaps;
using MediconGlobal.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Scope;

/// <summary>
/// Loads the scope analysis. Whether a need is covered comes from the gap analysis' offer index, which is
/// built from the one matching rule, so the scope report and the gap report always agree. A need counts
/// under the type of the organisation that serves it (ADR 1740).
/// </summary>
public static class ScopeQuery
{
    /// <param name="protection">Given, the demand figures are published through it (exports); otherwise exact (the project managers' screen).</param>
    public static async Task<ScopeReport> LoadAsync(AppDbContext db, Viewer viewer, CatalogueCache? catalogue = null, SmallCellProtection? protection = null, CancellationToken cancellationToken = default)
    {
        var gaps = new GapAnalysis(db, catalogue);
        var rows = await gaps.Needs(GapFilters.None, viewer)
            .Select(n => new
            {
                Fact = new NeedFact(n.CompanyId, n.CategoryId, n.MarketId, n.Company!.StageId, n.Company.SectorId, n.Company.RegionId, n.Status, n.UnmetReason, n.LoggedAt),
                n.Status,
                ServingType = n.Referrals.AsQueryable().Where(Referral.Serves)
                    .OrderByDescending(r => r.AnsweredAt).ThenByDescending(r => r.Id)
                    .Select(r => (OrganisationType?)r.ReceivingOrganisation!.Type)
                    .FirstOrDefault()
                    ?? (n.Company.HomeIncubatorId == null ? (OrganisationType?)null : n.Company.HomeIncubator!.Type),
            })
            .ToListAsync(cancellationToken);
        var index = await gaps.OffersAsync(cancellationToken);
        var scratch = new ulong[Math.Max(1, index.MaxBlockWords)];
        var needs = rows.Select(r =>
        {
            var (_, words) = index.Match(r.Fact, scratch);
            var covered = scratch.AsSpan(0, words).ContainsAnyExcept(0UL);
            return new ScopeNeed(r.Fact.CompanyId, r.ServingType, r.Fact.RegionId, r.Status, covered);
        }).ToList();

        var offerRows = await db.Offers.AsNoTracking().Where(o => o.Status == OfferStatus.Published)
            .Select(o => new
            {
                o.Id,
                o.Provider!.Type,
                Regions = o.Terms.Where(t => t.Term!.Kind == TaxonomyKind.Region).Select(t => t.TermId).ToList(),
            })
            .ToListAsync(cancellationToken);
        var offers = offerRows.Select(o => new ScopeOffer(o.Id, o.Type, o.Regions.ToHashSet())).ToList();

        var organisations = await db.Organisations.AsNoTracking()
            .Select(o => new ScopeOrganisation(o.Type, o.RegionId, o.PartnershipStatus))
            .ToListAsync(cancellationToken);
        var regions = await db.TaxonomyTerms.AsNoTracking().Where(t => t.Kind == TaxonomyKind.Region)
            .OrderBy(t => t.SortOrder)
            .Select(t => new ScopeSegment(ScopeDimension.Region, t.Id, t.Name))
            .ToListAsync(cancellationToken);

        return ScopeCalculator.Compute(regions, needs, offers, organisations, protection);
    }
}
