using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Pages.MyRequests;

[Authorize(Policy = Policies.Founder)]
public class IndexModel(AppDbContext db) : PageModel
{
    public string CompanyName { get; private set; } = "";

    public IReadOnlyList<RequestRow> Requests { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var company = await db.Companies.AsNoTracking().VisibleTo(User.ToViewer()).Select(c => new { c.Id, c.Name }).FirstOrDefaultAsync(cancellationToken);
        if (company is null)
        {
            return Forbid();
        }

        CompanyName = company.Name;
        Requests = await db.Needs.AsNoTracking()
            .Where(n => n.CompanyId == company.Id)
            .OrderByDescending(n => n.LoggedAt)
            .Select(n => new RequestRow(n.Id, n.Category!.Name, n.Market != null ? n.Market.Name : null, n.Status, n.LoggedAt))
            .ToListAsync(cancellationToken);
        return Page();
    }

    public sealed record RequestRow(int Id, string Category, string? Market, NeedStatus Status, DateTime LoggedAt);
}
