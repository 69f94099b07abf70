using MediconGlobal.Core.Clients;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Pages.Shared;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Clients;

/// <summary>
/// A new client record. Before anything is saved, an existing record with the same organisation number or a
/// very similar name is shown with a link; the advisor then opens it or creates the new one anyway.
/// </summary>
[Authorize(Policy = Policies.Advising)]
public class NewModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel, ICompanyForm
{
    [BindProperty]
    public CompanyInput Input { get; set; } = new();

    public TermOptions Options { get; private set; } = new();

    public IReadOnlyList<SelectListItem> Incubators { get; private set; } = [];

    public IReadOnlyList<PossibleDuplicate> Duplicates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // The suggested purpose is written in the reader's language; what they save stays as written.
        Input.ConsentPurpose = t[CompanyInput.DefaultConsentPurpose].Value;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var viewer = User.ToViewer();
        if (!viewer.SeesEverything && viewer.OrganisationId is null)
        {
            return Forbid();
        }

        var records = new CompanyRecords(db, clock);
        var validation = new CompanyInputValidator(clock.GetUtcNow().UtcDateTime).Validate(Input);
        validation.Errors.AddRange((await records.CheckReferencesAsync(Input.ToProfile(), viewer, cancellationToken)).Errors);
        if (!this.IsValid(validation, nameof(Input)))
        {
            return Page();
        }

        if (!Input.IgnoreDuplicates)
        {
            Duplicates = await CompanyDuplicates.FindAsync(db, viewer, Input.Name, Input.CountryCode, Input.OrganisationNumber, cancellationToken: cancellationToken);
            if (Duplicates.Count > 0)
            {
                return Page();
            }
        }

        var result = await records.CreateAsync(viewer, Input.ToProfile(), Input.ConsentGiven ? Input.ConsentPurpose : null, User.ToActor(), cancellationToken);
        TempData["Message"] = t["{0} is now one of your clients.", Input.Name.Trim()].Value;
        return RedirectToPage("/Clients/Details", new { id = result.Id });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Options = await TermOptions.LoadAsync(db, t, cancellationToken);
        Incubators = await FormSupport.IncubatorChoicesAsync(db, User.ToViewer(), cancellationToken);
    }
}
