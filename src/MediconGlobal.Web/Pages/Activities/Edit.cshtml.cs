using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Programmes;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Infrastructure.Localisation;
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
public class EditModel(AppDbContext db, IStringLocalizer<SharedResource> t, TermNames termNames) : PageModel, IActivityFormPage
{
    [BindProperty]
    public ActivityInput Input { get; set; } = new();

    public ActivityChoices Choices { get; private set; } = null!;

    public string ProgrammeName { get; private set; } = "";

    public int HiddenCompanies { get; private set; }

    public int Id { get; private set; }

    [BindProperty]
    public string? CompanySearch { get; set; }

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
            var names = await termNames.GetAsync(cancellationToken);
            await this.ShowConflictAsync(nameof(Input), Input.Describe(Choices, names, t), ActivityInput.From(saved, Choices.Companies.Select(c => c.Id).ToHashSet()).Describe(Choices, names, t), SavedVersion.Of(saved));
            return Page();
        }

        if (this.Handle(result) is { } answer)
        {
            return answer;
        }

        if (!result.IsDone)
        {
            return Page();
        }

        TempData["Message"] = t["Saved the activity “{0}”.", Input.Topic!.Trim()].Value;
        return RedirectToPage("Details", new { id });
    }

    /// <summary>
    /// Deletes the activity as loaded at <paramref name="version"/> and goes back to its programme. Changed by
    /// someone else since: the page again with that said, nothing deleted.
    /// </summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, int version, CancellationToken cancellationToken)
    {
        // The button posts only the version it was shown with; one that cannot be read was not sent by this page.
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        if (await LoadAsync(id, cancellationToken) is not { } activity)
        {
            return NotFound();
        }

        var result = await new ActivityRecords(db).DeleteAsync(User.ToViewer(), id, version, cancellationToken);
        if (result.Outcome != CommandOutcome.Done)
        {
            if (this.Handle(result) is { } answer)
            {
                return answer;
            }

            ModelState.AddModelError(string.Empty, t["Someone changed this activity after you opened it. Look at it again before deleting it."].Value);
            Input = ActivityInput.From(activity, Choices.Companies.Select(c => c.Id).ToHashSet());
            return Page();
        }

        TempData["Message"] = t["Deleted the activity “{0}”.", activity.Name].Value;
        return activity.ProgrammeId is { } programmeId ? RedirectToPage("/Programmes/Details", new { id = programmeId }) : RedirectToPage("/Programmes/Index");
    }

    /// <summary>
    /// Shows the form again with the companies whose name or organisation number matches <see cref="CompanySearch"/>
    /// added to the list, keeping everything typed so far; nothing is saved.
    /// </summary>
    public async Task<IActionResult> OnPostFindCompaniesAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) is not null ? Page() : NotFound();

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
        Choices = await ActivityChoices.LoadAsync(db, viewer, activity.Terms.Select(x => x.TermId).ToList(), activity.Participants.Select(p => p.CompanyId).Concat(Input.CompanyIds).ToList(), CompanySearch, cancellationToken);
        var identifiable = Choices.Companies.Select(c => c.Id).ToHashSet();
        HiddenCompanies = activity.Participants.Count(p => !identifiable.Contains(p.CompanyId));
        return activity;
    }
}
