using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Infrastructure.Localisation;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Partner.Offers;

/// <summary>
/// Edit an offer of one's own organisation (administrators: any), and publish, archive, return to draft or mark it
/// reviewed. Every save and every status button is checked against the version the page showed; on a conflict the
/// form keeps the user's values and shows the other person's beside each changed field (docs/decisions/1050).
/// </summary>
[Authorize(Policy = Policies.PartnerManagement)]
public class EditModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t, TermNames termNames, ActorNames actors) : PageModel, IOfferFormPage
{
    [BindProperty]
    public OfferInput Input { get; set; } = new();

    /// <summary>The status buttons' form: the version and status the buttons were shown with.</summary>
    [BindProperty]
    public StatusInput Status { get; set; } = new();

    public OfferFormOptions Options { get; private set; } = null!;

    public Offer Offer { get; private set; } = null!;

    public int? OrganisationRoute { get; private set; }

    /// <summary>Who saved the offer last, as <see cref="ActorNames"/> lets the viewer see it.</summary>
    public string? LastSavedBy { get; private set; }

    /// <summary>
    /// Names who saved the offer last once the handler has chosen to show the page, so a save that redirects pays no
    /// query for it and a conflict names whoever saved the version it reloaded.
    /// </summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var executed = await next();
        if (executed.Exception is null && executed.Result is PageResult && Offer is { } offer)
        {
            LastSavedBy = await actors.ForViewerAsync(User, offer.UpdatedBy, HttpContext.RequestAborted);
        }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } offer)
        {
            return await RefuseAsync(id, cancellationToken);
        }

        Input = OfferForm.FromOffer(offer);
        Status = new StatusInput { Version = offer.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } offer)
        {
            return await RefuseAsync(id, cancellationToken);
        }

        if (!this.IsValid(new OfferInputValidator(Options, Options.Programmes.Select(p => p.Id).ToList()).Validate(Input), nameof(Input)))
        {
            return Page();
        }

        // Saving the form is a review too: the provider has looked at every field (ADR 1934).
        var reviewer = await ReviewerAsync(cancellationToken);
        var result = await db.SaveVersionedAsync(
            offer,
            Input.Version,
            async o =>
            {
                await OfferForm.ApplyAsync(db, o, Input, cancellationToken);
                reviewer(o);
            },
            cancellationToken);
        if (result.Outcome == CommandOutcome.Conflict)
        {
            await ShowConflictAsync(id, OfferForm.Describe(Input, Options, await termNames.GetAsync(cancellationToken), t), cancellationToken);
            return Page();
        }

        TempData["Message"] = t["Saved “{0}”.", offer.Name].Value;
        return RedirectToPage("/Partner/Offers/Edit", new { id });
    }

    public Task<IActionResult> OnPostPublishAsync(int id, string? returnTo, CancellationToken cancellationToken) =>
        ChangeStatusAsync(id, returnTo, o => o.Publish(Now), "Published “{0}”. It is now in the public catalogue.", cancellationToken);

    public Task<IActionResult> OnPostArchiveAsync(int id, string? returnTo, CancellationToken cancellationToken) =>
        ChangeStatusAsync(id, returnTo, o => o.Archive(), "Archived “{0}”. It is no longer in the public catalogue.", cancellationToken);

    public Task<IActionResult> OnPostDraftAsync(int id, string? returnTo, CancellationToken cancellationToken) =>
        ChangeStatusAsync(id, returnTo, o => o.ReturnToDraft(), "“{0}” is a draft again and hidden from the catalogue.", cancellationToken);

    /// <summary>"Still correct": confirms the offer as it stands, recording who did (ADR 1934); version-checked like every button.</summary>
    public async Task<IActionResult> OnPostReviewedAsync(int id, string? returnTo, CancellationToken cancellationToken) =>
        await ChangeStatusAsync(id, returnTo, await ReviewerAsync(cancellationToken), "Marked “{0}” as reviewed today.", cancellationToken);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Records a review by the signed-in user with their e-mail address as it is now (HSDS <c>assurer_email</c>).</summary>
    private async Task<Action<Offer>> ReviewerAsync(CancellationToken cancellationToken)
    {
        var userId = User.GetUserId();
        var email = userId is null ? null : await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        var now = Now;
        return o => o.MarkReviewed(userId, email, now);
    }

    /// <summary>
    /// A status button: checked against the version the button was shown with, like the form. On a conflict the page
    /// shows the offer as now saved (the status beside the buttons, their values beside the fields) and changes nothing.
    /// </summary>
    private async Task<IActionResult> ChangeStatusAsync(int id, string? returnTo, Action<Offer> change, string message, CancellationToken cancellationToken)
    {
        // The buttons post hidden values only: one that cannot be read is a hand-made request.
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        if (await LoadAsync(id, cancellationToken) is not { } offer)
        {
            return await RefuseAsync(id, cancellationToken);
        }

        var result = await db.SaveVersionedAsync(offer, Status.Version, change, cancellationToken);
        if (result.Outcome == CommandOutcome.Conflict)
        {
            var saved = await ReloadAsync(id, cancellationToken);
            Input = OfferForm.FromOffer(saved);
            await this.ShowActionConflictAsync(SavedVersion.Of(saved), t[DisplayNames.Of(saved.Status)].Value);
            return Page();
        }

        TempData["Message"] = t[message, offer.Name].Value;
        return returnTo == "overview" ? RedirectToPage("/Partner/Index", new { organisation = OrganisationRoute }) : RedirectToPage("/Partner/Offers/Edit", new { id });
    }

    private async Task<Offer?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        var offer = await OfferForm.LoadTrackedAsync(db.Offers.ManageableBy(viewer), id, cancellationToken);
        if (offer is not null)
        {
            Offer = offer;
            OrganisationRoute = PartnerOrganisations.RouteValue(viewer, offer.ProviderId);
            Options = await OfferForm.LoadOptionsAsync(db, offer.ProviderId, offer.ProgrammeId, cancellationToken, offer);
        }

        return offer;
    }

    /// <summary>Another organisation's offer is forbidden; an id that does not exist is not found.</summary>
    private async Task<IActionResult> RefuseAsync(int id, CancellationToken cancellationToken) =>
        await db.Offers.AnyAsync(o => o.Id == id, cancellationToken) ? Forbid() : NotFound();

    /// <summary>Shows the offer as now saved beside what the form held (<paramref name="mine"/>); what was typed stays in the form.</summary>
    private async Task ShowConflictAsync(int id, IReadOnlyDictionary<string, string> mine, CancellationToken cancellationToken)
    {
        var saved = await ReloadAsync(id, cancellationToken);
        await this.ShowConflictAsync(nameof(Input), mine, OfferForm.Describe(OfferForm.FromOffer(saved), Options, await termNames.GetAsync(cancellationToken), t), SavedVersion.Of(saved));
        this.SetVersion(nameof(Status), saved.Version);
    }

    /// <summary>The offer as saved now, for the page after a conflict; the form shows what was posted.</summary>
    private async Task<Offer> ReloadAsync(int id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        Offer = (await OfferForm.LoadTrackedAsync(db.Offers.AsNoTracking(), id, cancellationToken))!;
        return Offer;
    }
}
