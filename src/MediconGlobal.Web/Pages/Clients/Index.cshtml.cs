using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Pages.Clients;

[Authorize(Policy = Policies.Advising)]
public class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<ClientRow> Clients { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Clients = await db.Companies.AsNoTracking()
            .VisibleTo(User.ToViewer())
            .OrderBy(c => c.Name)
            .Select(c => new ClientRow(
                c.Id,
                c.Name,
                c.CountryCode,
                c.Stage != null ? c.Stage.Name : null,
                c.Sector != null ? c.Sector.Name : null,
                c.HomeIncubator != null ? c.HomeIncubator.Name : null,
                c.Needs.Count(n => n.Status == NeedStatus.Open || n.Status == NeedStatus.InProgress || n.Status == NeedStatus.Referred),
                c.IsFictional))
            .ToListAsync(cancellationToken);
    }

    public sealed record ClientRow(int Id, string Name, string Country, string? Stage, string? Sector, string? HomeIncubator, int OpenNeeds, bool IsFictional);
}
