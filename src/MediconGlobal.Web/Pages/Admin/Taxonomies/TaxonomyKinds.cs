using MediconGlobal.Core.Domain;

namespace MediconGlobal.Web.Pages.Admin.Taxonomies;

/// <summary>A taxonomy as the administration pages name it: its address segment, title and what it is for.</summary>
public sealed record TaxonomyInfo(TaxonomyKind Kind, string Slug, string Title, string Purpose)
{
    public bool IsEnumBacked => TaxonomyTerm.IsEnumBacked(Kind);
}

/// <summary>The administrable taxonomies in the order the index lists them (issue 11, item 2).</summary>
public static class TaxonomyKinds
{
    public static readonly IReadOnlyList<TaxonomyInfo> All =
    [
        new(TaxonomyKind.Region, "regions", "ÖKS regions", "Where companies and organisations are, and where offers are open."),
        new(TaxonomyKind.Market, "markets", "Target markets", "Markets companies want to enter; a sub-market sits under its market."),
        new(TaxonomyKind.Stage, "stages", "Development stages", "A company's stage, from idea to scale-up."),
        new(TaxonomyKind.Sector, "sectors", "Sectors", "The life-science sector a company works in or an offer serves."),
        new(TaxonomyKind.SupportCategory, "categories", "Support categories", "The kind of help an offer gives and a need asks for."),
        new(TaxonomyKind.Format, "formats", "Offer formats", "How an offer is delivered."),
        new(TaxonomyKind.Language, "languages", "Languages", "Languages offers are given in and organisations work in."),
        new(TaxonomyKind.OrganisationType, "organisation-types", "Organisation types", "The kind of organisation in the landscape."),
    ];

    public static TaxonomyInfo? FromSlug(string? slug) => All.FirstOrDefault(k => string.Equals(k.Slug, slug, StringComparison.OrdinalIgnoreCase));

    public static TaxonomyInfo Of(TaxonomyKind kind) => All.Single(k => k.Kind == kind);
}
