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
/// Saving a catalogue search or guided-path answer set (issue 17 item 2): the search comes from the page's "Save this
/// search" link (<c>?kind=Catalogue&amp;criteria=…</c>); the founder names it and chooses the alerts. Visitors are
/// sent to sign in first (the policy), staff get 403.
/// </summary>
[Authorize(Policy = Policies.Founder)]
public class NewModel(AppDbContext db, TimeProvider clock, TermNames termNames, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public NewSavedSearchInput Input { get; set; } = new();

    public SavedSearchSummary Summary { get; private set; } = null!;

    public async Task OnGetAsync(SavedSearchKind kind, string? criteria, CancellationToken cancellationToken)
    {
        Input.Kind = Enum.IsDefined(kind) ? kind : SavedSearchKind.Catalogue;
        Input.Criteria = SavedSearchCriteria.Normalise(Input.Kind, criteria);
        await LoadAsync(cancellationToken);
        Input.Name = SuggestedName(await termNames.GetAsync(cancellationToken));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        if (this.IsValid(new NewSavedSearchInputValidator().Validate(Input), nameof(Input)))
        {
            if (await db.SavedSearches.VisibleTo(viewer).CountAsync(cancellationToken) >= SavedSearch.MaxPerAccount)
            {
                ModelState.AddModelError(string.Empty, t["You can keep up to {0} saved searches. Delete one you no longer need first.", SavedSearch.MaxPerAccount].Value);
            }
            else
            {
                var criteria = SavedSearchCriteria.Normalise(Input.Kind, Input.Criteria);
                db.SavedSearches.Add(new SavedSearch(viewer.UserId!, Input.Name!, Input.Kind, criteria, Input.Frequency, clock.GetUtcNow().UtcDateTime));
                await db.SaveChangesAsync(cancellationToken);
                TempData["Message"] = (Input.Frequency == AlertFrequency.Off
                    ? t["Your search “{0}” is saved.", Input.Name!.Trim()]
                    : t["Your search “{0}” is saved. We will e-mail you when a new or changed offer matches it.", Input.Name!.Trim()]).Value;
                return RedirectToPage("/SavedSearches/Index");
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Summary = SavedSearchSummary.Of(Enum.IsDefined(Input.Kind) ? Input.Kind : SavedSearchKind.Catalogue, SavedSearchCriteria.Normalise(Input.Kind, Input.Criteria), (await termNames.CatalogueAsync(cancellationToken)).Options);

    /// <summary>The words and filters, as the founder reads them, cut to the name's length.</summary>
    private string SuggestedName(PageTerms terms)
    {
        var parts = (Summary.Words is null ? [] : new[] { Summary.Words }).Concat(Summary.Filters.Select(f => terms.Of(f.Facet, f.Code, f.Label, t))).ToList();
        var name = parts.Count == 0 ? t["Every offer"].Value : string.Join(", ", parts);
        return name.Length <= SavedSearch.NameLength ? name : name[..(SavedSearch.NameLength - 1)] + "…";
    }
}
