using System.Globalization;
using MediconGlobal.Core.Text;

namespace MediconGlobal.Core.Domain;

/// <summary>
/// A value in one of the portal's taxonomies (regions, markets, stages, sectors, support categories, languages,
/// formats, organisation types). Administrators add, relabel, reorder and retire terms; the <see cref="Code"/>
/// never changes, and a term is retired rather than deleted so old records and reports keep it (issue 11, ADR 1150).
/// </summary>
public class TaxonomyTerm : Entity, ISearchable
{
    /// <summary>Characters in a term's description.</summary>
    public const int DescriptionMaxLength = 1000;

    /// <summary>Codes are lower-case words joined by hyphens (the enum-backed kinds use the member name).</summary>
    public const string CodePattern = "^[a-z0-9]+(-[a-z0-9]+)*$";

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

    /// <summary>The English label, shown wherever no label in the reader's language is given.</summary>
    public string Name { get; set; } = "";

    /// <summary>Swedish label; null falls back to <see cref="Name"/>.</summary>
    public string? NameSv { get; private set; }

    /// <summary>Danish label; null falls back to <see cref="Name"/>.</summary>
    public string? NameDa { get; private set; }

    public string? Description { get; set; }

    /// <summary>ISO 3166 alpha-2 country code, for regions.</summary>
    public string? CountryCode { get; set; }

    public int? ParentId { get; set; }

    public TaxonomyTerm? Parent { get; set; }

    public int SortOrder { get; set; }

    /// <summary>True for "any market"-style terms that match every value of their taxonomy.</summary>
    public bool IsAgnostic { get; set; }

    /// <summary>When the term was retired (UTC): hidden from new choices, kept on the records that have it.</summary>
    public DateTime? RetiredAt { get; private set; }

    public bool IsRetired => RetiredAt is not null;

    public string SearchText { get; set; } = "";

    /// <summary>True for the kinds whose values the portal's behaviour depends on, so only a release adds one (ADR 1150).</summary>
    public static bool IsEnumBacked(TaxonomyKind kind) => kind is TaxonomyKind.Format or TaxonomyKind.OrganisationType;

    /// <summary>
    /// Every name the term goes by, in each language the portal keeps (English, and Swedish/Danish when set); the
    /// English name of an ÖKS region carries the local name too ("Sjælland (Zealand)"). The catalogue's free-text
    /// search matches an offer by any label of its markets and regions (issue 13), so "Tyskland" finds Germany.
    /// </summary>
    public IEnumerable<string> Labels => new[] { Name, NameSv, NameDa }.OfType<string>().Distinct(StringComparer.Ordinal);

    public string BuildSearchText() => TextNormalizer.Normalize(string.Join(' ', Labels));

    /// <summary>The label in the given culture: Swedish or Danish when given, otherwise English.</summary>
    public string LabelIn(CultureInfo culture) => TermLabels.Pick(culture, Name, NameSv, NameDa);

    /// <summary>Sets the labels; an empty Swedish or Danish label means "use the English one".</summary>
    public void Relabel(string name, string? nameSv, string? nameDa)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException("A term needs an English label.");
        }

        Name = name.Trim();
        NameSv = string.IsNullOrWhiteSpace(nameSv) ? null : nameSv.Trim();
        NameDa = string.IsNullOrWhiteSpace(nameDa) ? null : nameDa.Trim();
    }

    /// <summary>Places a market under another market (Boston under USA); null makes it a top-level market.</summary>
    public void PlaceUnder(TaxonomyTerm? parent)
    {
        if (parent is null)
        {
            Parent = null;
            ParentId = null;
            return;
        }

        if (Kind != TaxonomyKind.Market || parent.Kind != TaxonomyKind.Market)
        {
            throw new DomainRuleException("Only markets sit under another market.");
        }

        for (var ancestor = parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            if (ReferenceEquals(ancestor, this) || (Id != 0 && ancestor.Id == Id))
            {
                throw new DomainRuleException("A market cannot sit under itself or under one of its own sub-markets.");
            }
        }

        if (parent.IsAgnostic)
        {
            throw new DomainRuleException("Nothing sits under “any market”.");
        }

        Parent = parent;
        ParentId = parent.Id;
    }

    public void Retire(DateTime at)
    {
        if (IsRetired)
        {
            throw new DomainRuleException("The term is already retired.");
        }

        RetiredAt = at;
    }

    public void Reinstate()
    {
        if (!IsRetired)
        {
            throw new DomainRuleException("The term is in use; there is nothing to reinstate.");
        }

        RetiredAt = null;
    }
}

/// <summary>
/// The one place a taxonomy label is chosen by culture (Swedish, Danish, else English). Entities, the in-memory
/// term catalogue and views all go through it, so the localisation of the interface only has to pass the culture.
/// </summary>
public static class TermLabels
{
    public static string Pick(CultureInfo culture, string name, string? nameSv, string? nameDa) =>
        culture.TwoLetterISOLanguageName switch
        {
            "sv" when nameSv is not null => nameSv,
            "da" when nameDa is not null => nameDa,
            _ => name,
        };

    /// <summary>
    /// The language of the label <see cref="Pick"/> chooses, when it is not the language asked for: "en" where a term
    /// has no label in <paramref name="culture"/>'s language and shows its English name (a page marks it with this
    /// <c>lang</c>, WCAG 3.1.2); null when the label is in that language.
    /// </summary>
    public static string? FallbackLanguage(CultureInfo culture, string? nameSv, string? nameDa) =>
        culture.TwoLetterISOLanguageName switch
        {
            "en" => null,
            "sv" when nameSv is not null => null,
            "da" when nameDa is not null => null,
            _ => "en",
        };
}
