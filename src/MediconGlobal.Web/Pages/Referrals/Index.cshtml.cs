using MediconGlobal.Core.Data;
using MediconGlobal.Core.Referrals;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MediconGlobal.Web.Pages.Referrals;

/// <summary>
/// Partner staff: the inbox of referrals sent to their organisation. Advisors: the referrals of their
/// organisation's clients. Project managers and administrators: all. Overdue ones come first.
/// </summary>
[Authorize(Policy = Policies.Referrals)]
public class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ReferralFocus Focus { get; set; } = ReferralFocus.Open;

    public IReadOnlyList<ReferralRow> Referrals { get; private set; } = [];

    public bool IsInbox { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        IsInbox = viewer.IsInRole(Roles.PartnerStaff) && !viewer.IsInRole(Roles.Advisor);
        Referrals = await ReferralQueries.ListAsync(db, viewer, Focus, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }

    public static string FocusLabel(ReferralFocus focus) => focus switch
    {
        ReferralFocus.Open => "Open (waiting or accepted)", // l10n
        ReferralFocus.WaitingForAnswer => "Waiting for an answer", // l10n
        ReferralFocus.Overdue => "Overdue (no answer within the promised time)", // l10n
        ReferralFocus.Accepted => "Accepted, not completed", // l10n
        ReferralFocus.Closed => "Declined or completed", // l10n
        _ => "All", // l10n
    };
}
