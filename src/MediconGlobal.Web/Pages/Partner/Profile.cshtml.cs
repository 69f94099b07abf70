using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Infrastructure.Localisation;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Partner;

/// <summary>Edit one's own organisation's profile (administrators: any organisation's), checked against the version the form showed (docs/decisions/1050).</summary>
[Authorize(Policy = Policies.PartnerManagement)]
public class ProfileModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel, IOrganisationFormPage
{
    public const int BlankContactRows = 2;

    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    public Organisation Organisation { get; private set; } = null!;

    public TermCatalog Terms { get; private set; } = null!;

    public IReadOnlyCollection<int> Kept { get; private set; } = [];

    public int? OrganisationRoute { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "organisation")] int? requested, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(requested, cancellationToken))
        {
            return Forbid();
        }

        Input = ProfileInput.From(Organisation);
        Input.Contacts.AddRange(Enumerable.Range(0, BlankContactRows).Select(_ => new ContactInput()));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromQuery(Name = "organisation")] int? requested, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(requested, cancellationToken))
        {
            return Forbid();
        }

        if (!this.IsValid(new ProfileInputValidator(Terms, Kept).Validate(Input), nameof(Input)))
        {
            return Page();
        }

        var result = await db.SaveVersionedAsync(Organisation, Input.Version, o => Input.ApplyToAsync(db, o, cancellationToken), cancellationToken);
        if (result.Outcome == CommandOutcome.Conflict)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(requested, cancellationToken);
            var names = new PageTerms(Terms, System.Globalization.CultureInfo.CurrentUICulture);
            await this.ShowConflictAsync(nameof(Input), Input.Describe(names), ProfileInput.From(Organisation).Describe(names), SavedVersion.Of(Organisation));
            return Page();
        }

        TempData["Message"] = t["Saved the profile of {0}.", Organisation.Name].Value;
        return RedirectToPage("/Partner/Profile", new { organisation = OrganisationRoute });
    }

    private async Task<bool> LoadAsync(int? requested, CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        if ((requested ?? viewer.OrganisationId) is not { } id)
        {
            return false;
        }

        var organisation = await db.Organisations.ManageableBy(viewer)
            .Include(o => o.Terms).ThenInclude(x => x.Term).Include(o => o.Contacts)
            .FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null)
        {
            return false;
        }

        Organisation = organisation;
        Terms = await TermCatalog.LoadAsync(db, cancellationToken);
        Kept = ProfileInput.KeptOf(organisation, Terms);
        OrganisationRoute = PartnerOrganisations.RouteValue(viewer, id);
        return true;
    }
}
