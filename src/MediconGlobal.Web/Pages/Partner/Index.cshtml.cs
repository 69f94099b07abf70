using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Pages.Partner;

[Authorize(Policy = Policies.PartnerManagement)]
public class IndexModel(AppDbContext db) : PageModel
{
    public string OrganisationName { get; private set; } = "";

    public IReadOnlyList<OfferRow> Offers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.GetOrganisationId() is not { } organisationId)
        {
            return Forbid();
        }

        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken);
        if (organisation is null)
        {
            return NotFound();
        }

        OrganisationName = organisation;
        Offers = await db.Offers.AsNoTracking()
            .Where(o => o.ProviderId == organisationId)
            .OrderBy(o => o.Name)
            .Select(o => new OfferRow(o.Id, o.Name, o.Status, o.LastReviewedAt))
            .ToListAsync(cancellationToken);
        return Page();
    }

    public sealed record OfferRow(int Id, string Name, OfferStatus Status, DateTime LastReviewedAt);
}
