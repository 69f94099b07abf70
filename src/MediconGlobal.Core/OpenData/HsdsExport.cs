using System.Globalization;
using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.OpenData;

/// <summary>
/// Filters and paging of an HSDS list request, named as the HSDS 3.0 <c>openapi.json</c> names its query parameters:
/// <c>search</c>, <c>taxonomy_term_id</c>, <c>modified_after</c> (UTC), <c>organization_id</c>, <c>taxonomy_id</c>,
/// <c>page</c> (from 1), <c>per_page</c> (1–<see cref="MaxPerPage"/>), and for taxonomy terms <c>top_only</c> (terms
/// without a parent) and <c>parent_id</c> (children of that term). Which list honours which is ADR 1650.
/// </summary>
public sealed record HsdsQuery(string? Search = null, string? TaxonomyTermId = null, DateTime? ModifiedAfter = null, string? OrganizationId = null, string? TaxonomyId = null, int Page = 1, int PerPage = HsdsQuery.DefaultPerPage, bool TopOnly = false, string? ParentId = null)
{
    public const int DefaultPerPage = 50;
    public const int MaxPerPage = 200;

    public int SafePage => Math.Clamp(Page, 1, MaxPage(PerPage));

    public int SafePerPage => Math.Clamp(PerPage, 1, MaxPerPage);

    /// <summary>The highest page whose first record's offset still fits a 32-bit number (databases page by int offsets).</summary>
    public static int MaxPage(int perPage) => (int)Math.Min(int.MaxValue, ((long)int.MaxValue / Math.Clamp(perPage, 1, MaxPerPage)) + 1);
}

/// <summary>
/// The catalogue as Open Referral HSDS 3.0: organisations, services (published offers), programmes and the
/// taxonomies, with the portal's classifications carried as HSDS attributes. Read-only; everything public.
/// </summary>
public sealed partial class HsdsExport(AppDbContext db)
{
    private HsdsTerms? _terms;

    public async Task<HsdsTerms> TermsAsync(CancellationToken cancellationToken) =>
        _terms ??= new HsdsTerms(await TermCatalog.LoadAsync(db, cancellationToken));

    /// <summary>A page of services: <c>service_list</c> items, or full services (<c>service</c>) when <paramref name="full"/>.</summary>
    public async Task<HsdsPage<HsdsService>> ServicesAsync(HsdsQuery query, bool full = false, CancellationToken cancellationToken = default)
    {
        var ids = await ServiceIdsAsync(query, cancellationToken);
        return Page(query, ids.Count, await LoadServicesAsync(PageOf(ids, query), full, cancellationToken));
    }

    /// <summary>A page of services reduced to id and last modification (the HSDS <c>minimal</c> parameter).</summary>
    public async Task<HsdsPage<HsdsServiceMinimal>> MinimalServicesAsync(HsdsQuery query, CancellationToken cancellationToken = default)
    {
        var ids = await ServiceIdsAsync(query, cancellationToken);
        var pageIds = PageOf(ids, query);
        var modified = await db.Offers.AsNoTracking().Where(o => pageIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.UpdatedAt, cancellationToken);
        return Page(query, ids.Count, pageIds.Where(modified.ContainsKey).Select(id => new HsdsServiceMinimal(HsdsIds.Of(HsdsKind.Service, id), modified[id])).ToList());
    }

    /// <summary>The ids of the published offers the query selects, in the API's order (name, then id).</summary>
    private async Task<List<int>> ServiceIdsAsync(HsdsQuery query, CancellationToken cancellationToken)
    {
        var terms = await TermsAsync(cancellationToken);
        var offers = db.Offers.AsNoTracking().Published().MatchingText(query.Search);
        if (query.ModifiedAfter is { } after)
        {
            offers = offers.Where(o => o.UpdatedAt >= after);
        }

        if (query.OrganizationId is not null)
        {
            var organisationId = HsdsIds.Read(query.OrganizationId, HsdsKind.Organization) ?? -1;
            offers = offers.Where(o => o.ProviderId == organisationId);
        }

        if (query.TaxonomyTermId is not null)
        {
            offers = terms.Resolve(query.TaxonomyTermId) switch
            {
                HsdsTermRef.Stored s => offers.Where(o => o.CategoryId == s.TermId || o.Terms.Any(t => t.TermId == s.TermId)),
                HsdsTermRef.Format f => offers.Where(o => o.Format == f.Value),
                HsdsTermRef.Cost c => offers.Where(o => o.Cost == c.Value),
                HsdsTermRef.ProviderType p => offers.Where(o => o.Provider!.Type == p.Value),
                HsdsTermRef.NextStep n => offers.Where(o => o.NextStep == n.Value),
                _ => offers.Where(_ => false),
            };
        }

        if (query.TaxonomyId is not null)
        {
            // A service "contains a term of the taxonomy" as its attributes, languages and provider show it: every
            // service has a support category, a format, a cost and a provider type; the other kinds are term links.
            offers = terms.TaxonomyKindOf(query.TaxonomyId) switch
            {
                HsdsTaxonomyRef.Stored { Kind: TaxonomyKind.SupportCategory } or HsdsTaxonomyRef.Everywhere => offers,
                HsdsTaxonomyRef.Stored s => offers.Where(o => o.Terms.Any(t => t.Term!.Kind == s.Kind)),
                _ => offers.Where(_ => false),
            };
        }

        var words = OfferTextSearch.Words(query.Search);
        return (await offers
            .Select(o => new { o.Id, o.Name, o.Description, Provider = o.Provider!.Name, Programme = o.Programme != null ? o.Programme.Name : null, Category = o.Category!.Name })
            .ToListAsync(cancellationToken))
            .Where(o => OfferTextSearch.MatchesAll(words, o.Name, o.Description, o.Provider, o.Programme, o.Category))
            .OrderBy(o => o.Name, StringComparer.Ordinal).ThenBy(o => o.Id)
            .Select(o => o.Id)
            .ToList();
    }

