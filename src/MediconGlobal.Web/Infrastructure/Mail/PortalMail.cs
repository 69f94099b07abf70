using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Notifications;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Infrastructure.Mail;

/// <summary>
/// The e-mails that go with referral steps and founders' requests, each written in its recipient's language
/// (<see cref="MailCulture"/>) through the localiser. They never name the company (e-mail leaves the portal's access
/// control); they say what kind of need it is and link, from the configured public address (<see cref="MailLinks"/>), to the page that
/// shows the rest to whoever may see it. Each method returns the e-mails for <see cref="PortalMailer.SaveWithMailAsync"/>.
/// </summary>
public sealed class PortalMail(AppDbContext db, MailLinks links, MailCulture culture, IStringLocalizer<SharedResource> t)
{
    /// <summary>To the receiving organisation's partner staff: a referral is waiting for their answer.</summary>
    public async Task<IReadOnlyList<OutgoingMail>> ReferralSentAsync(int referralId, CancellationToken cancellationToken = default)
    {
        var referral = await db.Referrals.AsNoTracking().Where(r => r.Id == referralId)
            .Select(r => new { r.ReceivingOrganisationId, r.PromisedWorkingDays, Sender = r.Need!.Company!.HomeIncubator != null ? r.Need.Company.HomeIncubator.Name : r.SentByName, Category = new MailTerm(r.Need.Category!.Name, r.Need.Category.NameSv, r.Need.Category.NameDa), Market = r.Need.Market != null ? new MailTerm(r.Need.Market.Name, r.Need.Market.NameSv, r.Need.Market.NameDa) : null })
            .FirstOrDefaultAsync(cancellationToken);
        if (referral is null)
        {
            return [];
        }

        var recipients = await MailRecipients.InRole(db, Roles.PartnerStaff).Where(u => u.OrganisationId == referral.ReceivingOrganisationId).Select(MailCulture.Recipient).ToListAsync(cancellationToken);
        var link = links.Page("/Referrals/Details", new { id = referralId });
        return recipients.Select(to => culture.Compose(to, () => new OutgoingMail(to.Email,
            t["New referral from {0}: {1}", referral.Sender, MailTerm.Describe(referral.Category, referral.Market)],
            t["{0} has referred a client's need to your organisation ({1}).\n\nPlease accept or decline it within {3} working days, as your organisation promises: {2}", referral.Sender, MailTerm.Describe(referral.Category, referral.Market), link, referral.PromisedWorkingDays ?? PortalSettings.DefaultAnswerWorkingDaysInitially]))).ToList();
    }

    /// <summary>To the advisor who sent the referral: it was accepted or declined.</summary>
    public async Task<IReadOnlyList<OutgoingMail>> ReferralAnsweredAsync(int referralId, CancellationToken cancellationToken = default)
    {
        var referral = await db.Referrals.AsNoTracking().Where(r => r.Id == referralId)
            .Select(r => new { r.Status, r.SentByUserId, Receiver = r.ReceivingOrganisation!.Name, Category = new MailTerm(r.Need!.Category!.Name, r.Need.Category.NameSv, r.Need.Category.NameDa), Market = r.Need.Market != null ? new MailTerm(r.Need.Market.Name, r.Need.Market.NameSv, r.Need.Market.NameDa) : null })
            .FirstOrDefaultAsync(cancellationToken);
        var advisor = referral is null ? null : await db.Users.Where(u => u.Id == referral.SentByUserId && u.Email != null).Select(MailCulture.Recipient).FirstOrDefaultAsync(cancellationToken);
        if (referral is null || advisor is null)
        {
            return [];
        }

        var link = links.Page("/Referrals/Details", new { id = referralId });
        var declined = referral.Status == ReferralStatus.Declined;
        return
        [
            culture.Compose(advisor, () => new OutgoingMail(advisor.Email,
                declined
                    ? t["{0} declined your referral: {1}", referral.Receiver, MailTerm.Describe(referral.Category, referral.Market)]
                    : t["{0} accepted your referral: {1}", referral.Receiver, MailTerm.Describe(referral.Category, referral.Market)],
                declined
                    ? t["{0} has declined your referral ({1}).\n\nSee their answer: {2}", referral.Receiver, MailTerm.Describe(referral.Category, referral.Market), link]
                    : t["{0} has accepted your referral ({1}).\n\nSee their answer: {2}", referral.Receiver, MailTerm.Describe(referral.Category, referral.Market), link])),
        ];
    }

    /// <summary>To the advisors of the company's home incubator: a founder asked for help.</summary>
    public async Task<IReadOnlyList<OutgoingMail>> HelpRequestedAsync(int needId, CancellationToken cancellationToken = default)
    {
        var need = await db.Needs.AsNoTracking().Where(n => n.Id == needId)
            .Select(n => new { n.CompanyId, n.Company!.HomeIncubatorId, Category = new MailTerm(n.Category!.Name, n.Category.NameSv, n.Category.NameDa), Market = n.Market != null ? new MailTerm(n.Market.Name, n.Market.NameSv, n.Market.NameDa) : null })
            .FirstOrDefaultAsync(cancellationToken);
        if (need?.HomeIncubatorId is not { } incubatorId)
        {
            return [];
        }

        var recipients = await MailRecipients.InRole(db, Roles.Advisor).Where(u => u.OrganisationId == incubatorId).Select(MailCulture.Recipient).ToListAsync(cancellationToken);
        var link = links.Page("/Clients/Needs/Details", new { companyId = need.CompanyId, needId });
        return recipients.Select(to => culture.Compose(to, () => new OutgoingMail(to.Email,
            t["A client asked for help: {0}", MailTerm.Describe(need.Category, need.Market)],
            t["One of your client companies has asked for help ({0}).\n\nOpen the request: {1}", MailTerm.Describe(need.Category, need.Market), link]))).ToList();
    }
}
