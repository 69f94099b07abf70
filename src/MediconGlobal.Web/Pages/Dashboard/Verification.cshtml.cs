using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Core.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Pages.Dashboard;

/// <summary>
/// For project managers (issue 19 item 5, ADR 1934): the published offers that lapsed from verification (out of
/// matching and suggestions until their provider confirms them) and those whose provider was asked and has not yet
/// answered, each with its provider and last review.
/// </summary>
[Authorize(Policy = Policies.ProjectManagement)]
public class VerificationModel(AppDbContext db, TimeProvider clock, DisplayTime time) : PageModel
{
    /// <summary>Offers that need verification today: not in the catalogue or suggestions.</summary>
    public IReadOnlyList<Row> Lapsed { get; private set; } = [];

    /// <summary>Offers whose provider was asked to confirm them and that have not lapsed yet.</summary>
    public IReadOnlyList<Row> Asked { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var day = OfferDay.Today(clock, time);
        var rows = await db.Offers.AsNoTracking().Where(Offer.DueOn(day))
            .OrderBy(o => o.LastReviewedAt).ThenBy(o => o.Id)
            .Select(o => new Row(o.Id, o.Name, o.ProviderId, o.Provider!.Name, o.LastReviewedAt, o.LastReviewedByEmail, o.VerificationRequestedAt))
            .ToListAsync(cancellationToken);
        Lapsed = rows.Where(r => OfferVerification.HasLapsed(r.LastReviewedAt, day)).ToList();
        Asked = rows.Where(r => !OfferVerification.HasLapsed(r.LastReviewedAt, day)).ToList();
    }

    /// <summary>One offer of the lists.</summary>
    public sealed record Row(int Id, string Name, int ProviderId, string Provider, DateTime LastReviewedAt, string? ReviewedBy, DateTime? AskedAt);
}