    public async Task<HsdsService?> ServiceAsync(string id, CancellationToken cancellationToken = default) =>
        HsdsIds.Read(id, HsdsKind.Service) is { } offerId ? (await LoadServicesAsync([offerId], full: true, cancellationToken)).FirstOrDefault() : null;

    public async Task<HsdsPage<HsdsTaxonomy>> TaxonomiesAsync(HsdsQuery query, CancellationToken cancellationToken = default)
    {
        var words = OfferTextSearch.Words(query.Search);
        var all = (await TermsAsync(cancellationToken)).Taxonomies.Where(t => Matches(words, t.Name, t.Description)).ToList();
        return Page(query, all.Count, PageOf(all, query));
    }

    /// <summary>One taxonomy by its HSDS id, or null.</summary>
    public async Task<HsdsTaxonomy?> TaxonomyAsync(string id, CancellationToken cancellationToken = default) =>
        (await TermsAsync(cancellationToken)).Taxonomies.FirstOrDefault(t => string.Equals(t.Id, id.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>One taxonomy term by its HSDS id, or null.</summary>
    public async Task<HsdsTaxonomyTerm?> TaxonomyTermAsync(string id, CancellationToken cancellationToken = default)
    {
        var terms = await TermsAsync(cancellationToken);
        return terms.Resolve(id) is { } term ? terms.Term(term) : null;
    }

    public async Task<HsdsPage<HsdsTaxonomyTerm>> TaxonomyTermsAsync(HsdsQuery query, CancellationToken cancellationToken = default)
    {
        var words = OfferTextSearch.Words(query.Search);
        var all = (await TermsAsync(cancellationToken)).Terms
            .Where(t => query.TaxonomyId is null || string.Equals(t.TaxonomyId, query.TaxonomyId.Trim(), StringComparison.OrdinalIgnoreCase))
            .Where(t => !query.TopOnly || t.ParentId is null)
            .Where(t => query.ParentId is null || string.Equals(t.ParentId, query.ParentId.Trim(), StringComparison.OrdinalIgnoreCase))
            .Where(t => Matches(words, t.Name, t.Code))
            .ToList();
        return Page(query, all.Count, PageOf(all, query));
    }

    /// <summary>Published services with their attributes, languages and contacts, in the order of <paramref name="ids"/>.</summary>
    internal Task<List<HsdsService>> FullServicesAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken) =>
        LoadServicesAsync(ids, full: true, cancellationToken);

    private async Task<List<HsdsService>> LoadServicesAsync(IReadOnlyList<int> ids, bool full, CancellationToken cancellationToken)
    {
        var terms = await TermsAsync(cancellationToken);
        var rows = await db.Offers.AsNoTracking().Published().Where(o => ids.Contains(o.Id))
            .Select(o => new
            {
                Offer = o,
                Provider = new { o.Provider!.Id, o.Provider.Name, o.Provider.Description, o.Provider.Website, o.Provider.Type },
                Programme = o.Programme == null ? null : new { o.Programme.Id, o.Programme.Name, o.Programme.Description, o.Programme.LeadOrganisationId },
                Terms = o.Terms.Select(t => t.TermId).ToList(),
            })
            .ToListAsync(cancellationToken);

        var order = ids.Select((id, index) => (id, index)).ToDictionary(x => x.id, x => x.index);
        return rows.OrderBy(r => order[r.Offer.Id]).Select(r =>
        {
            var o = r.Offer;
            var serviceId = HsdsIds.Of(HsdsKind.Service, o.Id);
            var program = r.Programme is null ? null : new HsdsProgram(HsdsIds.Of(HsdsKind.Program, r.Programme.Id), HsdsIds.Of(HsdsKind.Organization, r.Programme.LeadOrganisationId), r.Programme.Name, r.Programme.Description ?? "");
            List<string> Names(TaxonomyKind kind) => r.Terms.Where(t => terms.KindOf(t) == kind).Select(t => terms.Term(new HsdsTermRef.Stored(t)).Name).ToList();
            var service = new HsdsService(
                serviceId, HsdsIds.Of(HsdsKind.Organization, r.Provider.Id), program?.Id, o.Name, o.Description,
                SafeUrl(o.Website), o.ContactEmail, "active", o.HowToApply,
                DisplayNames.Of(o.Cost) + (o.CostDetails is null ? "" : " – " + o.CostDetails), Eligibility(Names),
                o.UpdatedAt, new HsdsOrganizationSummary(HsdsIds.Of(HsdsKind.Organization, r.Provider.Id), r.Provider.Name, r.Provider.Description ?? "", SafeUrl(r.Provider.Website)), program,
                AssuredDate: o.LastReviewedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), AssurerEmail: o.LastReviewedByEmail);
            if (!full)
            {
                return service;
            }

            var attributes = new List<HsdsAttribute>
            {
                terms.Attribute(HsdsKind.Service, o.Id, new HsdsTermRef.Stored(o.CategoryId), "support_category"),
                terms.Attribute(HsdsKind.Service, o.Id, new HsdsTermRef.Format(o.Format), "format"),
                terms.Attribute(HsdsKind.Service, o.Id, new HsdsTermRef.Cost(o.Cost), "cost"),
                terms.Attribute(HsdsKind.Service, o.Id, new HsdsTermRef.NextStep(o.NextStep), "next_step", o.NextStepWorkingDays?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            };
            attributes.AddRange(r.Terms.Where(t => terms.KindOf(t) is not (null or TaxonomyKind.Language))
                .Select(t => terms.Attribute(HsdsKind.Service, o.Id, new HsdsTermRef.Stored(t), LinkType(terms.KindOf(t)!.Value))));
            var languages = r.Terms.Where(t => terms.KindOf(t) == TaxonomyKind.Language)
                .Select(t => terms.Term(new HsdsTermRef.Stored(t)))
                .Select(t => new HsdsLanguage(HsdsIds.Of(HsdsKind.Language, o.Id, HsdsIds.Read(t.Id, HsdsKind.TaxonomyTerm) ?? 0), serviceId, t.Name, t.Code))
                .ToList();
            var contacts = o.ContactName is null && o.ContactEmail is null ? null
                : new List<HsdsContact> { new(HsdsIds.Of(HsdsKind.Contact, o.Id), null, serviceId, o.ContactName, null, o.ContactEmail) };
            var documents = o.RequiredDocumentList
                .Select((d, i) => new HsdsRequiredDocument(HsdsIds.Of(HsdsKind.RequiredDocument, o.Id, i + 1), serviceId, d.Document, SafeUrl(d.Uri)))
                .ToList();
            return service with { Languages = languages, Contacts = contacts, Attributes = attributes, RequiredDocuments = documents.Count == 0 ? null : documents };
        }).ToList();
    }

    private static string LinkType(TaxonomyKind kind) => kind switch
    {
        TaxonomyKind.Market => "target_market",
        TaxonomyKind.Stage => "development_stage",
        TaxonomyKind.Sector => "sector",
        TaxonomyKind.Region => "eligible_region",
        TaxonomyKind.SupportCategory => "support_category",
        _ => "language",
    };

    private static string? Eligibility(Func<TaxonomyKind, List<string>> names)
    {
        var parts = new[] { ("Development stages", TaxonomyKind.Stage), ("Sectors", TaxonomyKind.Sector), ("Companies based in", TaxonomyKind.Region), ("Target markets", TaxonomyKind.Market) }
            .Select(p => (p.Item1, Values: names(p.Item2)))
            .Where(p => p.Values.Count > 0)
            .Select(p => $"{p.Item1}: {string.Join(", ", p.Values)}")
            .ToList();
        return parts.Count == 0 ? "Open to every life-science company." : string.Join(". ", parts) + ".";
    }

    private static bool Matches(IReadOnlyList<string> words, params string?[] fields) =>
        words.All(w => fields.Any(f => Text.TextNormalizer.Normalize(f).Contains(w)));

    private static List<T> PageOf<T>(IReadOnlyList<T> all, HsdsQuery query) =>
        all.Skip((query.SafePage - 1) * query.SafePerPage).Take(query.SafePerPage).ToList();

    private static HsdsPage<T> Page<T>(HsdsQuery query, int total, IReadOnlyList<T> contents)
    {
        var pages = Math.Max(1, (int)Math.Ceiling(total / (double)query.SafePerPage));
        return new HsdsPage<T>(total, pages, query.SafePage, contents.Count, query.SafePage == 1, query.SafePage >= pages, total == 0, contents);
    }

    /// <summary>An http(s) address as given, or null for anything else (HSDS wants a URI; the portal stores free text).</summary>
    internal static string? SafeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri.AbsoluteUri : null;
}
