using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Notifications;
using MediconGlobal.Web.Infrastructure.Mail;
using MediconGlobal.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Offers;

/// <summary>
/// The e-mails that close the loop of a problem report about a listing (issue 17 item 4): the provider's partner
/// staff hear of a new report, and the reporter — when they left an address — gets the provider's answer. Links come
/// from <c>Portal:PublicUrl</c> (<see cref="MailLinks"/>); texts through the localiser in the recipient's language
/// (<see cref="MailCulture"/>; a reporter without an account gets the language they wrote the report in). Both are
/// queued with the change that causes them (<see cref="PortalMailer.SaveWithMailAsync"/>, ADR 1701).
/// </summary>
public sealed class ProblemReportMail(AppDbContext db, MailLinks links, MailCulture culture, IStringLocalizer<SharedResource> t)
{
    /// <summary>To the provider's partner staff: a new report waits in their inbox.</summary>
    public async Task<IReadOnlyList<OutgoingMail>> NewReportAsync(int reportId, CancellationToken cancellationToken)
    {
        var report = await db.CorrectionRequests.AsNoTracking().Where(c => c.Id == reportId)
            .Select(c => new { c.OrganisationId, Offer = c.Offer!.Name, c.Message }).FirstOrDefaultAsync(cancellationToken);
        if (report is null)
        {
            return [];
        }

        var link = links.Page("/Partner/Corrections/Answer", new { id = reportId });
        return (await MailRecipients.PartnerStaffAsync(db, report.OrganisationId, cancellationToken)).Select(to => culture.Compose(to, () => new OutgoingMail(to.Email,
            t["Someone reported a problem with your listing “{0}”", report.Offer],
            t["Someone reported a problem with your listing “{0}” on MediconGlobal:\n\n{1}\n\nPlease check the listing and answer the report here: {2}", report.Offer, report.Message, link]))).ToList();
    }

    /// <summary>To the reporter, if they left an address: the provider's answer and whether the listing changed.</summary>
    public async Task<IReadOnlyList<OutgoingMail>> AnsweredAsync(int reportId, CancellationToken cancellationToken)
    {
        var report = await db.CorrectionRequests.AsNoTracking().Where(c => c.Id == reportId)
            .Select(c => new { c.OfferId, Offer = c.Offer!.Name, c.ReporterEmail, c.Status, c.Response, Provider = db.Organisations.Where(o => o.Id == c.OrganisationId).Select(o => o.Name).First() })
            .FirstOrDefaultAsync(cancellationToken);
        if (report?.ReporterEmail is not { Length: > 0 } email || report.Status == CorrectionStatus.Open)
        {
            return [];
        }

        var link = links.Page("/Offers/Details", new { id = report.OfferId });
        return
        [
            culture.Compose(new MailRecipient(email, null), () => new OutgoingMail(email,
                t["Answer to your report about “{0}”", report.Offer],
                t["Hello,\n\nThank you for reporting a problem with the listing “{0}” on MediconGlobal. {1} has answered. {2}\n\nTheir answer:\n{3}\n\nSee the listing: {4}",
                    report.Offer, report.Provider, (report.Status == CorrectionStatus.Resolved ? t["They corrected the listing."] : t["They found that nothing needed changing."]).Value, report.Response ?? "", link])),
        ];
    }
}
