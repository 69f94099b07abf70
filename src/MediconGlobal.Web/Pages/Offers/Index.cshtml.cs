using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Catalogue.FoundNothing;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Time;
using MediconGlobal.Web.Infrastructure.Localisation;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Offers;

/// <summary>
/// The public catalogue: free text, facets with counts, sort and paging, all in the query string. A first page that
/// finds nothing is counted, anonymously, for the gap report (ADR 1779).
/// </summary>
[AllowAnonymous]
public class IndexModel(AppDbContext db, TimeProvider clock, CatalogueCache catalogue, DisplayTime time, IStringLocalizer<SharedResource> t, TermNames termNames, EmptySearchLog emptySearches) : PageModel
{
    public OfferSearchResult Result { get; private set; } = null!;

    public OfferQuery Query => Result.Query;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var query = OfferQueryString.Read(Request.Query);
        // The index this request's view names its terms from too: the catalogue's version is read once (issue 12).
        var index = await termNames.CatalogueAsync(cancellationToken);
        Result = await OfferSearch.RunAsync(db, index, catalogue.Synonyms, query, clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (Result.Total == 0 && query.Page == 1 && EmptySearchRequest.IsCounted(Request)
            && EmptySearchRequest.Of(query, index.Terms) is { } search)
        {
            await emptySearches.RecordAsync(search, cancellationToken);
        }

        return Page();
    }

    /// <summary>The offers matching the current search and filters (every page of them) as CSV, in the reader's language (ADR 1406).</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var query = OfferQueryString.Read(Request.Query) with { Page = 1, PageSize = int.MaxValue };
        var result = await OfferSearch.RunAsync(db, await termNames.CatalogueAsync(cancellationToken), catalogue.Synonyms, query, clock.GetUtcNow().UtcDateTime, cancellationToken);
        var terms = await termNames.GetAsync(cancellationToken);
        var rows = await CatalogueCsv.LoadRowsAsync(db, result.Items.Select(i => i.Id).ToList(), time, t, terms.Of, cancellationToken);
        return File(CatalogueCsv.Write(rows, time, t), "text/csv; charset=utf-8", "mediconglobal-offers.csv");
    }

    public string LinkTo(OfferQuery query) => "/offers" + query.ToQueryString();
}
