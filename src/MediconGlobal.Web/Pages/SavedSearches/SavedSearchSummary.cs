using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Notifications;

namespace MediconGlobal.Web.Pages.SavedSearches;

/// <summary>
/// A saved search in words for its owner: the words searched for (quoted) and the names of the chosen filters or
/// answers, as the catalogue and the guided path label them (English; views pass them through the localiser).
/// </summary>
public sealed record SavedSearchSummary(string? Words, IReadOnlyList<string> Filters)
{
    public static SavedSearchSummary Of(SavedSearchKind kind, string criteria, IReadOnlyDictionary<Facet, IReadOnlyList<FacetOption>> options)
    {
        if (kind == SavedSearchKind.Catalogue)
        {
            var query = SavedSearchCriteria.QueryOf(criteria);
            return new SavedSearchSummary(query.Text, OfferQuery.Facets
                .SelectMany(f => options[f].Where(o => query.ValuesOf(f).Contains(o.Code)).Select(o => o.Label))
                .ToList());
        }

        var answers = SavedSearchCriteria.AnswersOf(criteria);
        string? Label(Facet facet, string? code) => options[facet].FirstOrDefault(o => string.Equals(o.Code, code, StringComparison.OrdinalIgnoreCase))?.Label;
        return new SavedSearchSummary(null, new[]
        {
            Label(Facet.Stage, answers.Stage), Label(Facet.Sector, answers.Sector), Label(Facet.Market, answers.Market),
            Label(Facet.Category, answers.Help), Label(Facet.Region, answers.Region),
        }.OfType<string>().ToList());
    }
}

/// <summary>One saved search as the founder's list shows it.</summary>
public sealed record SavedSearchRow(int Id, string Name, SavedSearchKind Kind, string PagePath, AlertFrequency Frequency, DateTime SavedAt, SavedSearchSummary Summary);

/// <summary>The search a "Save this search" link offers to save: its page and its canonical criteria.</summary>
public sealed record SaveSearchBox(SavedSearchKind Kind, string Criteria);
