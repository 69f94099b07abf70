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

/// <summary>A new offer for one's own organisation (administrators: the organisation chosen). It starts as a draft.</summary>
[Authorize(Policy = Policies.PartnerManagement)]
public class CreateModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel, IOfferFormPage
{
    [BindProperty]
    public OfferInput Input { get; set; } = new();

    /// <summary>True when the user pressed "Save and publish".</summary>
    [BindProperty]
    public bool Publish { get; set; }

    public OfferFormOptions Options { get; private set; } = null!;

    public PartnerOrganisation Organisation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "organisation")] int? requested, CancellationToken cancellationToken) =>
        await ResolveAsync(requested, cancellationToken) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync([FromQuery(Name = "organisation")] int? requested, CancellationToken cancellationToken)
    {
        if (!await ResolveAsync(requested, cancellationToken))
        {
            return Forbid();
        }

        if (!this.IsValid(new OfferInputValidator(Options, Options.Programmes.Select(p => p.Id).ToList()).Validate(Input), nameof(Input)))
        {
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var provider = await db.Organisations.SingleAsync(o => o.Id == Organisation.Id, cancellationToken);
        var offer = new Offer(Input.Name!.Trim(), provider, await db.TaxonomyTerms.SingleAsync(t => t.Id == Input.CategoryId, cancellationToken));
        await OfferForm.ApplyAsync(db, offer, Input, cancellationToken);
        offer.MarkReviewed(now);
        if (Publish)
        {
            offer.Publish(now);
        }

        db.Offers.Add(offer);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = Publish ? t["Published “{0}”. It is now in the public catalogue.", offer.Name].Value : t["Saved “{0}” as a draft.", offer.Name].Value;
        return RedirectToPage("/Partner/Offers/Edit", new { id = offer.Id });
    }

    private async Task<bool> ResolveAsync(int? requested, CancellationToken cancellationToken)
    {
        if (await PartnerOrganisations.ResolveAsync(db, User.ToViewer(), requested, cancellationToken) is not { } organisation)
        {
            return false;
        }

        Organisation = organisation;
        Options = await OfferForm.LoadOptionsAsync(db, organisation.Id, null, cancellationToken);
        return true;
    }
}
