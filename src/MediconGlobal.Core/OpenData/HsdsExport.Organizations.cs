using MediconGlobal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.OpenData;

public sealed partial class HsdsExport
{
    /// <summary>A page of organisations as <c>organization_list</c> items.</summary>
    public async Task<HsdsPage<HsdsOrganizationSummary>> OrganizationsAsync(HsdsQuery query, CancellationToken cancellationToken = default)
    {
        var organisations = await OrganisationsMatchingAsync(query, cancellationToken);
        var total = await organisations.CountAsync(cancellationToken);
        var page = await organisations.OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Skip((query.SafePage - 1) * query.SafePerPage).Take(query.SafePerPage)
            .Select(o => new { o.Id, o.Name, o.Description, o.Website })
            .ToListAsync(cancellationToken);
        return Page(query, total, page.Select(o => new HsdsOrganizationSummary(HsdsIds.Of(HsdsKind.Organization, o.Id), o.Name, o.Description ?? "", SafeUrl(o.Website))).ToList());
    }

    /// <summary>
    /// A page of fully nested organisations (the HSDS <c>full</c> parameter), each as <see cref="OrganizationAsync"/>
    /// gives it; with <paramref name="fullServices"/> their services are full services (<c>full_service</c>).
    /// </summary>
    public async Task<HsdsPage<HsdsOrganization>> FullOrganizationsAsync(HsdsQuery query, bool fullServices, CancellationToken cancellationToken = default)
    {
        var organisations = await OrganisationsMatchingAsync(query, cancellationToken);
        var total = await organisations.CountAsync(cancellationToken);
        var ids = await organisations.OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Skip((query.SafePage - 1) * query.SafePerPage).Take(query.SafePerPage)
            .Select(o => o.Id)
            .ToListAsync(cancellationToken);
        var page = new List<HsdsOrganization>(ids.Count);
        foreach (var id in ids)
        {
            if (await OrganizationAsync(HsdsIds.Of(HsdsKind.Organization, id), fullServices, cancellationToken) is { } organisation)
            {
                page.Add(organisation);
            }
        }

        return Page(query, total, page);
    }

    private async Task<IQueryable<Organisation>> OrganisationsMatchingAsync(HsdsQuery query, CancellationToken cancellationToken)
    {
        var terms = await TermsAsync(cancellationToken);
        var organisations = db.Organisations.AsNoTracking();
        foreach (var word in Catalogue.OfferTextSearch.Words(query.Search))
        {
            organisations = organisations.Where(o => o.SearchText.Contains(word));
        }

        if (query.ModifiedAfter is { } after)
        {
            organisations = organisations.Where(o => o.UpdatedAt >= after);
        }

        if (query.TaxonomyTermId is not null)
        {
            organisations = terms.Resolve(query.TaxonomyTermId) switch
            {
                HsdsTermRef.Stored s => organisations.Where(o => o.RegionId == s.TermId || o.Terms.Any(t => t.TermId == s.TermId)),
                HsdsTermRef.ProviderType p => organisations.Where(o => o.Type == p.Value),
                _ => organisations.Where(_ => false),
            };
        }

        return organisations;
    }

