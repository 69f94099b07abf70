using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Notifications;
using MediconGlobal.Core.Time;
using MediconGlobal.Web.Infrastructure.Localisation;
using MediconGlobal.Web.Infrastructure.Mail;
using MediconGlobal.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Quartz;

namespace MediconGlobal.Web.Pages.Partner.Offers;

/// <summary>
/// Asks providers to confirm their offers (issue 19 item 5, ADR 1934): every published offer whose last review is
/// eleven months old (<see cref="Offer.VerificationDueOn"/>) and whose provider was not asked since. One e-mail per
/// organisation lists its due offers, to each of its partner staff, queued in the same transaction that marks the
/// offers asked (<see cref="Offer.VerificationRequestedAt"/>). The mark is a conditional update: a second portal
/// instance running at the same time finds the offers already asked and sends nothing, so a request goes out once.
/// </summary>
public sealed class OfferVerificationRequests(AppDbContext db, PortalMailer mailer, OfferVerificationMail mail, TimeProvider clock, DisplayTime time)
{
    /// <summary>Sends every due request; returns how many organisations were asked by this run.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        // The e-mail finds the offers this run marked by the moment it marked them: cut to whole microseconds, which
        // PostgreSQL keeps, so the moment read back equals the one written on both databases.
        var now = clock.GetUtcNow().UtcDateTime;
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
        var day = OfferDay.Today(clock, time);
        var due = await db.Offers.AsNoTracking().Where(Offer.VerificationDueOn(day))
            .Select(o => new { o.Id, o.ProviderId })
            .ToListAsync(cancellationToken);
        var asked = 0;
        foreach (var provider in due.GroupBy(o => o.ProviderId).OrderBy(g => g.Key))
        {
            var ids = provider.Select(o => o.Id).ToList();
            var result = await mailer.SaveWithMailAsync(
                async () =>
                {
                    var claimed = await db.Offers.Where(o => ids.Contains(o.Id)).Where(Offer.VerificationDueOn(day))
                        .ExecuteUpdateAsync(s => s.SetProperty(o => o.VerificationRequestedAt, now), cancellationToken);
                    return claimed == 0 ? CommandResult.NotFound : CommandResult.Done(provider.Key);
                },
                organisationId => mail.RequestAsync(organisationId, now, day, cancellationToken),
                cancellationToken);
            asked += result.IsDone ? 1 : 0;
        }

        return asked;
    }
}

/// <summary>
/// The e-mail asking a provider's partner staff to confirm their offers (ADR 1934): the offers this run marked asked,
/// each with the link to its page in the partner area, and the day they leave the catalogue and suggestions unless
/// confirmed. In each recipient's language (<see cref="MailCulture"/>); links from <c>Portal:PublicUrl</c>.
/// </summary>
public sealed class OfferVerificationMail(AppDbContext db, MailLinks links, MailCulture culture, IStringLocalizer<SharedResource> t, DisplayTime time)
{
    /// <summary>The request for the offers of <paramref name="organisationId"/> marked asked at <paramref name="askedAt"/>; none without offers or staff.</summary>
    public async Task<IReadOnlyList<OutgoingMail>> RequestAsync(int organisationId, DateTime askedAt, OfferDay day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(day);
        var offers = await db.Offers.AsNoTracking().Where(o => o.ProviderId == organisationId && o.VerificationRequestedAt == askedAt)
            .OrderByName(o => o.Name, db).ThenBy(o => o.Id)
            .Select(o => new { o.Id, o.Name, o.LastReviewedAt })
            .ToListAsync(cancellationToken);
        if (offers.Count == 0)
        {
            return [];
        }

        var recipients = await MailRecipients.PartnerStaffAsync(db, organisationId, cancellationToken);
        return recipients.Select(to => culture.Compose(to, () =>
        {
            var list = string.Join("\n", offers.Select(o => t["- {0}: confirm by {1}. {2}", o.Name,
                OfferVerification.LapsesOn(DateOnly.FromDateTime(time.Local(o.LastReviewedAt))).AddDays(-1).ToString("d MMMM yyyy"),
                links.Page("/Partner/Offers/Edit", new { id = o.Id })].Value));
            return new OutgoingMail(
                to.Email,
                t.Count(offers.Count, "Please confirm that your offer on MediconGlobal is still correct", "Please confirm that your {0} offers on MediconGlobal are still correct"),
                t["Hello,\n\nIt is eleven months since these offers were last checked. Please open each one and press “Mark as reviewed” if it is still correct, or correct it and save:\n\n{0}\n\nAn offer nobody confirms leaves the catalogue and advisors' suggestions three weeks after this e-mail, until someone confirms it.\n\nAll your offers: {1}",
                    list, links.Page("/Partner/Index")]);
        })).ToList();
    }
}

/// <summary>The daily-ish Quartz job that sends verification requests (ADR 1934); the offers' mark, not the scheduler, keeps a request from going out twice.</summary>
[DisallowConcurrentExecution]
public sealed class OfferVerificationJob(OfferVerificationRequests requests) : IJob
{
    public static readonly JobKey Key = new("offer-verification-requests");

    /// <summary>Configuration key of the poll interval in seconds (default 3600, 1–86400).</summary>
    public const string PollSecondsKey = "Verification:PollSeconds";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await requests.SendDueAsync(cancellationToken);
}
