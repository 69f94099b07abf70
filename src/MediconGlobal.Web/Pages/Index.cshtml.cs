using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Pages;

[AllowAnonymous]
public class IndexModel(AppDbContext db) : PageModel
{
    public int PublishedOffers { get; private set; }

    public int Organisations { get; private set; }

    public int Programmes { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PublishedOffers = await db.Offers.Published().CountAsync(cancellationToken);
        Organisations = await db.Organisations.CountAsync(cancellationToken);
        Programmes = await db.Programmes.CountAsync(cancellationToken);
    }
}