    /// <summary>
    /// One fully nested organisation, or null for an id that is not an organisation's. Its services are
    /// <c>service_list</c> items, or full services when <paramref name="fullServices"/> (the HSDS <c>full_service</c> parameter).
    /// </summary>
    public async Task<HsdsOrganization?> OrganizationAsync(string id, bool fullServices = false, CancellationToken cancellationToken = default)
    {
        if (HsdsIds.Read(id, HsdsKind.Organization) is not { } organisationId)
        {
            return null;
        }

        var terms = await TermsAsync(cancellationToken);
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId)
            .Select(o => new
            {
                o.Id,
                o.Name,
                o.Description,
                o.Website,
                o.Type,
                o.RegionId,
                Terms = o.Terms.Select(t => t.TermId).ToList(),
                Contacts = o.Contacts.OrderBy(c => c.Id).Select(c => new { c.Id, c.Name, c.Role, c.Email }).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (organisation is null)
        {
            return null;
        }

        var hsdsId = HsdsIds.Of(HsdsKind.Organization, organisation.Id);
        var programmes = await db.Programmes.AsNoTracking()
            .Where(p => p.LeadOrganisationId == organisationId || p.Partners.Any(x => x.OrganisationId == organisationId))
            .OrderBy(p => p.Name).Select(p => new { p.Id, p.Name, p.Description, p.LeadOrganisationId }).ToListAsync(cancellationToken);
        var serviceIds = await db.Offers.AsNoTracking().Published().Where(o => o.ProviderId == organisationId)
            .OrderBy(o => o.Name).Select(o => o.Id).ToListAsync(cancellationToken);

        var attributes = OrganisationAttributes(terms, organisation.Id, organisation.Type, organisation.RegionId, organisation.Terms);

        return new HsdsOrganization(
            hsdsId, organisation.Name, organisation.Description ?? "", SafeUrl(organisation.Website),
            organisation.Contacts.Select(c => new HsdsContact(HsdsIds.Of(HsdsKind.OrganizationContact, c.Id), hsdsId, null, c.Name, c.Role, c.Email)).ToList(),
            programmes.Select(p => new HsdsProgram(HsdsIds.Of(HsdsKind.Program, p.Id), HsdsIds.Of(HsdsKind.Organization, p.LeadOrganisationId), p.Name, p.Description ?? "")).ToList(),
            attributes,
            await LoadServicesAsync(serviceIds, fullServices, cancellationToken));
    }

    /// <summary>An organisation's type, region, expertise, sectors served and languages as HSDS attributes.</summary>
    internal static List<HsdsAttribute> OrganisationAttributes(HsdsTerms terms, int organisationId, OrganisationType type, int? regionId, IEnumerable<int> termIds)
    {
        var attributes = new List<HsdsAttribute> { terms.Attribute(HsdsKind.Organization, organisationId, new HsdsTermRef.ProviderType(type), "organization_type") };
        if (regionId is { } region)
        {
            attributes.Add(terms.Attribute(HsdsKind.Organization, organisationId, new HsdsTermRef.Stored(region), "region"));
        }

        attributes.AddRange(termIds.Where(t => terms.KindOf(t) is not null).Select(t => terms.Attribute(HsdsKind.Organization, organisationId, new HsdsTermRef.Stored(t), terms.KindOf(t) switch
        {
            TaxonomyKind.SupportCategory => "expertise",
            TaxonomyKind.Sector => "sector_served",
            _ => "language",
        })));
        return attributes;
    }

    public async Task<HsdsPage<HsdsProgram>> ProgramsAsync(HsdsQuery query, CancellationToken cancellationToken = default)
    {
        var programmes = db.Programmes.AsNoTracking();
        foreach (var word in Catalogue.OfferTextSearch.Words(query.Search))
        {
            programmes = programmes.Where(p => p.SearchText.Contains(word));
        }

        if (query.ModifiedAfter is { } after)
        {
            programmes = programmes.Where(p => p.UpdatedAt >= after);
        }

        if (query.OrganizationId is not null)
        {
            var organisationId = HsdsIds.Read(query.OrganizationId, HsdsKind.Organization) ?? -1;
            programmes = programmes.Where(p => p.LeadOrganisationId == organisationId);
        }

        var total = await programmes.CountAsync(cancellationToken);
        var page = await programmes.OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Skip((query.SafePage - 1) * query.SafePerPage).Take(query.SafePerPage)
            .Select(p => new { p.Id, p.Name, p.Description, p.LeadOrganisationId })
            .ToListAsync(cancellationToken);
        return Page(query, total, page.Select(p => new HsdsProgram(HsdsIds.Of(HsdsKind.Program, p.Id), HsdsIds.Of(HsdsKind.Organization, p.LeadOrganisationId), p.Name, p.Description ?? "")).ToList());
    }
}
