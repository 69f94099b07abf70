using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Programmes;

/// <summary>Project managers (and administrators) record a programme with its partners, funding and indicators (issue 11, item 3).</summary>
[Authorize(Policy = Policies.ProjectManagement)]
public class NewModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel, IProgrammeFormPage
{
    [BindProperty]
    public ProgrammeInput Input { get; set; } = new();

    public IReadOnlyList<(int Id, string Name)> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Organisations = await ProgrammeForm.OrganisationsAsync(db, cancellationToken);
        Input = new ProgrammeInput { Status = ProgrammeStatus.Planned }.WithBlankRows();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Organisations = await ProgrammeForm.OrganisationsAsync(db, cancellationToken);
        if (!ProgrammeForm.Validate(Input, Organisations, null, ModelState))
        {
            return Page();
        }

        var lead = await db.Organisations.FindAsync([Input.LeadOrganisationId!.Value], cancellationToken);
        var programme = new Programme(Input.Name!.Trim(), lead!);
        Input.ApplyTo(programme);
        db.Programmes.Add(programme);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t["Added the programme “{0}”.", programme.Name].Value;
        return RedirectToPage("Details", new { id = programme.Id });
    }
}
