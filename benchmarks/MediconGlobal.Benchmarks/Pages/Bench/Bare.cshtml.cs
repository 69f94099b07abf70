using MediconGlobal.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Benchmarks.Pages.Bench;

/// <summary>
/// The ceiling of the load benchmark: a page of the portal's layout that makes one primary-key query. It exists
/// only in the benchmark host (<see cref="LoadHost"/>), so every other page's throughput is read as a ratio to it.
/// </summary>
[AllowAnonymous]
public class BareModel(AppDbContext db) : PageModel
{
    public int OfferId { get; private set; }

    public string? Name { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // The first offer by primary key: one query that reads one row through the key's index.
        var offer = await db.Offers.AsNoTracking().OrderBy(o => o.Id).Select(o => new { o.Id, o.Name }).FirstOrDefaultAsync(cancellationToken);
        (OfferId, Name) = (offer?.Id ?? 0, offer?.Name);
    }
}
