using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Programmes;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Activities;

/// <summary>
/// Edits an activity (issue 17 item 1) with the one versioned save and conflict behaviour (ADR 1050). Partner
/// staff reach only their organisation's programmes' activities (<see cref="DataScopes.EditableBy"/>); any other
/// activity is 404.
/// </summary>
[Authorize(Policy = Policies.Activities)]
public class EditModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel, IActivityFormPage
{
    [BindProperty]
    public ActivityInput Input { get; set; } = new();

    public ActivityChoices Choices { get; private set; } = null!;

    public string ProgrammeName { get; private set; } = "";

    public int HiddenCompanies { get; private set; }

    public int Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } activity)
        {
            return NotFound();
        }

        Input = ActivityInput.From(activity, Choices.Companies.Select(c => c.Id).ToHashSet());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        if (!this.IsValid(new ActivityInputValidator(Choices).Validate(Input), nameof(Input)))
        {
            return Page();
        }

        var result = await new ActivityRecords(db).UpdateAsync(User.ToViewer(), id, Input.Version, Input.ToChange(), cancellationToken);
        if (result.Outcome == CommandOutcome.Conflict)
        {
            db.ChangeTracker.Clear();
            var saved = (await LoadAsync(id, cancellationToken))!;
            this.ShowConflict(nameof(Input), Input.Describe(Choices), ActivityInput.From(saved, Choices.Companies.Select(c => c.Id).ToHashSet()).Describe(Choices), SavedVersion.Of(saved));
            return Page();
        }

        if (this.Handle(result) is { } answer)
        {
            return answer;
        }

        TempData["Message"] = t["Saved the activity “{0}”.", Input.Topic!.Trim()].Value;
        return RedirectToPage("Details", new { id });
    }

    private async Task<Activity?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        var activity = await db.Activities.AsNoTracking().EditableBy(viewer)
            .Include(a => a.Programme).Include(a => a.Participants).Include(a => a.Organisations).Include(a => a.Terms).ThenInclude(x => x.Term)
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (activity is null)
        {
            return null;
        }

        Id = id;
        ProgrammeName = activity.Programme?.Name ?? "";
        Choices = await ActivityChoices.LoadAsync(db, viewer, activity.Terms.Select(x => x.TermId).ToList(), cancellationToken);
        var identifiable = Choices.Companies.Select(c => c.Id).ToHashSet();
        HiddenCompanies = activity.Participants.Count(p => !identifiable.Contains(p.CompanyId));
        return activity;
    }
}
