using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Pages.Partner.Corrections;

/// <summary>The organisation's inbox of "report a problem with this listing" messages, open ones first.</summary>
[Authorize(Policy = Policies.PartnerManagement)]
public class IndexModel(AppDbContext db) : PageModel
{
    public PartnerOrganisation Organisation { get; private set; } = null!;

    public IReadOnlyList<CorrectionRow> Requests { get; private set; } = [];

    public int? OrganisationRoute { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "organisation")] int? requested, CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        if (await PartnerOrganisations.ResolveAsync(db, viewer, requested, cancellationToken) is not { } organisation)
        {
            return Forbid();
        }

        Organisation = organisation;
        OrganisationRoute = PartnerOrganisations.RouteValue(viewer, organisation.Id);
        Requests = await db.CorrectionRequests.AsNoTracking().ManageableBy(viewer)
            .Where(c => c.OrganisationId == organisation.Id)
            .OrderBy(c => c.Status != CorrectionStatus.Open).ThenByDescending(c => c.SubmittedAt)
            .Select(c => new CorrectionRow(c.Id, c.OfferId, c.Offer!.Name, c.Message, c.ReporterName, c.SubmittedAt, c.Status, c.Response, c.AnsweredByName, c.AnsweredAt))
            .ToListAsync(cancellationToken);
        return Page();
    }

    public sealed record CorrectionRow(int Id, int OfferId, string Offer, string Message, string? ReporterName, DateTime SubmittedAt, CorrectionStatus Status, string? Response, string? AnsweredBy, DateTime? AnsweredAt);
}
