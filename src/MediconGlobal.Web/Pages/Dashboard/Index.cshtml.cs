using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Reports.Dashboard;
using MediconGlobal.Core.Reports.Gaps;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure.Localisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MediconGlobal.Web.Pages.Dashboard;

/// <summary>The project managers' overview: offers, needs, referrals and where support falls short.</summary>
[Authorize(Policy = Policies.ProjectManagement)]
public class IndexModel(AppDbContext db, TimeProvider clock, NeedFactsCache needFacts, ReferralFunnelCache funnel, TermNames termNames) : PageModel
{
    public DashboardFigures Figures { get; private set; } = null!;

    /// <summary>The referral funnel's category filter (a support category's id), empty for all.</summary>
    [BindProperty(SupportsGet = true)]
    public int? FunnelCategory { get; set; }

    /// <summary>The referral funnel's filter on the company's region.</summary>
    [BindProperty(SupportsGet = true)]
    public int? FunnelRegion { get; set; }

    /// <summary>The referral funnel's filter on the receiving organisation.</summary>
    [BindProperty(SupportsGet = true)]
    public int? FunnelOrganisation { get; set; }

    /// <summary>The referral funnel (issue 19 item 8, ADR 1778).</summary>
    public ReferralFunnelSection Funnel { get; private set; } = null!;

    /// <summary>When the figures come from kept models older than the data, being rebuilt: when those were built (ADR 1210).</summary>
    public ReadModelAge Age { get; } = new();

    /// <summary>The oldest problem reports left unanswered for 14 days (issue 17 item 4), and how many there are.</summary>
    public (IReadOnlyList<OverdueProblemReport> Oldest, int Count) OverdueReports { get; private set; } = ([], 0);

    /// <summary>Each organisation's share of referrals answered within its response promise (issue 19 item 1).</summary>
    public IReadOnlyList<PromiseKept> PromisesKept { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Figures = await DashboardFigures.LoadAsync(db, now, needFacts, Age, cancellationToken);
        PromisesKept = await PromiseKeeping.LoadAsync(db, needFacts, Age, cancellationToken);
        OverdueReports = await ProblemReports.OverdueAsync(db, now, cancellationToken: cancellationToken);
        var catalogue = await termNames.CatalogueAsync(cancellationToken);
        Funnel = await ReferralFunnelSection.LoadAsync(db, funnel, catalogue.Terms, new FunnelFilter(FunnelCategory, FunnelRegion, FunnelOrganisation), Age, cancellationToken);
    }
}
