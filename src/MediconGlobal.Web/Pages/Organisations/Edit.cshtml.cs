using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Infrastructure.Localisation;
using MediconGlobal.Web.Pages.Partner;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Organisations;

/// <summary>
/// Project managers and administrators edit any organisation (issue 11, item 3) with the profile form partner
/// staff use for their own. A save against an older version is refused and the form keeps what was typed.
/// </summary>
[Authorize(Policy = Policies.ProjectManagement)]
public class EditModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel, IOrganisationFormPage
{
    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    public Organisation Organisation { get; private set; } = null!;

    public TermCatalog Terms { get; private set; } = null!;

    public IReadOnlyCollection<int> Kept { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = ProfileInput.From(Organisation);
        Input.Contacts.AddRange(Enumerable.Range(0, ProfileModel.BlankContactRows).Select(_ => new ContactInput()));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!this.IsValid(new ProfileInputValidator(Terms, Kept).Validate(Input), nameof(Input)))
        {
            return Page();
        }

        var result = await db.SaveVersionedAsync(Organisation, Input.Version, o => Input.ApplyToAsync(db, o, cancellationToken), cancellationToken);
        if (result.Outcome == CommandOutcome.Conflict)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            var names = new PageTerms(Terms, System.Globalization.CultureInfo.CurrentUICulture);
            await this.ShowConflictAsync(nameof(Input), Input.Describe(names), ProfileInput.From(Organisation).Describe(names), SavedVersion.Of(Organisation));
            return Page();
        }

        TempData["Message"] = t["Saved {0}.", Organisation.Name].Value;
        return RedirectToPage("Details", new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.Include(o => o.Terms).ThenInclude(x => x.Term).Include(o => o.Contacts)
            .FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null)
        {
            return false;
        }

        Organisation = organisation;
        Terms = await TermCatalog.LoadAsync(db, cancellationToken);
        Kept = ProfileInput.KeptOf(organisation, Terms);
        return true;
    }
}
