using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Notifications;
using MediconGlobal.Core.Time;
using MediconGlobal.Web.Infrastructure.Localisation;
using MediconGlobal.Web.Infrastructure.Mail;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Shortlist;

/// <summary>
/// The visitor's saved offers, or a shortlist someone shared (<c>/shortlist?offers=12,15</c>), with a share link,
/// a print layout and a CSV download.
/// </summary>
[AllowAnonymous]
public class IndexModel(AppDbContext db, ShortlistStore shortlist, TimeProvider clock, CatalogueCache catalogue, MailLinks links, IStringLocalizer<SharedResource> t, DisplayTime time, TermNames termNames) : PageModel
{
    public IReadOnlyList<OfferCard> Offers { get; private set; } = [];

    /// <summary>True when showing a shared link rather than the visitor's own shortlist.</summary>
    public bool IsShared { get; private set; }

    public int Unavailable { get; private set; }

    public string ShareLink { get; private set; } = "";

    public async Task OnGetAsync([FromQuery(Name = "offers")] string? shared, CancellationToken cancellationToken)
    {
        var ids = await IdsAsync(shared, cancellationToken);
        Offers = await OfferSearch.CardsAsync(db, ids, clock.GetUtcNow().UtcDateTime, catalogue, cancellationToken);
        Unavailable = ids.Count - Offers.Count;
        // From the configured public address, like every link the portal hands out (issue 10, item 1); the ids as
        // the readable list ShortlistStore reads back ("12,15"), not percent-encoded.
        ShareLink = links.Page("/Shortlist/Index", query: "offers=" + ShortlistStore.Format(Offers.Select(o => o.Id)));
    }

    /// <summary>The shortlist as CSV, the catalogue download's columns in the reader's language (ADR 1406).</summary>
    public async Task<IActionResult> OnGetCsvAsync([FromQuery(Name = "offers")] string? shared, CancellationToken cancellationToken)
    {
        var ids = await IdsAsync(shared, cancellationToken);
        var cards = await OfferSearch.CardsAsync(db, ids, clock.GetUtcNow().UtcDateTime, catalogue, cancellationToken);
        var terms = await termNames.GetAsync(cancellationToken);
        var rows = await CatalogueCsv.LoadRowsAsync(db, cards.Select(c => c.Id).ToList(), time, t, terms.Of, cancellationToken);
        return File(CatalogueCsv.Write(rows, time, t), "text/csv; charset=utf-8", "mediconglobal-shortlist.csv");
    }

    public async Task<IActionResult> OnPostAddAsync(int offerId, string? returnUrl, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        if (!await shortlist.AddAsync([offerId], cancellationToken))
        {
            return NotFound();
        }

        TempData["Message"] = t["Saved to your shortlist."].Value;
        return BackTo(returnUrl);
    }

    // The shortlist's buttons post hidden values only: one that cannot be read is a hand-made request (400).
    public async Task<IActionResult> OnPostRemoveAsync(int offerId, string? returnUrl, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        await shortlist.RemoveAsync(offerId, cancellationToken);
        TempData["Message"] = t["Removed from your shortlist."].Value;
        return BackTo(returnUrl);
    }

    /// <summary>Saves every offer of a shared shortlist to the visitor's own.</summary>
    public async Task<IActionResult> OnPostSaveSharedAsync([FromForm(Name = "offers")] string? shared, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        await shortlist.AddAsync(ShortlistStore.Parse(shared), cancellationToken);
        TempData["Message"] = t["The shared offers are now on your shortlist."].Value;
        return RedirectToPage();
    }

    private async Task<IReadOnlyList<int>> IdsAsync(string? shared, CancellationToken cancellationToken)
    {
        IsShared = shared is not null;
        return IsShared ? ShortlistStore.Parse(shared) : await shortlist.GetAsync(cancellationToken);
    }

    private IActionResult BackTo(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToPage();
}
