using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Pages.Partner;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Organisations;

/// <summary>Project managers and administrators add an organisation to the landscape (issue 11, item 3); it starts as "mapped".</summary>
[Authorize(Policy = Policies.ProjectManagement)]
public class NewModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel, IOrganisationFormPage
{
    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    public TermCatalog Terms { get; private set; } = null!;

    public IReadOnlyCollection<int> Kept => [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Terms = await TermCatalog.LoadAsync(db, cancellationToken);
        Input.Contacts.AddRange(Enumerable.Range(0, ProfileModel.BlankContactRows).Select(_ => new ContactInput()));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Terms = await TermCatalog.LoadAsync(db, cancellationToken);
        if (!this.IsValid(new ProfileInputValidator(Terms, Kept).Validate(Input), nameof(Input)))
        {
            return Page();
        }

        var organisation = new Organisation(Input.Name!.Trim(), Input.Type!.Value, Input.CountryCode!.Trim().ToUpperInvariant());
        db.Organisations.Add(organisation);
        await Input.ApplyToAsync(db, organisation, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t["Added {0} to the landscape.", organisation.Name].Value;
        return RedirectToPage("Details", new { id = organisation.Id });
    }
}
