using MediconGlobal.Core.Catalogue;

namespace MediconGlobal.Web.Pages.Offers;

/// <summary>Headings and hints of the catalogue's facets (English keys for the localizer).</summary>
public static class FacetText
{
    public static string Heading(Facet facet) => facet switch
    {
        Facet.Category => "Kind of help",
        Facet.Market => "Target market",
        Facet.Stage => "Development stage",
        Facet.Sector => "Sector",
        Facet.Region => "Eligible region",
        Facet.Format => "Format",
        Facet.Cost => "Cost",
        Facet.Language => "Language",
        Facet.ProviderType => "Provider type",
        _ => facet.ToString(),
    };

    public static string? Hint(Facet facet) => facet switch
    {
        Facet.Market => "Offers open to any market count under every market.",
        Facet.Stage => "Offers open to every stage count under each stage.",
        Facet.Sector => "Offers open to every sector count under each sector.",
        Facet.Region => "Offers open to every region count under each region.",
        _ => null,
    };
}
