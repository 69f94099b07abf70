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
    /// <param name="needFacts">
    /// Given with <paramref name="catalogue"/>, a viewer who counts every company gets the report computed from the
    /// kept needs, referrals and catalogue, kept itself per their counters (ADR 1205, ADR 1209).
    /// </param>
    /// <param name="age">Notes when kept models older than the data were served (ADR 1210).</param>
    public static async Task<ScopeReport> LoadAsync(AppDbContext db, Viewer viewer, CatalogueCache? catalogue = null, SmallCellProtection? protection = null, NeedFactsCache? needFacts = null, ReadModelAge? age = null, CancellationToken cancellationToken = default)
    {
        if (needFacts is not null && catalogue is not null && GapAnalysis.CountsEveryCompany(viewer))
        {
            var kept = await needFacts.GetAsync(db, age, cancellationToken);
            var index = await catalogue.GetAsync(db, age, cancellationToken);
            var referrals = await needFacts.ReferralsAsync(db, age, cancellationToken);
            // A report older than the kept models is computed again in the background (ADR 1211), with a context of its
            // own: the closure holds the kept models, never this request's context.
            return await needFacts.ScopeReports.GetAsync(
                db,
                new ReportVersions(kept.Version, index.Version, referrals.Version),
                protection is not null,
                (context, ct) => ComputeAsync(context, kept.Where(GapFilters.None), index.Coverage, referrals.ServingOrganisation, protection, ct),
                age,
                cancellationToken);
        }

        var gaps = new GapAnalysis(db, catalogue, needFacts: needFacts);
        var needs = await gaps.KeptNeedsAsync(GapFilters.None, viewer, cancellationToken);

        // The organisation serving a need: its latest accepted or completed referral's receiver (ADR 1740). One flat
        // query for the referrals instead of one subquery per need.
        var serving = await db.Referrals.AsNoTracking().Where(Referral.Serves)
            .Select(r => new { r.NeedId, r.Id, r.AnsweredAt, r.ReceivingOrganisationId })
            .ToListAsync(cancellationToken);
        var servedBy = serving.GroupBy(r => r.NeedId)
            .ToDictionary(g => g.Key, g => g.MaxBy(r => (r.AnsweredAt ?? DateTime.MinValue, r.Id))!.ReceivingOrganisationId);
        return await ComputeAsync(db, needs, await gaps.OffersAsync(cancellationToken), n => servedBy.TryGetValue(n, out var o) ? o : null, protection, cancellationToken);
    }

    /// <param name="servingOrganisation">The organisation serving a need (by need id), if any.</param>
    private static async Task<ScopeReport> ComputeAsync(AppDbContext db, IReadOnlyList<KeptNeed> kept, OfferCoverageIndex index, Func<int, int?> servingOrganisation, SmallCellProtection? protection, CancellationToken cancellationToken)
    {
        var organisationRows = await db.Organisations.AsNoTracking()
            .Select(o => new { o.Id, Organisation = new ScopeOrganisation(o.Type, o.RegionId, o.PartnershipStatus) })
            .ToListAsync(cancellationToken);
        var organisationTypes = organisationRows.ToDictionary(o => o.Id, o => o.Organisation.Type);

        // A need counts under the type of the organisation serving it, else of its company's home incubator.
        var scratch = new ulong[Math.Max(1, index.MaxBlockWords)];
        var needs = kept.Select(n =>
        {
            var (_, words) = index.Match(n.Fact, scratch);
            var covered = scratch.AsSpan(0, words).ContainsAnyExcept(0UL);
            var type = servingOrganisation(n.NeedId) is { } receiver && organisationTypes.TryGetValue(receiver, out var serving) ? serving
                : n.HomeIncubatorId is { } home && organisationTypes.TryGetValue(home, out var incubator) ? incubator
                : (OrganisationType?)null;
            return new ScopeNeed(n.Fact.CompanyId, type, n.Fact.RegionId, n.Status, covered);
        }).ToList();

        var offerRows = await db.Offers.AsNoTracking().Published().OpenOn(index.Day)
            .Select(o => new
            {
                o.Id,
                o.Provider!.Type,
                Regions = o.Terms.Where(t => t.Term!.Kind == TaxonomyKind.Region).Select(t => t.TermId).ToList(),
            })
            .ToListAsync(cancellationToken);
        var offers = offerRows.Select(o => new ScopeOffer(o.Id, o.Type, o.Regions.ToHashSet())).ToList();

        var organisations = organisationRows.Select(o => o.Organisation).ToList();
        var regions = await db.TaxonomyTerms.AsNoTracking().Where(t => t.Kind == TaxonomyKind.Region)
            .OrderBy(t => t.SortOrder)
            .Select(t => new ScopeSegment(ScopeDimension.Region, t.Id, t.Name))
            .ToListAsync(cancellationToken);

        return ScopeCalculator.Compute(regions, needs, offers, organisations, protection);
    }
}
