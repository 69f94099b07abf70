using MediconGlobal.Core.Notifications;
using Microsoft.AspNetCore.Mvc;

namespace MediconGlobal.Web.Pages.SavedSearches;

/// <summary>
/// The page that shows a saved search's results, by page name (ADR 1930): the catalogue for a catalogue search, the
/// guided path for a guided one. The search's criteria are the query string it was saved with, kept as saved.
/// </summary>
public static class SavedSearchPages
{
    /// <summary>The page name of the results of a search of <paramref name="kind"/>.</summary>
    public static string Of(SavedSearchKind kind) => kind == SavedSearchKind.Catalogue ? "/Offers/Index" : "/FindSupport/Index";

    /// <summary>The path of the results page with the saved criteria, e.g. <c>/offers?q=fda</c>, for a link on a page.</summary>
    public static string PathOf(IUrlHelper url, SavedSearchKind kind, string criteria)
    {
        var path = url.Page(Of(kind)) ?? throw new InvalidOperationException($"No route to the page {Of(kind)}.");
        return criteria.Length == 0 ? path : path + "?" + criteria;
    }
}
