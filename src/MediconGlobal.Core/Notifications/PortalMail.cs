using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Notifications;

/// <summary>A message for the pluggable email sender. The body is plain text.</summary>
public sealed record OutgoingMail(string To, string Subject, string Body);

/// <summary>
/// The emails that go with referral steps and founders' requests. They never name the company (email leaves
/// the portal's access control); they say what kind of need it is and link to the page that shows the rest to
/// whoever may see it.
/// </summary>
public static class PortalMail
{
    /// <summary>To the receiving organisation's partner staff: a referral is waiting for their answer.</summary>
    public static async Task<IReadOnlyList<OutgoingMail>> ReferralSentAsync(AppDbContext db, int referralId, PortalLinks links, CancellationToken cancellationToken = default)
    {
        var referral = await db.Referrals.AsNoTracking().Where(r => r.Id == referralId)
            .Select(r => new { r.ReceivingOrganisationId, Sender = r.Need!.Company!.HomeIncubator != null ? r.Need.Company.HomeIncubator.Name : r.SentByName, Category = r.Need.Category!.Name, Market = r.Need.Market != null ? r.Need.Market.Name : null })
            .FirstOrDefaultAsync(cancellationToken);
        if (referral is null)
        {
            return [];
        }

        var recipients = await UsersInRole(db, Roles.PartnerStaff).Where(u => u.OrganisationId == referral.ReceivingOrganisationId).Select(u => u.Email!).ToListAsync(cancellationToken);
        var subject = $"New referral from {referral.Sender}: {Describe(referral.Category, referral.Market)}";
        var body = $"{referral.Sender} has referred a client's need to your organisation ({Describe(referral.Category, referral.Market)}).\n\n"
            + $"Please accept or decline it within 14 days: {links.Absolute($"/referrals/{referralId}")}";
        return recipients.Select(to => new OutgoingMail(to, subject, body)).ToList();
    }

    /// <summary>To the advisor who sent the referral: it was accepted or declined.</summary>
    public static async Task<IReadOnlyList<OutgoingMail>> ReferralAnsweredAsync(AppDbContext db, int referralId, PortalLinks links, CancellationToken cancellationToken = default)
    {
        var referral = await db.Referrals.AsNoTracking().Where(r => r.Id == referralId)
            .Select(r => new { r.Status, r.SentByUserId, Receiver = r.ReceivingOrganisation!.Name, Category = r.Need!.Category!.Name, Market = r.Need.Market != null ? r.Need.Market.Name : null })
            .FirstOrDefaultAsync(cancellationToken);
        var email = referral is null ? null : await db.Users.Where(u => u.Id == referral.SentByUserId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        if (referral is null || string.IsNullOrEmpty(email))
        {
            return [];
        }

        var verb = referral.Status == ReferralStatus.Declined ? "declined" : "accepted";
        return
        [
            new OutgoingMail(email, $"{referral.Receiver} {verb} your referral: {Describe(referral.Category, referral.Market)}",
                $"{referral.Receiver} has {verb} your referral ({Describe(referral.Category, referral.Market)}).\n\nSee their answer: {links.Absolute($"/referrals/{referralId}")}"),
        ];
    }

    /// <summary>To the advisors of the company's home incubator: a founder asked for help.</summary>
    public static async Task<IReadOnlyList<OutgoingMail>> HelpRequestedAsync(AppDbContext db, int needId, PortalLinks links, CancellationToken cancellationToken = default)
    {
        var need = await db.Needs.AsNoTracking().Where(n => n.Id == needId)
            .Select(n => new { n.CompanyId, n.Company!.HomeIncubatorId, Category = n.Category!.Name, Market = n.Market != null ? n.Market.Name : null })
            .FirstOrDefaultAsync(cancellationToken);
        if (need?.HomeIncubatorId is not { } incubatorId)
        {
            return [];
        }

        var recipients = await UsersInRole(db, Roles.Advisor).Where(u => u.OrganisationId == incubatorId).Select(u => u.Email!).ToListAsync(cancellationToken);
        var subject = $"A client asked for help: {Describe(need.Category, need.Market)}";
        var body = $"One of your client companies has asked for help ({Describe(need.Category, need.Market)}).\n\nOpen the request: {links.Absolute($"/clients/{need.CompanyId}/needs/{needId}")}";
        return recipients.Select(to => new OutgoingMail(to, subject, body)).ToList();
    }

    private static IQueryable<ApplicationUser> UsersInRole(AppDbContext db, string role) =>
        db.Users.Where(u => u.Email != null && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));

    private static string Describe(string category, string? market) => market is null ? category : $"{category}, {market}";
}
