using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Infrastructure.Mail;

/// <summary>
/// Who gets the e-mails about a company or an organisation's listings (issue 17 items 4 and 5): accounts with an
/// address in one role, each as a <see cref="MailRecipient"/> (<see cref="MailCulture.Recipient"/>), read in one query.
/// </summary>
public static class MailRecipients
{
    /// <summary>Accounts with an address in <paramref name="role"/> (a name of <see cref="Roles"/>).</summary>
    public static IQueryable<ApplicationUser> InRole(AppDbContext db, string role) =>
        db.Users.Where(u => u.Email != null && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));

    /// <summary>
    /// Where news about a company goes: its own advisors, or — when it has none — every advisor of its home incubator
    /// (as a founder's help request does). Empty when neither exists.
    /// </summary>
    public static async Task<IReadOnlyList<MailRecipient>> CompanyAdvisorsAsync(AppDbContext db, int companyId, CancellationToken cancellationToken = default)
    {
        var advisors = InRole(db, Roles.Advisor);
        var own = await advisors.Where(u => db.CompanyAdvisors.Any(a => a.CompanyId == companyId && a.UserId == u.Id)).Select(MailCulture.Recipient).ToListAsync(cancellationToken);
        if (own.Count > 0)
        {
            return own;
        }

        var incubator = await db.Companies.Where(c => c.Id == companyId).Select(c => c.HomeIncubatorId).FirstOrDefaultAsync(cancellationToken);
        return incubator is null ? [] : await advisors.Where(u => u.OrganisationId == incubator).Select(MailCulture.Recipient).ToListAsync(cancellationToken);
    }

    /// <summary>An organisation's partner staff (its listings' inbox and its referrals are theirs).</summary>
    public static async Task<IReadOnlyList<MailRecipient>> PartnerStaffAsync(AppDbContext db, int organisationId, CancellationToken cancellationToken = default) =>
        await InRole(db, Roles.PartnerStaff).Where(u => u.OrganisationId == organisationId).Select(MailCulture.Recipient).ToListAsync(cancellationToken);
}
