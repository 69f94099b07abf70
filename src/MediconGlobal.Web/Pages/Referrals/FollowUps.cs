using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Notifications;
using MediconGlobal.Core.Referrals;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure.Mail;
using MediconGlobal.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Quartz;

namespace MediconGlobal.Web.Pages.Referrals;

/// <summary>
/// Asks what came of completed referrals (issue 19 item 4, ADR 1777): each referral completed
/// <see cref="FollowUpOptions.AfterCompletionDays"/> ago and not asked yet is claimed with one conditional update of
/// <c>FollowUpAskedAt</c> and its e-mails queued in the outbox in the same transaction (<see cref="PortalMailer"/>). Two
/// instances that race for the same referral: the second update finds it asked (PostgreSQL re-reads the row after the
/// first commits; SQLite lets one writer at a time), changes nothing and queues nothing, so it is asked once.
/// </summary>
public sealed class FollowUps(AppDbContext db, PortalMailer mailer, FollowUpMail mail, IOptions<FollowUpOptions> options, TimeProvider clock)
{
    /// <summary>Referrals asked per run at most; the next run takes the rest.</summary>
    public const int BatchSize = 200;

    /// <summary>Asks every due follow-up (up to <see cref="BatchSize"/>); returns how many this run asked.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var completedBefore = now - options.Value.Delay;
        var due = await db.Referrals.AsNoTracking().Where(Referral.FollowUpDueAt(completedBefore))
            .OrderBy(r => r.CompletedAt).ThenBy(r => r.Id).Select(r => r.Id).Take(BatchSize)
            .ToListAsync(cancellationToken);
        var asked = 0;
        foreach (var id in due)
        {
            var result = await mailer.SaveWithMailAsync(
                async () =>
                {
                    var claimed = await db.Referrals.Where(r => r.Id == id).Where(Referral.FollowUpDueAt(completedBefore))
                        .ExecuteUpdateAsync(s => s.SetProperty(r => r.FollowUpAskedAt, now), cancellationToken);
                    return claimed == 1 ? CommandResult.Done(id) : CommandResult.NotFound;
                },
                referralId => mail.AskAsync(referralId, cancellationToken),
                cancellationToken);
            asked += result.IsDone ? 1 : 0;
        }

        return asked;
    }
}

/// <summary>
/// The follow-up e-mails of one referral (ADR 1777): to the advisor who completed it (else the company's advisors) and
/// to the company's founders, each in their language, linking to the follow-up form from the public address
/// (<see cref="MailLinks"/>, ADR 1933). Like every referral e-mail they do not name the company.
/// </summary>
public sealed class FollowUpMail(AppDbContext db, MailLinks links, MailCulture culture, IStringLocalizer<SharedResource> t)
{
    public async Task<IReadOnlyList<OutgoingMail>> AskAsync(int referralId, CancellationToken cancellationToken)
    {
        var referral = await db.Referrals.AsNoTracking().Where(r => r.Id == referralId)
            .Select(r => new
            {
                r.CompletedByUserId,
                r.Need!.CompanyId,
                Receiver = r.ReceivingOrganisation!.Name,
                Category = new MailTerm(r.Need.Category!.Name, r.Need.Category.NameSv, r.Need.Category.NameDa),
                Market = r.Need.Market != null ? new MailTerm(r.Need.Market.Name, r.Need.Market.NameSv, r.Need.Market.NameDa) : null,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (referral is null)
        {
            return [];
        }

        var completer = await MailRecipients.InRole(db, Roles.Advisor).Where(u => u.Id == referral.CompletedByUserId).Select(MailCulture.Recipient).ToListAsync(cancellationToken);
        var advisors = completer.Count > 0 ? completer : await MailRecipients.CompanyAdvisorsAsync(db, referral.CompanyId, cancellationToken);
        var founders = await MailRecipients.InRole(db, Roles.Startup).Where(u => u.CompanyId == referral.CompanyId).Select(MailCulture.Recipient).ToListAsync(cancellationToken);
        var link = links.Page("/Referrals/FollowUp", new { id = referralId });
        return
        [
            .. advisors.Select(to => culture.Compose(to, () => new OutgoingMail(to.Email,
                t["What came of the referral to {0}? {1}", referral.Receiver, MailTerm.Describe(referral.Category, referral.Market)],
                t["Some months ago you completed a client's referral to {0} ({1}). What has come of it since: market entered, partner found, funding raised, or nothing yet?\n\nAnswer in a minute: {2}", referral.Receiver, MailTerm.Describe(referral.Category, referral.Market), link]))),
            .. founders.Select(to => culture.Compose(to, () => new OutgoingMail(to.Email,
                t["What came of the help from {0}? {1}", referral.Receiver, MailTerm.Describe(referral.Category, referral.Market)],
                t["Some months ago your incubator referred your company to {0} ({1}). What has come of it since: market entered, partner found, funding raised, or nothing yet? Your answer helps the project see which support makes a difference.\n\nAnswer in a minute: {2}", referral.Receiver, MailTerm.Describe(referral.Category, referral.Market), link]))),
        ];
    }
}

/// <summary>
/// The recurring Quartz job that asks due follow-ups (ADR 1777), scheduled beside the outbox's <see cref="OutboxJob"/>
/// every <see cref="FollowUpOptions.PollSeconds"/> on every instance; the conditional claim, not the scheduler, keeps
/// a follow-up from being asked twice.
/// </summary>
[DisallowConcurrentExecution]
public sealed class FollowUpJob(FollowUps followUps) : IJob
{
    public static readonly JobKey Key = new("referral-follow-ups");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await followUps.SendDueAsync(cancellationToken);
}
