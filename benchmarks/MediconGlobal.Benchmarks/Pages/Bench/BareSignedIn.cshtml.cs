using MediconGlobal.Core.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Benchmarks.Pages.Bench;

/// <summary>
/// The bare page behind sign-in (the portal's fallback policy): its difference from <see cref="BareModel"/> is what
/// authentication costs per request (cookie, claims, and whatever per-request checks the portal adds).
/// </summary>
public class BareSignedInModel(AppDbContext db) : PageModel
{
    public int OfferId { get; private set; }

    public string? Name { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var offer = await db.Offers.AsNoTracking().OrderBy(o => o.Id).Select(o => new { o.Id, o.Name }).FirstOrDefaultAsync(cancellationToken);
        (OfferId, Name) = (offer?.Id ?? 0, offer?.Name);
    }
}
