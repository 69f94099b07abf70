using MediconGlobal.Core.Data;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Areas.Identity;
using MediconGlobal.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediconGlobal.Testing.Web;

/// <summary>
/// Every kind of account e-mail (<see cref="AccountMail"/>: confirmation, password reset, address change, invitation,
/// already registered, two-factor reset, locked, access restored, access changed) sent once to a new advisor of SmiLe,
/// as the portal wrote them to its Development mail folder — for the tests that check every e-mail (localisation,
/// links).
/// </summary>
public static class AccountEmails
{
    /// <summary>How many kinds of account e-mail <see cref="SendEveryKindAsync"/> sends.</summary>
    public const int Kinds = 9;

    /// <summary>Sends one e-mail of each kind and returns them, the address change's to the new address.</summary>
    public static async Task<IReadOnlyList<PickedUpMail>> SendEveryKindAsync(PortalFactory portal)
    {
        var email = $"account-{Guid.NewGuid():N}@test.example";
        await portal.CreateUserAsync(email, Roles.Advisor, OrganisationSeed.SmiLe);
        using var scope = portal.Services.CreateScope();
        var accountMail = scope.ServiceProvider.GetRequiredService<AccountMail>();
        var user = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.SingleAsync(u => u.Email == email);
        var newAddress = $"new-address-{Guid.NewGuid():N}@test.example";

        await accountMail.SendConfirmationAsync(user);
        await accountMail.SendPasswordResetAsync(user);
        await accountMail.SendEmailChangeAsync(user, newAddress);
        await accountMail.SendInvitationAsync(user, Roles.Advisor, "SmiLe Incubator", "Anna Admin");
        await accountMail.SendAlreadyRegisteredAsync(user);
        await accountMail.SendTwoFactorResetAsync(user, "Anna Admin");
        await accountMail.SendLockedAsync(user, "Anna Admin");
        await accountMail.SendAccessRestoredAsync(user);
        await accountMail.SendAccessChangedAsync(user, Roles.ProjectManager, "Medicon Valley Alliance", "Anna Admin");
        return [.. portal.Mailbox.To(email), .. portal.Mailbox.To(newAddress)];
    }
}
