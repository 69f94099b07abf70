using MediconGlobal.Core.Catalogue;

namespace MediconGlobal.Web.Pages.Offers;

/// <summary>Reads the catalogue's state from the query string (<c>?q=…&amp;category=…&amp;market=…&amp;sort=…&amp;page=…</c>).</summary>
public static class OfferQueryString
{
    public static OfferQuery Read(IQueryCollection query) => OfferQuery.From(
        query["q"],
        OfferQuery.Facets.ToDictionary(f => f, f => (string[]?)query[OfferQuery.KeyOf(f)].OfType<string>().ToArray()),
        query["sort"],
        int.TryParse(query["page"], out var page) ? page : null);
}
