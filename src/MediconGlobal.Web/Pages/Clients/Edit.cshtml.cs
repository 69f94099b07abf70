using MediconGlobal.Core.Clients;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Pages.Shared;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Clients;

/// <summary>
/// Edits a client's profile. The version the advisor saw guards against overwriting a colleague's change; on a
/// conflict the form keeps what the advisor typed and shows the colleague's saved values beside it (docs/decisions/1050).
/// </summary>
[Authorize(Policy = Policies.Advising)]
public class EditModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel, ICompanyForm
{
    [BindProperty]
    public CompanyInput Input { get; set; } = new();

    public TermOptions Options { get; private set; } = new();

    public IReadOnlyList<SelectListItem> Incubators { get; private set; } = [];

    public int Id { get; private set; }

    public string CompanyName { get; private set; } = "";

    /// <summary>Other records the edited name or organisation number probably duplicates; the form shows them before saving.</summary>
    public IReadOnlyList<PossibleDuplicate> Duplicates { get; private set; } = [];

    private string? _savedNumber;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, replaceInput: true, cancellationToken))
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, replaceInput: false, cancellationToken))
        {
            return NotFound();
        }

        var viewer = User.ToViewer();
        var records = new CompanyRecords(db, clock);
        var validation = new CompanyInputValidator(clock.GetUtcNow().UtcDateTime).Validate(Input);
        validation.Errors.AddRange((await records.CheckReferencesAsync(Input.ToProfile(), viewer, cancellationToken)).Errors);
        if (!this.IsValid(validation, nameof(Input)))
        {
            return Page();
        }

        if (!Input.IgnoreDuplicates && (Input.Name.Trim() != CompanyName || OrganisationNumber.Normalize(Input.OrganisationNumber) != OrganisationNumber.Normalize(_savedNumber)))
        {
            Duplicates = await CompanyDuplicates.FindAsync(db, viewer, Input.Name, Input.CountryCode, Input.OrganisationNumber, exceptId: id, cancellationToken);
            if (Duplicates.Count > 0)
            {
                return Page();
            }
        }

        var result = await records.UpdateAsync(viewer, id, Input.Version, Input.ToProfile(), cancellationToken);
        if (this.Handle(result) is { } failure)
        {
            return failure;
        }

        if (result.Outcome == CommandOutcome.Conflict)
        {
            db.ChangeTracker.Clear();
            var saved = await db.Companies.AsNoTracking().Include(c => c.Terms).SingleAsync(c => c.Id == id, cancellationToken);
            await this.ShowConflictAsync(nameof(Input), Input.Describe(Options, Incubators, t), CompanyInput.From(saved).Describe(Options, Incubators, t), SavedVersion.Of(saved));
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        TempData["Message"] = t["The client's profile is saved."].Value;
        return RedirectToPage("/Clients/Details", new { id });
    }

    private async Task<bool> LoadAsync(int id, bool replaceInput, CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        var company = await db.Companies.AsNoTracking().VisibleTo(viewer).Include(c => c.Terms).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (company is null)
        {
            return false;
        }

        Id = id;
        CompanyName = company.Name;
        _savedNumber = company.OrganisationNumber;
        if (replaceInput)
        {
            Input = CompanyInput.From(company);
        }

        Options = await TermOptions.LoadAsync(db, t, cancellationToken, company.Terms.Select(t => (int?)t.TermId).Concat([company.RegionId, company.SectorId, company.StageId]));
        Incubators = await FormSupport.IncubatorChoicesAsync(db, viewer, cancellationToken);
        return true;
    }
}
