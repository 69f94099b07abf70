using System.Text;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Notifications;
using MediconGlobal.Web.Infrastructure.Mail;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Areas.Identity;

/// <summary>
/// The account e-mails (confirm an address, reset a password, confirm a new address, "you already have an
/// account", an invitation, and what an administrator changed: second factor reset, lock, access restored, new
/// role or organisation). Links carry Identity's single-use tokens and are built from the configured public address through
/// <see cref="MailLinks"/>, never from the request (issue 10 items 1 and 7).
/// </summary>
public sealed class AccountMail(
    UserManager<ApplicationUser> users,
    MailLinks links,
    PortalMailer mailer,
    MailCulture culture,
    IStringLocalizer<SharedResource> t)
{
    /// <summary>Asks the owner of <paramref name="user"/>'s address to confirm it (registration, or a sign-in before confirming).</summary>
    public async Task SendConfirmationAsync(ApplicationUser user) => await mailer.SendAsync(await ConfirmationAsync(user));

    /// <summary>
    /// The e-mail asking the owner of <paramref name="user"/>'s address to confirm it, in their language, for the
    /// caller to queue in the transaction that creates the account (<see cref="PortalMailer.SaveWithMailAsync"/>).
    /// </summary>
    public async Task<OutgoingMail> ConfirmationAsync(ApplicationUser user)
    {
        var code = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = Page("/Account/ConfirmEmail", new { userId = user.Id, code });
        return culture.Compose(MailCulture.For(user), () => new OutgoingMail(user.Email!, t["Confirm your e-mail address for MediconGlobal"],
            t["Hello {0},\n\nPlease confirm that this is your e-mail address by opening this link:\n{1}\n\nIf you did not create an account on MediconGlobal, you can ignore this message.", user.DisplayName, link]));
    }

    /// <summary>Sends a password-reset link. The link also confirms the address, since only its owner can open it.</summary>
    public async Task SendPasswordResetAsync(ApplicationUser user)
    {
        var code = Encode(await users.GeneratePasswordResetTokenAsync(user));
        var link = Page("/Account/ResetPassword", new { code, email = user.Email });
        await SendAsync(user, () => new OutgoingMail(user.Email!, t["Reset your MediconGlobal password"],
            t["Hello {0},\n\nSomeone asked to reset the password of your MediconGlobal account. To choose a new password, open this link:\n{1}\n\nIf it was not you, ignore this message: your password stays as it is.", user.DisplayName, link]));
    }

    /// <summary>Asks the owner of <paramref name="newEmail"/> to confirm it as <paramref name="user"/>'s new address.</summary>
    public async Task SendEmailChangeAsync(ApplicationUser user, string newEmail)
    {
        var code = Encode(await users.GenerateChangeEmailTokenAsync(user, newEmail));
        var link = Page("/Account/ConfirmEmailChange", new { userId = user.Id, email = newEmail, code });
        await SendAsync(user, () => new OutgoingMail(newEmail, t["Confirm your new e-mail address for MediconGlobal"],
            t["Hello {0},\n\nPlease confirm that you want to sign in to MediconGlobal with this e-mail address from now on by opening this link:\n{1}\n\nIf you did not ask for this, ignore this message and nothing changes.", user.DisplayName, link]));
    }

    /// <summary>
    /// Invites a person an administrator or project manager added (issue 11 item 1): the link sets their first
    /// password and holds a single-use token of <see cref="InvitationTokenProvider"/> that expires after
    /// <see cref="InvitationTokenProvider.LifespanDays"/> days. Sending again (or cancelling) renews the account's
    /// security stamp first, so only the newest link works.
    /// </summary>
    public async Task SendInvitationAsync(ApplicationUser user, string role, string? organisation, string invitedBy)
    {
        var code = Encode(await users.GenerateUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose));
        var link = Page("/Account/AcceptInvitation", new { userId = user.Id, code });
        await SendAsync(user, () => new OutgoingMail(user.Email!, t["You are invited to MediconGlobal"],
            t["Hello {0},\n\n{1} has invited you to MediconGlobal as {2} of {3}. To accept, choose your password here:\n{4}\n\nThe link works once and for {5} days. If you did not expect this invitation, you can ignore this message.",
                user.DisplayName, invitedBy, t[Core.Security.Roles.Label(role)], organisation ?? "–", link, InvitationTokenProvider.LifespanDays]));
    }

    /// <summary>
    /// Tells the account's owner that an administrator turned their two-factor authentication off (docs/security.md,
    /// "E-mails about an account"): a removed second factor is the change an attacker who talked an administrator
    /// round would want unnoticed, so the owner always hears of it, with the link to set an authenticator up again.
    /// </summary>
    public Task SendTwoFactorResetAsync(ApplicationUser user, string resetBy) =>
        SendAsync(user, () => new OutgoingMail(user.Email!, t["Two-factor authentication is off on your MediconGlobal account"],
            t["Hello {0},\n\n{1}, an administrator of MediconGlobal, has turned off two-factor authentication on your account, for example because you lost the phone with your authenticator app. You now sign in with your password alone. Set up an authenticator app again here:\n{2}\n\nIf you did not ask for this, tell an administrator at once.", user.DisplayName, resetBy, Page("/Account/Manage/TwoFactorAuthentication", null)]));

    /// <summary>Tells the account's owner that an administrator locked the account, which also ended their open sessions.</summary>
    public Task SendLockedAsync(ApplicationUser user, string lockedBy) =>
        SendAsync(user, () => new OutgoingMail(user.Email!, t["Your MediconGlobal account is locked"],
            t["Hello {0},\n\n{1}, an administrator of MediconGlobal, has locked your account and you have been signed out. You cannot sign in until an administrator unlocks it. If you think this is a mistake, ask {1} or another administrator.", user.DisplayName, lockedBy]));

    /// <summary>Tells the account's owner that it can sign in again (unlocked or reactivated), with the sign-in link.</summary>
    public Task SendAccessRestoredAsync(ApplicationUser user) =>
        SendAsync(user, () => new OutgoingMail(user.Email!, t["You can sign in to MediconGlobal again"],
            t["Hello {0},\n\nAn administrator has opened your MediconGlobal account again. Sign in here:\n{1}", user.DisplayName, Page("/Account/Login", null)]));

    /// <summary>
    /// Tells the account's owner their new role and organisation: the change signed them out (the security stamp was
    /// renewed) and their pages differ when they sign in again, so they should know why.
    /// </summary>
    public Task SendAccessChangedAsync(ApplicationUser user, string role, string? organisation, string changedBy) =>
        SendAsync(user, () => new OutgoingMail(user.Email!, t["Your access to MediconGlobal has changed"],
            t["Hello {0},\n\n{1}, an administrator of MediconGlobal, has changed your access: you are now {2} of {3}. You have been signed out; sign in again to see the pages of your role:\n{4}\n\nIf you think this is a mistake, ask {1} or another administrator.",
                user.DisplayName, changedBy, t[Core.Security.Roles.Label(role)], organisation ?? "–", Page("/Account/Login", null)]));

    /// <summary>
    /// Told to the owner of an address that is already registered when someone registers with it again: the
    /// page answers exactly as for a new address, so only the mailbox's owner learns that an account exists.
    /// </summary>
    public Task SendAlreadyRegisteredAsync(ApplicationUser user) =>
        SendAsync(user, () => new OutgoingMail(user.Email!, t["You already have a MediconGlobal account"],
            t["Hello {0},\n\nSomeone (perhaps you) tried to register a new MediconGlobal account with this e-mail address, which already has an account. Sign in here:\n{1}\n\nForgot your password? Choose a new one here:\n{2}\n\nIf it was not you, ignore this message: nothing has changed.", user.DisplayName, Page("/Account/Login", null), Page("/Account/ForgotPassword", null)]));

    /// <summary>Reads a token from a link made by this class; null when the text was not made by it.</summary>
    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Composes the e-mail in <paramref name="recipient"/>'s language (<see cref="MailCulture"/>) and queues it.</summary>
    private Task SendAsync(ApplicationUser recipient, Func<OutgoingMail> compose) =>
        mailer.SendAsync(culture.Compose(MailCulture.For(recipient), compose));

    private static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    private string Page(string page, object? values) => links.Page(page, new RouteValueDictionary(values) { ["area"] = "Identity" });
}
