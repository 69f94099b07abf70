using System.Globalization;
using System.Security.Cryptography;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Notifications;
using MediconGlobal.Web.Infrastructure.Mail;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Referrals;

/// <summary>
/// Referrals to organisations where nobody answers in the portal (issue 11 item 7): the referral is e-mailed to a
/// contact there with a link to <c>/referrals/answer</c> that carries a token signed with the portal's
/// data-protection keys and good for <see cref="LinkDays"/> days. The token names only the referral; whoever holds
/// the link may accept or decline it once, while it waits. The response promise and the chasing job (ADR 1762) apply
/// as to any referral: the reminder at the promise carries a fresh link.
/// </summary>
public sealed class ReferralsByEmail(AppDbContext db, IDataProtectionProvider protection, MailLinks links, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    /// <summary>How long the link in the e-mail works; longer than the usual promise, and the reminder at the promise sends a fresh one, so a late answer still arrives.</summary>
    public const int LinkDays = 30;

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("MediconGlobal.ReferralAnswer.v1").ToTimeLimitedDataProtector();

    /// <summary>The referral a token names, or null when it is not one of ours or has expired.</summary>
    public int? Read(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            return int.TryParse(Protector.Unprotect(token, out _), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>A fresh link (good for <see cref="LinkDays"/> days from now) through which the contact answers the referral without an account.</summary>
    public string AnswerLink(int referralId)
    {
        var token = Protector.Protect(referralId.ToString(CultureInfo.InvariantCulture), clock.GetUtcNow().AddDays(LinkDays));
        return links.Page("/Referrals/Answer", new { token });
    }

    /// <summary>The e-mail of the referral to its <c>ExternalContactEmail</c> with the answer link (none when it has no such address); queued with the referral by <see cref="PortalMailer.SaveWithMailAsync"/>.</summary>
    public async Task<IReadOnlyList<OutgoingMail>> MailAsync(int referralId, CancellationToken cancellationToken)
    {
        var referral = await db.Referrals.AsNoTracking().Where(r => r.Id == referralId && r.ExternalContactEmail != null)
            .Select(r => new
            {
                r.ExternalContactEmail,
                r.Message,
                r.SentByName,
                r.PromisedWorkingDays,
                Sender = r.Need!.Company!.HomeIncubator != null ? r.Need.Company.HomeIncubator.Name : null,
                Receiver = r.ReceivingOrganisation!.Name,
                Category = new MailTerm(r.Need.Category!.Name, r.Need.Category.NameSv, r.Need.Category.NameDa),
                Market = r.Need.Market != null ? new MailTerm(r.Need.Market.Name, r.Need.Market.NameSv, r.Need.Market.NameDa) : null,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (referral is null)
        {
            return [];
        }

        var link = AnswerLink(referralId);
        var what = MailTerm.Describe(referral.Category, referral.Market);
        return
        [
            new OutgoingMail(referral.ExternalContactEmail!, t["A client referral to {0} on MediconGlobal", referral.Receiver],
            t["Hello,\n\n{0} of {1} has referred a client company's need to {2}: {3}.\n\nTheir message: {4}\n\nNobody at {2} has an account on MediconGlobal, so you can accept or decline the referral here, without an account:\n{5}\n\nPlease answer within {7} working days; the link works for {6} days. The advisor will put you in touch with the company once you accept.",
                referral.SentByName, referral.Sender ?? "–", referral.Receiver, what, referral.Message ?? "–", link, LinkDays, referral.PromisedWorkingDays ?? PortalSettings.DefaultAnswerWorkingDaysInitially]),
        ];
    }
}
