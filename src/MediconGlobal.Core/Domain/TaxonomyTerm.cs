using MediconGlobal.Core.Text;

namespace MediconGlobal.Core.Domain;

/// <summary>
/// A value in one of the portal's taxonomies (regions, markets, stages, sectors, support categories,
/// languages). Administrators can add terms; seeded terms keep a stable <see cref="Code"/>.
/// </summary>
public class TaxonomyTerm : Entity, ISearchable
{
    private TaxonomyTerm()
    {
    }

    public TaxonomyTerm(TaxonomyKind kind, string code, string name, int sortOrder = 0)
    {
        Kind = kind;
        Code = code;
        Name = name;
        SortOrder = sortOrder;
    }

    public TaxonomyKind Kind { get; private set; }

    public string Code { get; private set; } = "";

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    /// <summary>ISO 3166 alpha-2 country code, for regions.</summary>
    public string? CountryCode { get; set; }

    public int? ParentId { get; set; }

    public TaxonomyTerm? Parent { get; set; }

    public int SortOrder { get; set; }

    /// <summary>True for "any market"-style terms that match every value of their taxonomy.</summary>
    public bool IsAgnostic { get; set; }

    public string SearchText { get; set; } = "";

    /// <summary>
    /// Every name the term goes by, in each language the portal keeps: today the English name, which for the ÖKS
    /// regions carries the local name too ("Sjælland (Zealand)"). The catalogue's free-text search matches an
    /// offer by any label of its markets and regions (issue 13), so a label field added to terms belongs here.
    /// </summary>
    public IEnumerable<string> Labels => [Name];

    public string BuildSearchText() => TextNormalizer.Normalize(string.Join(' ', Labels));
}
