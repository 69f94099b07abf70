using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Benchmarks.Pages.Bench;

/// <summary>
/// <c>POST /bench/change?what=offer|need|referral</c>, only in the benchmark host: makes one ordinary change
/// through the entities and the save interceptor (an offer reviewed, a need's status moved, a referral sent), so
/// the load script can time the first request of a page after a change, when its read model is built again.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public class ChangeModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnPostAsync(string? what, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        switch (what)
        {
            case "offer":
                var offer = await db.Offers.Where(o => o.Status == OfferStatus.Published).OrderBy(o => o.Id).FirstAsync(cancellationToken);
                offer.MarkReviewed(now);
                break;
            case "need":
                var need = await db.Needs.Where(n => n.Status == NeedStatus.Open || n.Status == NeedStatus.InProgress).OrderBy(n => n.Id).FirstAsync(cancellationToken);
                if (need.Status == NeedStatus.Open)
                {
                    need.StartWork(new Actor("bench", "Bench"), now);
                }
                else
                {
                    need.Reopen("bench", new Actor("bench", "Bench"), now);
                }

                break;
            case "referral":
                var referred = await db.Needs.Include(n => n.Referrals).Where(n => n.Status == NeedStatus.Open || n.Status == NeedStatus.InProgress).OrderByDescending(n => n.Id).FirstAsync(cancellationToken);
                var receiver = await db.Organisations.OrderBy(o => o.Id).FirstAsync(cancellationToken);
                referred.Refer(receiver, null, "bench", new Actor("bench", "Bench"), now);
                break;
            default:
                return BadRequest("what=offer|need|referral");
        }

        await db.SaveChangesAsync(cancellationToken);
        return Content($"changed one {what}");
    }
}
