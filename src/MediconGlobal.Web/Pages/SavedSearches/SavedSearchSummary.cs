using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Notifications;

namespace MediconGlobal.Web.Pages.SavedSearches;

/// <summary>
/// A saved search in words for its owner: the words searched for (quoted) and the names of the chosen filters or
/// answers as the catalogue and the guided path offer them; views name each in the page's language with
/// <see cref="Infrastructure.Localisation.PageTerms.Of(Facet, string, string, Microsoft.Extensions.Localization.IStringLocalizer)"/>
/// (a term by its label, never its English name through the string localiser).
/// </summary>
public sealed record SavedSearchSummary(string? Words, IReadOnlyList<SavedFilter> Filters)
{
    public static SavedSearchSummary Of(SavedSearchKind kind, string criteria, IReadOnlyDictionary<Facet, IReadOnlyList<FacetOption>> options)
    {
        if (kind == SavedSearchKind.Catalogue)
        {
            var query = SavedSearchCriteria.QueryOf(criteria);
            return new SavedSearchSummary(query.Text, OfferQuery.Facets
                .SelectMany(f => options[f].Where(o => query.ValuesOf(f).Contains(o.Code)).Select(o => new SavedFilter(f, o.Code, o.Label)))
                .ToList());
        }

        var answers = SavedSearchCriteria.AnswersOf(criteria);
        SavedFilter? Label(Facet facet, string? code) => options[facet].FirstOrDefault(o => string.Equals(o.Code, code, StringComparison.OrdinalIgnoreCase)) is { } o ? new SavedFilter(facet, o.Code, o.Label) : null;
        return new SavedSearchSummary(null, new[]
        {
            Label(Facet.Stage, answers.Stage), Label(Facet.Sector, answers.Sector), Label(Facet.Market, answers.Market),
            Label(Facet.Category, answers.Help), Label(Facet.Region, answers.Region),
        }.OfType<SavedFilter>().ToList());
    }
}

/// <summary>One chosen filter or answer of a saved search: its facet, its code and its English label.</summary>
public sealed record SavedFilter(Facet Facet, string Code, string Label);

/// <summary>One saved search as the founder's list shows it.</summary>
public sealed record SavedSearchRow(int Id, string Name, SavedSearchKind Kind, string PagePath, AlertFrequency Frequency, DateTime SavedAt, SavedSearchSummary Summary);

/// <summary>The search a "Save this search" link offers to save: its page and its canonical criteria.</summary>
public sealed record SaveSearchBox(SavedSearchKind Kind, string Criteria);
