using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Referrals;

/// <summary>
/// Who answers a referral at an organisation (issue 11 item 7): its staff in the portal when it has any, otherwise
/// the contact the referral is e-mailed to (<paramref name="ContactEmail"/>: the offer's contact address, else the
/// organisation's first contact with one; null when it has none, and the advisor types one or asks for someone there
/// to be invited).
/// </summary>
public sealed record ReceivingSide(int OrganisationId, bool AnswersInThePortal, string? ContactEmail);

public static class ReceivingSides
{
    /// <summary>
    /// Accounts that can answer referrals in the portal: partner staff who have chosen a password (an invitation not
    /// yet accepted does not count) and are not deactivated. A lock is temporary, so a locked account still counts.
    /// </summary>
    public static IQueryable<ApplicationUser> AnsweringStaff(AppDbContext db) =>
        db.Users.Where(u => u.DeactivatedAt == null && u.PasswordHash != null
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.PartnerStaff)));

    /// <summary>The receiving side of each of <paramref name="offerIds"/>' providers, by offer id.</summary>
    public static async Task<IReadOnlyDictionary<int, ReceivingSide>> OfOffersAsync(AppDbContext db, IReadOnlyCollection<int> offerIds, CancellationToken cancellationToken = default)
    {
        var offers = await db.Offers.AsNoTracking().Where(o => offerIds.Contains(o.Id)).Select(o => new { o.Id, o.ProviderId, o.ContactEmail }).ToListAsync(cancellationToken);
        var organisations = await OfOrganisationsAsync(db, offers.Select(o => o.ProviderId).Distinct().ToList(), cancellationToken);
        return offers.ToDictionary(o => o.Id, o => organisations[o.ProviderId] with { ContactEmail = string.IsNullOrWhiteSpace(o.ContactEmail) ? organisations[o.ProviderId].ContactEmail : o.ContactEmail.Trim() });
    }

    /// <summary>The receiving side of each organisation of <paramref name="organisationIds"/>, by organisation id.</summary>
    public static async Task<IReadOnlyDictionary<int, ReceivingSide>> OfOrganisationsAsync(AppDbContext db, IReadOnlyCollection<int> organisationIds, CancellationToken cancellationToken = default)
    {
        var staffed = await AnsweringStaff(db).Where(u => u.OrganisationId != null && organisationIds.Contains(u.OrganisationId.Value)).Select(u => u.OrganisationId!.Value).Distinct().ToListAsync(cancellationToken);
        var contacts = await db.OrganisationContacts.AsNoTracking().Where(c => organisationIds.Contains(c.OrganisationId) && c.Email != null && c.Email != "")
            .OrderBy(c => c.Id).Select(c => new { c.OrganisationId, c.Email }).ToListAsync(cancellationToken);
        return organisationIds.ToDictionary(id => id, id => new ReceivingSide(id, staffed.Contains(id), contacts.FirstOrDefault(c => c.OrganisationId == id)?.Email?.Trim()));
    }
}
