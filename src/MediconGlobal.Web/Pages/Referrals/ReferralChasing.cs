using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Notifications;
using MediconGlobal.Core.Time;
using MediconGlobal.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace MediconGlobal.Web.Pages.Referrals;

/// <summary>
/// Chases referrals nobody answers (issue 19 item 2, ADR 1762). When a waiting referral's answer is due (its receiver's
/// response promise, <see cref="Referral.OverdueAt"/>) the receiving side is reminded once — its partner staff, or the
/// external contact it was e-mailed to (with a fresh answer link); at twice the promise
/// (<see cref="Referral.EscalatedAt"/>) the advisor who sent it is told once by e-mail (the notification feed shows it
/// too) and may re-route the need. Each step claims the referral with a conditional update
/// (<c>ReceiverRemindedAt</c> / <c>AdvisorToldAt</c> still null) in the same transaction as the outbox rows, so with
/// several portal instances exactly one of them queues the e-mail: the other's update finds the column set and
/// queues nothing (ADR 1760's "sent once", by a claim instead of a unique index).
/// </summary>
public sealed class ReferralChasing(AppDbContext db, PortalMailer mailer, ChasingMail mail, TimeProvider clock)
{
    /// <summary>At most this many referrals are chased per step and run; the rest wait for the next run.</summary>
    public const int BatchSize = 200;

    /// <summary>
    /// A referral is chased only within this long after its due (or escalation) time: one left waiting for months
    /// before the portal chased (or while it was down) is on the lists as overdue, but nobody gets a stale reminder.
    /// </summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    /// <summary>Sends the reminders and escalations that are due; returns how many referrals were chased (each once).</summary>
    public async Task<(int Reminded, int Escalated)> ChaseDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - Window;
        var toRemind = await db.Referrals.AsNoTracking().Overdue(now).Where(r => r.ReceiverRemindedAt == null && r.AnswerDueAt > since)
            .OrderBy(r => r.AnswerDueAt).Select(r => r.Id).Take(BatchSize).ToListAsync(cancellationToken);
        var reminded = 0;
        foreach (var id in toRemind)
        {
            reminded += await ClaimAsync(id, now, remind: true, cancellationToken) ? 1 : 0;
        }

        var toTell = await db.Referrals.AsNoTracking().Where(Referral.EscalatedAt(now)).Where(r => r.AdvisorToldAt == null && r.EscalatesAt > since)
            .OrderBy(r => r.EscalatesAt).Select(r => r.Id).Take(BatchSize).ToListAsync(cancellationToken);
        var escalated = 0;
        foreach (var id in toTell)
        {
            escalated += await ClaimAsync(id, now, remind: false, cancellationToken) ? 1 : 0;
        }

        return (reminded, escalated);
    }

    private async Task<bool> ClaimAsync(int referralId, DateTime now, bool remind, CancellationToken cancellationToken)
    {
        var result = await mailer.SaveWithMailAsync(
            async () =>
            {
                var claimed = remind
                    ? await db.Referrals.Overdue(now).Where(r => r.Id == referralId && r.ReceiverRemindedAt == null)
                        .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReceiverRemindedAt, now), cancellationToken)
                    : await db.Referrals.Where(Referral.EscalatedAt(now)).Where(r => r.Id == referralId && r.AdvisorToldAt == null)
                        .ExecuteUpdateAsync(s => s.SetProperty(r => r.AdvisorToldAt, now), cancellationToken);
                return claimed == 0 ? CommandResult.NotFound : CommandResult.Done(referralId);
            },
            id => remind ? mail.ReminderAsync(id, cancellationToken) : mail.NoAnswerAsync(id, cancellationToken),
            cancellationToken);
        return result.IsDone;
    }
}

/// <summary>
/// The recurring Quartz job that chases unanswered referrals (<see cref="ReferralChasing"/>), scheduled beside the
/// mail outbox every <c>Referrals:ChasePollSeconds</c> (default 300) on every instance; the claim on the referral, not
/// the scheduler, keeps a reminder from going out twice. Due times are read from the portal's <see cref="TimeProvider"/>.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ReferralChasingJob(ReferralChasing chasing) : IJob
{
    public static readonly JobKey Key = new("referral-chasing");

    /// <summary>Configuration key of the poll interval in seconds (default 300, 1–3600).</summary>
    public const string PollSecondsKey = "Referrals:ChasePollSeconds";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await chasing.ChaseDueAsync(cancellationToken);
}

