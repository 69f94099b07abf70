using MediconGlobal.Core.Data;
using MediconGlobal.Core.Programmes;
using MediconGlobal.Core.Security;
using MediconGlobal.Core.Time;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Activities;

/// <summary>
/// Records an activity of a programme (issue 17 item 1): project managers for any programme, partner staff for
/// their organisation's programmes; any other programme is 404.
/// </summary>
[Authorize(Policy = Policies.Activities)]
public class NewModel(AppDbContext db, DisplayTime time, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel, IActivityFormPage
{
    [BindProperty]
    public ActivityInput Input { get; set; } = new();

    public ActivityChoices Choices { get; private set; } = null!;

    public string ProgrammeName { get; private set; } = "";

    public int ProgrammeId { get; private set; }

    public int HiddenCompanies => 0;

    [BindProperty]
    public string? CompanySearch { get; set; }

    public async Task<IActionResult> OnGetAsync(int programmeId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(programmeId, cancellationToken))
        {
            return NotFound();
        }

        Input = new ActivityInput { Date = time.Today(clock) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int programmeId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(programmeId, cancellationToken))
        {
            return NotFound();
        }

        if (!this.IsValid(new ActivityInputValidator(Choices).Validate(Input), nameof(Input)))
        {
            return Page();
        }

        var result = await new ActivityRecords(db).RecordAsync(User.ToViewer(), programmeId, Input.ToChange(), cancellationToken);
        if (this.Handle(result) is { } answer)
        {
            return answer;
        }

        if (!result.IsDone)
        {
            return Page();
        }

        TempData["Message"] = t["Recorded the activity “{0}”.", Input.Topic!.Trim()].Value;
        return RedirectToPage("Details", new { id = result.Id });
    }

    /// <summary>
    /// Shows the form again with the companies whose name or organisation number matches <see cref="CompanySearch"/>
    /// added to the list, keeping everything typed so far; nothing is saved.
    /// </summary>
    public async Task<IActionResult> OnPostFindCompaniesAsync(int programmeId, CancellationToken cancellationToken) =>
        await LoadAsync(programmeId, cancellationToken) ? Page() : NotFound();

    private async Task<bool> LoadAsync(int programmeId, CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        var programme = await db.Programmes.AsNoTracking().ActivitiesRecordableBy(viewer).Where(p => p.Id == programmeId)
            .Select(p => new { p.Id, p.Name }).FirstOrDefaultAsync(cancellationToken);
        if (programme is null)
        {
            return false;
        }

        (ProgrammeId, ProgrammeName) = (programme.Id, programme.Name);
        Choices = await ActivityChoices.LoadAsync(db, viewer, [], Input.CompanyIds, CompanySearch, cancellationToken);
        return true;
    }
}
