using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Pages.Partner;

/// <summary>
/// Partner staff's home: their organisation's offers (with status, review date and quick actions) and the
/// correction requests waiting for an answer. Administrators first choose an organisation.
/// </summary>
[Authorize(Policy = Policies.PartnerManagement)]
public class IndexModel(AppDbContext db, TimeProvider clock, MediconGlobal.Core.Time.DisplayTime time) : PageModel
{
    public PartnerOrganisation? Organisation { get; private set; }

    public IReadOnlyList<OfferRow> Offers { get; private set; } = [];

    public int OpenCorrections { get; private set; }

    /// <summary>For administrators without a chosen organisation: every organisation to pick from.</summary>
    public IReadOnlyList<OrganisationRow> Choices { get; private set; } = [];

    public int? OrganisationRoute { get; private set; }

    public DateTime Now { get; private set; }

    /// <summary>Today in the display zone, for the offers' verification and closing (ADR 1934).</summary>
    public OfferDay Today { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "organisation")] int? requested, CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        if (viewer.ManagesEverything() && requested is null)
        {
            Choices = await db.Organisations.AsNoTracking().OrderByName(o => o.Name, db)
                .Select(o => new OrganisationRow(o.Id, o.Name, o.Offers.Count, db.CorrectionRequests.Count(c => c.OrganisationId == o.Id && c.Status == CorrectionStatus.Open)))
                .ToListAsync(cancellationToken);
            return Page();
        }

        Organisation = await PartnerOrganisations.ResolveAsync(db, viewer, requested, cancellationToken);
        if (Organisation is null)
        {
            return Forbid();
        }

        Now = clock.GetUtcNow().UtcDateTime;
        Today = OfferDay.Today(clock, time);
        OrganisationRoute = PartnerOrganisations.RouteValue(viewer, Organisation.Id);
        Offers = await db.Offers.AsNoTracking().ManageableBy(viewer)
            .Where(o => o.ProviderId == Organisation.Id)
            .OrderBy(o => o.Status).ThenByName(o => o.Name, db)
            .Select(o => new OfferRow(o.Id, o.Name, o.Status, o.LastReviewedAt, o.Category!.Name, o.Version, o.ApplicationDeadline, o.EndsOn))
            .ToListAsync(cancellationToken);
        OpenCorrections = await db.CorrectionRequests.ManageableBy(viewer)
            .CountAsync(c => c.OrganisationId == Organisation.Id && c.Status == CorrectionStatus.Open, cancellationToken);
        return Page();
    }

    /// <summary>One of the organisation's offers as the overview lists it.</summary>
    public sealed record OfferRow(int Id, string Name, OfferStatus Status, DateTime LastReviewedAt, string Category, int Version, DateOnly? ApplicationDeadline, DateOnly? EndsOn)
    {
        /// <summary>The last day it takes applications, if it has one.</summary>
        public DateOnly? ClosesOn => OfferVerification.ClosesOn(ApplicationDeadline, EndsOn);
    }

    public sealed record OrganisationRow(int Id, string Name, int Offers, int OpenCorrections);
}
