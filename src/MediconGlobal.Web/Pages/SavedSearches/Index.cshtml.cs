using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Notifications;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Infrastructure.Localisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Pages.SavedSearches;

/// <summary>
/// A founder's saved searches and their alerts, in "Your account" (issue 17 item 2, ADR 1760): each opens its search
/// again, and can be renamed, given another alert frequency or deleted. Only the owner's searches are loaded.
/// </summary>
[Authorize(Policy = Policies.Founder)]
public class IndexModel(AppDbContext db, TermNames termNames) : PageModel
{
    public IReadOnlyList<SavedSearchRow> Searches { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var saved = await db.SavedSearches.AsNoTracking().VisibleTo(User.ToViewer())
            .OrderByDescending(s => s.SavedAt).ThenByDescending(s => s.Id)
            .Select(s => new { s.Id, s.Name, s.Kind, s.Criteria, s.Frequency, s.SavedAt })
            .ToListAsync(cancellationToken);
        var options = saved.Count == 0 ? null : (await termNames.CatalogueAsync(cancellationToken)).Options;
        Searches = saved.Select(s => new SavedSearchRow(s.Id, s.Name, s.Kind, SavedSearchPages.PathOf(Url, s.Kind, s.Criteria), s.Frequency, s.SavedAt, SavedSearchSummary.Of(s.Kind, s.Criteria, options!))).ToList();
    }
}
