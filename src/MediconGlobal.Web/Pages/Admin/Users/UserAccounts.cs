using MediconGlobal.Core.Accounts;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Areas.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Pages.Admin.Users;

/// <summary>
/// What administrators do to accounts (issue 11 item 1): invite, send again, cancel, change role and organisation,
/// lock and unlock, deactivate and reactivate, reset the second factor. Every step saves through Identity, so the
/// audit interceptor records it with who did it; every step that takes access away renews the account's security
/// stamp, so its open sessions end on their next request (ADR 1003). An invited account exists from the start but
/// has no password and cannot sign in until its owner follows the link (<c>/Identity/Account/AcceptInvitation</c>).
/// The owner is e-mailed when their second factor is reset, their account locked or opened again, or their role or
/// organisation changed; not when it is deactivated (docs/security.md, "E-mails about an account").
/// </summary>
public sealed class UserAccounts(AppDbContext db, UserManager<ApplicationUser> users, AccountMail mail, TimeProvider clock)
{
    /// <summary>Shown when an administrator tries to lock out or demote themselves; another administrator must.</summary>
    public const string NotYourself = "You cannot lock, deactivate or take the administrator role from your own account; ask another administrator.";

    /// <summary>
    /// Creates the account in <paramref name="role"/> at <paramref name="organisation"/> and sends the invitation; the
    /// account's id, or null when the address has an account already (someone else was quicker than the form's
    /// check). An organisation that is not saved yet (ADR 1106) is added in the same transaction, so it exists only
    /// if the invitation does.
    /// </summary>
    public async Task<string?> InviteAsync(string email, string displayName, string role, Organisation organisation, string invitedBy, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = displayName, CreatedAt = now, InvitationSentAt = now };
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (organisation.Id == 0)
            {
                db.Organisations.Add(organisation);
                await db.SaveChangesAsync(cancellationToken);
            }

            user.OrganisationId = organisation.Id;
            var created = await users.CreateAsync(user);
            if (created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
            {
                return null;
            }

            Succeeded(created);
            Succeeded(await users.AddToRoleAsync(user, role));
            await transaction.CommitAsync(cancellationToken);
        }

