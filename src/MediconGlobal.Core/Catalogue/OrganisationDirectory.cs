using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Catalogue;

/// <summary>Directory filters; codes are taxonomy codes, as in the catalogue's query string.</summary>
public sealed record OrganisationFilter(string? Text, OrganisationType? Type, string? Country, string? Region, string? Expertise, string? Sector);

public sealed record OrganisationCard(int Id, string Name, OrganisationType Type, string CountryCode, string? Region, string? Summary, IReadOnlyList<string> Expertise, int PublishedOffers, bool IsFictional);

public sealed record ContactInfo(string Name, string? Role, string? Email, string? Phone);

/// <summary>
/// A programme an organisation takes part in: <paramref name="Part"/> is the English label of how ("Lead", "Partner",
/// "Funder"; a key the page translates), <paramref name="Role"/> a partner's role as the programme records it (data,
/// in the language it was written in; null when none).
/// </summary>
public sealed record ProgrammeLink(int Id, string Name, string Part, string? Role, ProgrammeStatus Status);

public sealed record OrganisationProfile(
    int Id,
    string Name,
    OrganisationType Type,
    string CountryCode,
    string? Region,
    string? Website,
    string? Description,
    bool IsFictional,
    IReadOnlyList<string> Expertise,
    IReadOnlyList<string> Sectors,
    IReadOnlyList<string> Languages,
    IReadOnlyList<ContactInfo> Contacts,
    IReadOnlyList<OfferCard> Offers,
    IReadOnlyList<ProgrammeLink> Programmes);

public static class OrganisationDirectory
{
    public static async Task<IReadOnlyList<OrganisationCard>> SearchAsync(AppDbContext db, OrganisationFilter filter, CancellationToken cancellationToken = default)
    {
        var terms = await TermCatalog.LoadAsync(db, cancellationToken);
        var organisations = db.Organisations.AsNoTracking();
        foreach (var word in OfferTextSearch.Words(filter.Text))
        {
            organisations = organisations.Where(o => o.SearchText.Contains(word));
        }

        if (filter.Type is { } type)
        {
            organisations = organisations.Where(o => o.Type == type);
        }

        if (!string.IsNullOrWhiteSpace(filter.Country))
        {
            var country = filter.Country.Trim().ToUpperInvariant();
            organisations = organisations.Where(o => o.CountryCode == country);
        }

        if (terms.Find(TaxonomyKind.Region, filter.Region) is { } region)
        {
            organisations = organisations.Where(o => o.RegionId == region.Id);
        }

        foreach (var term in new[] { terms.Find(TaxonomyKind.SupportCategory, filter.Expertise), terms.Find(TaxonomyKind.Sector, filter.Sector) }.OfType<TermInfo>())
        {
            organisations = organisations.Where(o => o.Terms.Any(t => t.TermId == term.Id));
        }

        var rows = await organisations
            .Select(o => new
            {
                o.Id,
                o.Name,
                o.Type,
                o.CountryCode,
                Region = o.Region != null ? o.Region.Name : null,
                o.Description,
                o.IsFictional,
                Terms = o.Terms.Select(t => t.TermId).ToList(),
                Offers = o.Offers.AsQueryable().Count(Offer.Published),
            })
            .ToListAsync(cancellationToken);
        return rows
            .OrderBy(r => r.Name, NameOrder.Comparer())
            .Select(r => new OrganisationCard(r.Id, r.Name, r.Type, r.CountryCode, r.Region, Summarise(r.Description),
                terms.NamesOf(r.Terms.Where(t => terms.Find(t)?.Kind == TaxonomyKind.SupportCategory)), r.Offers, r.IsFictional))
            .ToList();
    }

    /// <summary>The country codes in use, for the directory's country filter.</summary>
    public static async Task<IReadOnlyList<string>> CountriesAsync(AppDbContext db, CancellationToken cancellationToken = default) =>
        (await db.Organisations.AsNoTracking().Select(o => o.CountryCode).Distinct().ToListAsync(cancellationToken)).Order().ToList();

    public static async Task<OrganisationProfile?> LoadAsync(AppDbContext db, int id, DateTime now, CatalogueCache? catalogue = null, CancellationToken cancellationToken = default)
    {
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == id)
            .Select(o => new
            {
                o.Id,
                o.Name,
                o.Type,
                o.CountryCode,
                Region = o.Region != null ? o.Region.Name : null,
                o.Website,
                o.Description,
                o.IsFictional,
                Terms = o.Terms.Select(t => t.TermId).ToList(),
                Contacts = o.Contacts.OrderBy(c => c.Id).Select(c => new ContactInfo(c.Name, c.Role, c.Email, c.Phone)).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (organisation is null)
        {
            return null;
        }

        var terms = await TermCatalog.LoadAsync(db, cancellationToken);
        IReadOnlyList<string> Of(TaxonomyKind kind) => terms.NamesOf(organisation.Terms.Where(t => terms.Find(t)?.Kind == kind));
        var offerIds = await db.Offers.AsNoTracking().Published().Where(o => o.ProviderId == id)
            .OrderByName(o => o.Name, db).Select(o => o.Id).ToListAsync(cancellationToken);
        var offers = await OfferSearch.CardsAsync(db, offerIds, now, catalogue, cancellationToken);

        var led = await db.Programmes.AsNoTracking().Where(p => p.LeadOrganisationId == id)
            .Select(p => new ProgrammeLink(p.Id, p.Name, "Lead", null, p.Status)).ToListAsync(cancellationToken); // l10n
        var partnered = await db.ProgrammePartners.AsNoTracking().Where(p => p.OrganisationId == id)
            .Join(db.Programmes, pp => pp.ProgrammeId, p => p.Id, (pp, p) => new ProgrammeLink(p.Id, p.Name, "Partner", pp.Role, p.Status)) // l10n
            .ToListAsync(cancellationToken);
        var funded = await db.Programmes.AsNoTracking().Where(p => p.FunderOrganisationId == id)
            .Select(p => new ProgrammeLink(p.Id, p.Name, "Funder", null, p.Status)).ToListAsync(cancellationToken); // l10n
        var programmes = led.Concat(partnered).Concat(funded).DistinctBy(p => p.Id).OrderBy(p => p.Name, NameOrder.Comparer()).ToList();

        return new OrganisationProfile(organisation.Id, organisation.Name, organisation.Type, organisation.CountryCode, organisation.Region, organisation.Website,
            organisation.Description, organisation.IsFictional, Of(TaxonomyKind.SupportCategory), Of(TaxonomyKind.Sector), Of(TaxonomyKind.Language),
            organisation.Contacts, offers, programmes);
    }

    private static string? Summarise(string? text) => TextExcerpt.Of(text, 180);
}