/// <summary>The e-mails of <see cref="ReferralChasing"/>, each in its recipient's language; like every referral e-mail they never name the company.</summary>
public sealed class ChasingMail(AppDbContext db, MailLinks links, MailCulture culture, ReferralsByEmail byEmail, DisplayTime time, Microsoft.Extensions.Localization.IStringLocalizer<Resources.SharedResource> t)
{
    /// <summary>To the receiving organisation's partner staff, or the external contact the referral was e-mailed to: the answer is due.</summary>
    public async Task<IReadOnlyList<OutgoingMail>> ReminderAsync(int referralId, CancellationToken cancellationToken)
    {
        var referral = await db.Referrals.AsNoTracking().Where(r => r.Id == referralId)
            .Select(r => new
            {
                r.ReceivingOrganisationId,
                r.ExternalContactEmail,
                r.SentAt,
                Sender = r.Need!.Company!.HomeIncubator != null ? r.Need.Company.HomeIncubator.Name : r.SentByName,
                Category = new MailTerm(r.Need.Category!.Name, r.Need.Category.NameSv, r.Need.Category.NameDa),
                Market = r.Need.Market != null ? new MailTerm(r.Need.Market.Name, r.Need.Market.NameSv, r.Need.Market.NameDa) : null,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (referral is null)
        {
            return [];
        }

        var staff = await MailRecipients.InRole(db, Core.Security.Roles.PartnerStaff).Where(u => u.OrganisationId == referral.ReceivingOrganisationId && u.DeactivatedAt == null)
            .Select(MailCulture.Recipient).ToListAsync(cancellationToken);
        // Nobody there answers in the portal: the contact it was e-mailed to gets a fresh link to answer without an account.
        var byLink = staff.Count == 0 && referral.ExternalContactEmail is not null;
        IReadOnlyList<MailRecipient> recipients = byLink ? [new MailRecipient(referral.ExternalContactEmail!, null)] : staff;
        var link = byLink ? byEmail.AnswerLink(referralId) : links.Page("/Referrals/Details", new { id = referralId });
        return recipients.Select(to => culture.Compose(to, () => new OutgoingMail(to.Email,
            t["Reminder: a referral from {0} is waiting for your answer", referral.Sender],
            t["{0} referred a client's need to your organisation ({1}) on {2}. Your organisation usually answers referrals within the time it states on MediconGlobal, and that time has now passed.\n\nPlease accept or decline the referral, so the advisor knows where the client stands: {3}",
                referral.Sender, MailTerm.Describe(referral.Category, referral.Market), referral.SentAt is { } sent ? time.LongDay(sent) : "–", link]))).ToList();
    }

    /// <summary>To the advisor who sent the referral: still no answer at twice the promise; they may re-route it.</summary>
    public async Task<IReadOnlyList<OutgoingMail>> NoAnswerAsync(int referralId, CancellationToken cancellationToken)
    {
        var referral = await db.Referrals.AsNoTracking().Where(r => r.Id == referralId)
            .Select(r => new
            {
                r.SentByUserId,
                r.SentAt,
                Receiver = r.ReceivingOrganisation!.Name,
                Category = new MailTerm(r.Need!.Category!.Name, r.Need.Category.NameSv, r.Need.Category.NameDa),
                Market = r.Need.Market != null ? new MailTerm(r.Need.Market.Name, r.Need.Market.NameSv, r.Need.Market.NameDa) : null,
            })
            .FirstOrDefaultAsync(cancellationToken);
        var advisor = referral is null ? null : await db.Users.Where(u => u.Id == referral.SentByUserId && u.Email != null && u.DeactivatedAt == null).Select(MailCulture.Recipient).FirstOrDefaultAsync(cancellationToken);
        if (referral is null || advisor is null)
        {
            return [];
        }

        var link = links.Page("/Referrals/Details", new { id = referralId });
        return
        [
            culture.Compose(advisor, () => new OutgoingMail(advisor.Email,
                t["No answer from {0}: {1}", referral.Receiver, MailTerm.Describe(referral.Category, referral.Market)],
                t["{0} has not answered your referral ({1}), sent on {2}, within twice the time it promises to answer in.\n\nYou can close it as not answered and send the need to the next matching offer in one step: {3}",
                    referral.Receiver, MailTerm.Describe(referral.Category, referral.Market), referral.SentAt is { } sent ? time.LongDay(sent) : "–", link])),
        ];
    }
}
