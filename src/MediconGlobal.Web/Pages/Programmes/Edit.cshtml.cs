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

namespace MediconGlobal.Web.Pages.Programmes;

/// <summary>
/// Project managers edit a programme: partners and roles, funding, dates, status and result indicators (issue 11,
/// item 3). A save against an older version is refused, even when only partners or indicators changed, with the
/// one conflict behaviour (docs/decisions/1050).
/// </summary>
[Authorize(Policy = Policies.ProjectManagement)]
public class EditModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel, IProgrammeFormPage
{
    [BindProperty]
    public ProgrammeInput Input { get; set; } = new();

    public IReadOnlyList<(int Id, string Name)> Organisations { get; private set; } = [];

    public Programme Programme { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = ProgrammeInput.From(Programme).WithBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!ProgrammeForm.Validate(Input, Organisations, Programme, ModelState))
        {
            return Page();
        }

        var result = await db.SaveVersionedAsync(Programme, Input.Version, Input.ApplyTo, cancellationToken);
        if (result.Outcome == CommandOutcome.Conflict)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            await this.ShowConflictAsync(nameof(Input), Input.Describe(Organisations, t), ProgrammeInput.From(Programme).Describe(Organisations, t), SavedVersion.Of(Programme));
            return Page();
        }

        if (this.Handle(result) is { } answer)
        {
            return answer;
        }

        if (!result.IsDone)
        {
            // Refused by a rule of the programme: its message is on the form; what was applied is not saved.
            db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        TempData["Message"] = t["Saved the programme “{0}”.", Programme.Name].Value;
        return RedirectToPage("Details", new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.Include(p => p.Partners).ThenInclude(p => p.Organisation).Include(p => p.Indicators)
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (programme is null)
        {
            return false;
        }

        Programme = programme;
        Organisations = await ProgrammeForm.OrganisationsAsync(db, cancellationToken);
        return true;
    }
}
