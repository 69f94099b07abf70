using MediconGlobal.Core.Data;
using MediconGlobal.Core.Reports.Dashboard;
using MediconGlobal.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MediconGlobal.Web.Pages.Dashboard;

/// <summary>The project managers' overview: offers, needs, referrals and where support falls short.</summary>
[Authorize(Policy = Policies.ProjectManagement)]
public class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public DashboardFigures Figures { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Figures = await DashboardFigures.LoadAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken);
}
