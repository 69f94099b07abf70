using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Landscape;

/// <summary>Which organisations the map counts: by type, by area of expertise (a support category) and by sector served.</summary>
public sealed record LandscapeFilter(OrganisationType? Type = null, int? ExpertiseId = null, int? SectorId = null);

public sealed record LandscapeOrganisation(
    int Id,
    string Name,
    OrganisationType Type,
    string CountryCode,
    int? RegionId,
    PartnershipStatus Status,
    int PublishedOffers,
    IReadOnlyList<string> Expertise);

public sealed record LandscapeRegion(int Id, string Code, string Name, string CountryCode, IReadOnlyList<LandscapeOrganisation> Organisations)
{
    public int OrganisationCount => Organisations.Count;

    public int OfferCount => Organisations.Sum(o => o.PublishedOffers);
}

/// <summary>The landscape: the 14 ÖKS regions with their organisations, and those not tied to one region.</summary>
public sealed record LandscapeView(IReadOnlyList<LandscapeRegion> Regions, IReadOnlyList<LandscapeOrganisation> WithoutRegion)
{
    public int OrganisationCount => Regions.Sum(r => r.OrganisationCount) + WithoutRegion.Count;
}

public static class LandscapeQuery
{
    public static async Task<LandscapeView> LoadAsync(AppDbContext db, LandscapeFilter filter, CancellationToken cancellationToken = default)
    {
        var regions = await db.TaxonomyTerms.AsNoTracking()
            .Where(t => t.Kind == TaxonomyKind.Region)
            .OrderBy(t => t.SortOrder)
            .Select(t => new { t.Id, t.Code, t.Name, t.CountryCode })
            .ToListAsync(cancellationToken);

        var organisations = db.Organisations.AsNoTracking();
        if (filter.Type is { } type)
        {
            organisations = organisations.Where(o => o.Type == type);
        }

        if (filter.ExpertiseId is { } expertise)
        {
            organisations = organisations.Where(o => o.Terms.Any(t => t.TermId == expertise));
        }

        if (filter.SectorId is { } sector)
        {
            organisations = organisations.Where(o => o.Terms.Any(t => t.TermId == sector));
        }

        var rows = await organisations
            .OrderByName(o => o.Name, db)
            .Select(o => new
            {
                o.Id,
                o.Name,
                o.Type,
                o.CountryCode,
                o.RegionId,
                o.PartnershipStatus,
                Offers = o.Offers.AsQueryable().Count(Offer.Published),
                Expertise = o.Terms.Where(t => t.Term!.Kind == TaxonomyKind.SupportCategory).OrderBy(t => t.Term!.SortOrder).Select(t => t.Term!.Name).ToList(),
            })
            .ToListAsync(cancellationToken);
        var list = rows.Select(o => new LandscapeOrganisation(o.Id, o.Name, o.Type, o.CountryCode, o.RegionId, o.PartnershipStatus, o.Offers, o.Expertise)).ToList();
        var byRegion = list.Where(o => o.RegionId is not null).ToLookup(o => o.RegionId!.Value);
        var known = regions.Select(r => r.Id).ToHashSet();
        return new LandscapeView(
            regions.Select(r => new LandscapeRegion(r.Id, r.Code, r.Name, r.CountryCode ?? "", byRegion[r.Id].ToList())).ToList(),
            list.Where(o => o.RegionId is not { } id || !known.Contains(id)).ToList());
    }
}
