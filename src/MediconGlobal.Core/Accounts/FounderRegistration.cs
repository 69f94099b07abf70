using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Accounts;

/// <summary>
/// A founder's self-registration (ADR 1216). The registration form holds the company on the account
/// (<see cref="Hold"/>); the company itself is created only when the founder proves the address, by the confirmation
/// link or a password reset (<see cref="ClaimPendingCompanyAsync"/>). So an anonymous registration nobody confirms
/// never appears in an incubator's client list, in the companies project managers see, or in any count.
/// </summary>
public static class FounderRegistration
{
    /// <summary>Holds the company <paramref name="name"/> (trimmed), its country and the chosen incubator on <paramref name="user"/>.</summary>
    public static void Hold(ApplicationUser user, string name, string countryCode, int? homeIncubatorId)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(name);
        (user.PendingCompanyName, user.PendingCompanyCountry, user.PendingHomeIncubatorId) = (name.Trim(), countryCode, homeIncubatorId);
    }

    /// <summary>
    /// Creates the company held on <paramref name="user"/> and links the account to it, in <paramref name="db"/>'s
    /// change tracker: the caller's next save (Identity's, which confirms the address) writes the company, the link and
    /// the cleared hold together. The incubator is kept only when it can still be one
    /// (<see cref="Organisation.CanBeHomeIncubator"/>). Does nothing for an account with a company, a deactivated one (an
    /// administrator stopped it; a new link must not bring its company in) or one with nothing held, so a confirmation
    /// link opened twice creates one company.
    /// </summary>
    /// <returns>Whether a company was created.</returns>
    public static async Task<bool> ClaimPendingCompanyAsync(AppDbContext db, ApplicationUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        if (user.CompanyId is not null || user.DeactivatedAt is not null || string.IsNullOrWhiteSpace(user.PendingCompanyName) || string.IsNullOrEmpty(user.PendingCompanyCountry))
        {
            return false;
        }

        var incubator = user.PendingHomeIncubatorId is { } id
            && await db.Organisations.Where(Organisation.CanBeHomeIncubator).AnyAsync(o => o.Id == id, cancellationToken)
            ? user.PendingHomeIncubatorId
            : null;
        user.Company = new Company(user.PendingCompanyName, user.PendingCompanyCountry) { HomeIncubatorId = incubator };
        db.Companies.Add(user.Company);
        (user.PendingCompanyName, user.PendingCompanyCountry, user.PendingHomeIncubatorId) = (null, null, null);
        return true;
    }
}
