using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Notifications;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Infrastructure.Localisation;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.SavedSearches;

/// <summary>
/// A founder renames one of their saved searches, changes its alerts or deletes it (issue 17 item 2). Another
/// account's search is not found (404): the query is scoped to the owner (<see cref="DataScopes"/>).
/// </summary>
[Authorize(Policy = Policies.Founder)]
public class EditModel(AppDbContext db, TimeProvider clock, TermNames termNames, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public SavedSearchInput Input { get; set; } = new();

    public SavedSearchRow Search { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } saved)
        {
            return NotFound();
        }

        Input = new SavedSearchInput { Name = saved.Name, Frequency = saved.Frequency, Version = saved.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var search = await db.SavedSearches.VisibleTo(User.ToViewer()).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (search is null)
        {
            return NotFound();
        }

        if (this.IsValid(new SavedSearchInputValidator().Validate(Input), nameof(Input)))
        {
            var result = await db.SaveVersionedAsync(search, Input.Version, s =>
            {
                s.Rename(Input.Name!);
                s.ChangeFrequency(Input.Frequency, clock.GetUtcNow().UtcDateTime);
            }, cancellationToken);
            if (this.Handle(result) is { } failure)
            {
                return failure;
            }

            if (result.IsDone)
            {
                TempData["Message"] = t["Your saved search “{0}” is changed.", search.Name].Value;
                return RedirectToPage("/SavedSearches/Index");
            }

            if (result.Outcome == CommandOutcome.Conflict)
            {
                db.ChangeTracker.Clear();
                if (await LoadAsync(id, cancellationToken) is not { } saved)
                {
                    return NotFound();
                }

                await this.ShowConflictAsync(nameof(Input), Fields(Input.Name, Input.Frequency), Fields(saved.Name, saved.Frequency), await SavedVersion.LoadAsync(db.SavedSearches, id, cancellationToken) with { By = null });
                return Page();
            }
        }

        db.ChangeTracker.Clear();
        return await LoadAsync(id, cancellationToken) is null ? NotFound() : Page();
    }

    /// <summary>Deletes the search and the record of its alerts; nothing more is e-mailed for it.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var search = await db.SavedSearches.VisibleTo(User.ToViewer()).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (search is null)
        {
            return NotFound();
        }

        db.SavedSearches.Remove(search);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t["Your saved search “{0}” is deleted.", search.Name].Value;
        return RedirectToPage("/SavedSearches/Index");
    }

    private Dictionary<string, string> Fields(string? name, AlertFrequency frequency) => new()
    {
        [nameof(SavedSearchInput.Name)] = name ?? "",
        [nameof(SavedSearchInput.Frequency)] = t[SavedSearchLabels.Short(frequency)].Value,
    };

    private async Task<(string Name, AlertFrequency Frequency, int Version)?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var saved = await db.SavedSearches.AsNoTracking().VisibleTo(User.ToViewer()).Where(s => s.Id == id)
            .Select(s => new { s.Id, s.Name, s.Kind, s.Criteria, s.Frequency, s.SavedAt, s.Version })
            .FirstOrDefaultAsync(cancellationToken);
        if (saved is null)
        {
            return null;
        }

        var options = (await termNames.CatalogueAsync(cancellationToken)).Options;
        Search = new SavedSearchRow(saved.Id, saved.Name, saved.Kind, SavedSearchPages.PathOf(Url, saved.Kind, saved.Criteria), saved.Frequency, saved.SavedAt, SavedSearchSummary.Of(saved.Kind, saved.Criteria, options));
        return (saved.Name, saved.Frequency, saved.Version);
    }
}
