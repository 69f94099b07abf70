using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Pages.SavedSearches;

/// <summary>
/// The unsubscribe link of an alert e-mail (RFC 8058, ADR 1760). It works without signing in: the token in the link is
/// the saved search's unguessable secret. GET only shows the page (link scanners and previews fetch links, and must
/// not unsubscribe anyone); the button — or the mail client's one-click POST with the body
/// <c>List-Unsubscribe=One-Click</c>, which carries no antiforgery token — turns the alerts off. An unknown token is
/// 404 and changes nothing; unsubscribing twice is the same as once.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public class UnsubscribeModel(AppDbContext db) : PageModel
{
    public string Token { get; private set; } = "";

    public string SearchName { get; private set; } = "";

    public bool AlertsOn { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken cancellationToken)
    {
        var search = await FindAsync(token, cancellationToken);
        if (search is null)
        {
            return NotFound();
        }

        (Token, SearchName, AlertsOn) = (search.UnsubscribeToken, search.Name, search.Frequency != AlertFrequency.Off);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? token, CancellationToken cancellationToken)
    {
        var search = await FindAsync(token, cancellationToken);
        if (search is null)
        {
            return NotFound();
        }

        // No version check: whatever the founder changed meanwhile, "stop the e-mails" is what they ask for now.
        search.Unsubscribe();
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/SavedSearches/Unsubscribe", new { token = search.UnsubscribeToken });
    }

    private Task<SavedSearch?> FindAsync(string? token, CancellationToken cancellationToken) =>
        token is { Length: SavedSearch.TokenLength }
            ? db.SavedSearches.FirstOrDefaultAsync(s => s.UnsubscribeToken == token, cancellationToken)
            : Task.FromResult<SavedSearch?>(null);
}
