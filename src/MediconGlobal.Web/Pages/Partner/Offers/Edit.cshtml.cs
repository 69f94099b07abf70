using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Partner.Offers;

/// <summary>
/// Edit an offer of one's own organisation (administrators: any). A save made against an older version than the
/// stored one is refused; the form keeps the user's values and shows the other person's beside each changed field.
/// </summary>
[Authorize(Policy = Policies.PartnerManagement)]
public class EditModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel, IOfferFormPage
{
    [BindProperty]
    public OfferInput Input { get; set; } = new();

    public OfferFormOptions Options { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> Theirs { get; private set; } = new Dictionary<string, string>();

    public Offer Offer { get; private set; } = null!;

    public string OrganisationQuery { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } offer)
        {
            return await RefuseAsync(id, cancellationToken);
        }

        Input = OfferForm.FromOffer(offer);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } offer)
        {
            return await RefuseAsync(id, cancellationToken);
        }

        var validation = new OfferInputValidator(Options.Terms, Options.Programmes.Select(p => p.Id).ToList()).Validate(Input);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState, nameof(Input));
            return Page();
        }

        // Check the version the form was loaded at, even when only the offer's terms change.
        var version = db.Entry(offer).Property(o => o.Version);
        version.OriginalValue = Input.Version;
        version.IsModified = true;
        await OfferForm.ApplyAsync(db, offer, Input, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await ShowConflictAsync(id, cancellationToken);
            return Page();
        }

        TempData["Message"] = t["Saved “{0}”.", offer.Name].Value;
        return Redirect($"/partner/offers/{id}/edit");
    }

    public Task<IActionResult> OnPostPublishAsync(int id, string? returnTo, CancellationToken cancellationToken) =>
        ChangeStatusAsync(id, returnTo, o => o.Publish(Now), "Published “{0}”. It is now in the public catalogue.", cancellationToken);

    public Task<IActionResult> OnPostArchiveAsync(int id, string? returnTo, CancellationToken cancellationToken) =>
        ChangeStatusAsync(id, returnTo, o => o.Archive(), "Archived “{0}”. It is no longer in the public catalogue.", cancellationToken);

    public Task<IActionResult> OnPostDraftAsync(int id, string? returnTo, CancellationToken cancellationToken) =>
        ChangeStatusAsync(id, returnTo, o => o.ReturnToDraft(), "“{0}” is a draft again and hidden from the catalogue.", cancellationToken);

    public Task<IActionResult> OnPostReviewedAsync(int id, string? returnTo, CancellationToken cancellationToken) =>
        ChangeStatusAsync(id, returnTo, o => o.MarkReviewed(Now), "Marked “{0}” as reviewed today.", cancellationToken);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<IActionResult> ChangeStatusAsync(int id, string? returnTo, Action<Offer> change, string message, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } offer)
        {
            return await RefuseAsync(id, cancellationToken);
        }

        change(offer);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t[message, offer.Name].Value;
        return Redirect(returnTo == "overview" ? "/partner" + OrganisationQuery : $"/partner/offers/{id}/edit");
    }

    private async Task<Offer?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        var offer = await OfferForm.LoadTrackedAsync(db.Offers.ManageableBy(viewer), id, cancellationToken);
        if (offer is not null)
        {
            Offer = offer;
            OrganisationQuery = PartnerOrganisations.Query(viewer, offer.ProviderId);
            Options = await OfferForm.LoadOptionsAsync(db, offer.ProviderId, offer.ProgrammeId, cancellationToken);
        }

        return offer;
    }

    /// <summary>Another organisation's offer is forbidden; an id that does not exist is not found.</summary>
    private async Task<IActionResult> RefuseAsync(int id, CancellationToken cancellationToken) =>
        await db.Offers.AnyAsync(o => o.Id == id, cancellationToken) ? Forbid() : NotFound();

    private async Task ShowConflictAsync(int id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var saved = (await OfferForm.LoadTrackedAsync(db.Offers.AsNoTracking(), id, cancellationToken))!;
        Offer = saved;
        var theirs = OfferForm.FromOffer(saved);
        Theirs = OfferForm.Differences(Input, theirs, Options);
        Input.Version = saved.Version;
        ModelState.Remove($"{nameof(Input)}.{nameof(Input.Version)}");
        ModelState.AddModelError(string.Empty, t[
            "{0} saved this offer at {1} while you were editing. Your changes are still in the form; their saved values are shown under each field that differs. Save again to keep yours.",
            saved.UpdatedBy ?? t["Someone"].Value, saved.UpdatedAt.ToString("HH:mm")].Value);
    }
}
