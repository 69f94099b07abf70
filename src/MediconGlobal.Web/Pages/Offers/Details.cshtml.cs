using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Infrastructure.Mail;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Offers;

/// <summary>One offer with everything a founder needs to act, related offers and the "report a problem" form.</summary>
[AllowAnonymous]
public class DetailsModel(AppDbContext db, TimeProvider clock, PortalMailer mailer, ProblemReportMail mail, IStringLocalizer<SharedResource> t, Core.Time.DisplayTime time) : PageModel
{
    public OfferDetail Offer { get; private set; } = null!;

    /// <summary>Today in the display zone: whether the call is still open and how many days are left (ADR 1934).</summary>
    public OfferDay Today { get; private set; } = null!;

    /// <summary>The last day the offer takes applications, if it has one.</summary>
    public DateOnly? ClosesOn => OfferVerification.ClosesOn(Offer.ApplicationDeadline, Offer.EndsOn);

    public bool CanManage { get; private set; }

    [BindProperty]
    public ReportProblemInput Report { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReportAsync(int id, CancellationToken cancellationToken)
    {
        var offer = await db.Offers.Published().Where(o => o.Id == id).FirstOrDefaultAsync(cancellationToken);
        if (offer is null)
        {
            return NotFound();
        }

        if (!this.IsValid(new ReportProblemValidator().Validate(Report), nameof(Report)))
        {
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        // The report and the e-mail to the provider's staff are saved together (issue 17 item 4, ADR 1701).
        var signedIn = User.Identity?.IsAuthenticated == true;
        var report = new CorrectionRequest(
            offer,
            Report.Message!.Trim(),
            string.IsNullOrWhiteSpace(Report.Name) ? (signedIn ? User.GetDisplayName() : null) : Report.Name.Trim(),
            string.IsNullOrWhiteSpace(Report.Email) ? (signedIn ? User.Identity!.Name : null) : Report.Email.Trim(),
            User.GetUserId(),
            clock.GetUtcNow().UtcDateTime);
        await mailer.SaveWithMailAsync(
            async () =>
            {
                db.CorrectionRequests.Add(report);
                await db.SaveChangesAsync(cancellationToken);
                return CommandResult.Done(report.Id);
            },
            reportId => mail.NewReportAsync(reportId, cancellationToken),
            cancellationToken);

        TempData["Message"] = t["Thank you. Your report is in the provider's inbox; they will check the listing."].Value;
        return RedirectToPage("/Offers/Details", new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        var today = OfferDay.Today(clock, time);
        var offer = await OfferDetails.LoadAsync(db, db.Offers.VisibleTo(viewer), id, clock.GetUtcNow().UtcDateTime, today, cancellationToken);
        if (offer is null)
        {
            return false;
        }

        Offer = offer;
        Today = today;
        CanManage = viewer.CanManage(offer.ProviderId);
        return true;
    }
}
