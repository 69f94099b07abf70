namespace MediconGlobal.Web.Pages.Shared;

/// <summary>
/// The pager under a ranked or sorted list of offers (the catalogue and the guided path), rendered by
/// <c>Shared/_ResultPager.cshtml</c>: nothing when everything fits on one page, else the first and last page, two
/// either side of the current one and "…" for the gaps (<c>OfferQuery.PagerPages</c>).
/// </summary>
/// <param name="Page">The page shown, 1-based.</param>
/// <param name="PageCount">How many pages there are, at least 1.</param>
/// <param name="LinkTo">The address of a page, given its number.</param>
/// <param name="CatalogueLinks">Mark the links for the catalogue's script, which loads the page in place (<c>data-catalogue-link</c>).</param>
public sealed record ResultPager(int Page, int PageCount, Func<int, string> LinkTo, bool CatalogueLinks = false);
