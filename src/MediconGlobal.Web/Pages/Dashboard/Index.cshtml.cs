using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Pages.Dashboard;

[Authorize(Policy = Policies.ProjectManagement)]
public class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public int PublishedOffers { get; private set; }

    public int StaleOffers { get; private set; }

    public int OpenNeeds { get; private set; }

    public int UnmetNeeds { get; private set; }

    public int WaitingReferrals { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var staleBefore = clock.GetUtcNow().UtcDateTime - Offer.StaleAfter;
        PublishedOffers = await db.Offers.CountAsync(o => o.Status == OfferStatus.Published, cancellationToken);
        StaleOffers = await db.Offers.CountAsync(o => o.Status == OfferStatus.Published && o.LastReviewedAt < staleBefore, cancellationToken);
        OpenNeeds = await db.Needs.CountAsync(n => n.Status == NeedStatus.Open || n.Status == NeedStatus.InProgress || n.Status == NeedStatus.Referred, cancellationToken);
        UnmetNeeds = await db.Needs.CountAsync(n => n.Status == NeedStatus.Unmet, cancellationToken);
        WaitingReferrals = await db.Referrals.CountAsync(r => r.Status == ReferralStatus.Sent, cancellationToken);
    }
}