        await SendInvitationAsync(user, role, invitedBy, cancellationToken);
        return user.Id;
    }

    /// <summary>A new link for a pending invitation; the older links stop working (the security stamp changes).</summary>
    public async Task<CommandResult> ResendInvitationAsync(ApplicationUser user, string invitedBy, CancellationToken cancellationToken)
    {
        if (!user.IsInvitationPending)
        {
            return CommandResult.Refused("This person has already accepted the invitation.");
        }

        user.InvitationSentAt = clock.GetUtcNow().UtcDateTime;
        Succeeded(await users.UpdateSecurityStampAsync(user));
        await SendInvitationAsync(user, (await users.GetRolesAsync(user)).FirstOrDefault() ?? "", invitedBy, cancellationToken);
        return CommandResult.Done();
    }

    /// <summary>
    /// Removes an invited account that never chose a password: nothing in the portal is attributed to it, and its
    /// address can be invited again. The audit log keeps that it was invited and cancelled.
    /// </summary>
    public async Task<CommandResult> CancelInvitationAsync(ApplicationUser user)
    {
        if (!user.IsInvitationPending)
        {
            return CommandResult.Refused("This person has already accepted the invitation; deactivate the account instead.");
        }

        Succeeded(await users.DeleteAsync(user));
        return CommandResult.Done();
    }

    /// <summary>
    /// Gives the account one staff role and an organisation. A pending invitation gets a fresh link (the change
    /// renewed the stamp its link carried) naming the new role.
    /// </summary>
    public async Task<CommandResult> ChangeAccessAsync(ApplicationUser user, string role, int organisationId, string actorId, string actorName, CancellationToken cancellationToken)
    {
        var current = await users.GetRolesAsync(user);
        if (user.Id == actorId && current.Contains(Roles.Administrator) && role != Roles.Administrator)
        {
            return CommandResult.Refused(NotYourself);
        }

        if (user.IsFounder || !UserAdministration.StaffRoles.Contains(role) || !await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken))
        {
            return CommandResult.Refused("Choose a staff role and an organisation from the lists.");
        }

        if (current.SequenceEqual([role]) && user.OrganisationId == organisationId)
        {
            return CommandResult.Done();
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            user.OrganisationId = organisationId;
            Succeeded(await users.UpdateAsync(user));
            Succeeded(await users.RemoveFromRolesAsync(user, current.Where(r => r != role)));
            if (!current.Contains(role))
            {
                Succeeded(await users.AddToRoleAsync(user, role));
            }

            await transaction.CommitAsync(cancellationToken);
        }

        if (user.IsInvitationPending)
        {
            await SendInvitationAsync(user, role, actorName, cancellationToken);
        }
        else
        {
            await mail.SendAccessChangedAsync(user, role, await OrganisationNameAsync(user, cancellationToken), actorName);
        }

        return CommandResult.Done();
    }

    /// <summary>Locks the account until an administrator unlocks it; its sessions end (<see cref="Infrastructure.PortalUserManager"/>).</summary>
    public async Task<CommandResult> LockAsync(ApplicationUser user, string actorId, string actorName)
    {
        if (user.Id == actorId)
        {
            return CommandResult.Refused(NotYourself);
        }

        Succeeded(await users.SetLockoutEnabledAsync(user, true));
        Succeeded(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
        if (!user.IsInvitationPending)
        {
            await mail.SendLockedAsync(user, actorName);
        }

        return CommandResult.Done();
    }

    /// <summary>Lifts a lock, whether an administrator's or one from failed sign-ins, and forgets the failed attempts.</summary>
    public async Task<CommandResult> UnlockAsync(ApplicationUser user)
    {
        Succeeded(await users.SetLockoutEndDateAsync(user, null));
        Succeeded(await users.ResetAccessFailedCountAsync(user));
        if (!user.IsInvitationPending && user.DeactivatedAt is null)
        {
            await mail.SendAccessRestoredAsync(user);
        }

        return CommandResult.Done();
    }

    /// <summary>The account can no longer sign in (<see cref="Infrastructure.PortalSignInManager"/>) and its sessions end; everything it did stays attributed to it.</summary>
    public async Task<CommandResult> DeactivateAsync(ApplicationUser user, string actorId)
    {
        if (user.Id == actorId)
        {
            return CommandResult.Refused(NotYourself);
        }

        user.DeactivatedAt = clock.GetUtcNow().UtcDateTime;
        Succeeded(await users.UpdateSecurityStampAsync(user));
        return CommandResult.Done();
    }

    public async Task<CommandResult> ReactivateAsync(ApplicationUser user)
    {
        user.DeactivatedAt = null;
        Succeeded(await users.UpdateAsync(user));
        if (user.PasswordHash is not null && !await users.IsLockedOutAsync(user))
        {
            await mail.SendAccessRestoredAsync(user);
        }

        return CommandResult.Done();
    }

    /// <summary>
    /// Turns the second factor off and forgets the authenticator key and recovery codes (for someone who lost their
    /// phone); the next sign-in needs only the password, and the owner can set an authenticator up again. The owner
    /// is always e-mailed, so a reset they did not ask for does not go unnoticed.
    /// </summary>
    public async Task<CommandResult> ResetTwoFactorAsync(ApplicationUser user, string actorName)
    {
        Succeeded(await users.SetTwoFactorEnabledAsync(user, false));
        Succeeded(await users.ResetAuthenticatorKeyAsync(user));
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await mail.SendTwoFactorResetAsync(user, actorName);
        return CommandResult.Done();
    }

    private async Task SendInvitationAsync(ApplicationUser user, string role, string invitedBy, CancellationToken cancellationToken) =>
        await mail.SendInvitationAsync(user, role, await OrganisationNameAsync(user, cancellationToken), invitedBy);

    private Task<string?> OrganisationNameAsync(ApplicationUser user, CancellationToken cancellationToken) =>
        db.Organisations.Where(o => o.Id == user.OrganisationId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Identity only refuses these steps on a fault of the portal (the form checked the input), so a refusal is an exception.</summary>
    private static void Succeeded(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Identity refused an account step: " + string.Join(" ", result.Errors.Select(e => e.Code)));
        }
    }
}
