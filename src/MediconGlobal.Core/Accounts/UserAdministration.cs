using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;

namespace MediconGlobal.Core.Accounts;

/// <summary>Where an account stands, as the user list filters and shows it.</summary>
public enum AccountStatus
{
    /// <summary>Can sign in.</summary>
    Active,

    /// <summary>Invited, no password chosen yet.</summary>
    Invited,

    /// <summary>Locked by an administrator or by failed sign-ins, until <see cref="ApplicationUser.LockoutEnd"/>.</summary>
    Locked,

    /// <summary>Deactivated: never signs in again unless reactivated; its history stays.</summary>
    Deactivated,
}

/// <summary>
/// Who may give which role to whom (issue 11 item 1; docs/security.md, "User administration"). Administrators
/// invite and manage every staff role; project managers may only invite partner staff, for an organisation in the
/// landscape. Founders are never invited: they register with their company.
/// </summary>
public static class UserAdministration
{
    /// <summary>The roles an account can be invited to or moved between; every one of them belongs to an organisation.</summary>
    public static readonly IReadOnlyList<string> StaffRoles = [Roles.Administrator, Roles.ProjectManager, Roles.Advisor, Roles.PartnerStaff];

    /// <summary>The roles someone with <paramref name="administrator"/> (or else project-manager) rights may invite to.</summary>
    public static IReadOnlyList<string> RolesInvitableBy(bool administrator) => administrator ? StaffRoles : [Roles.PartnerStaff];

    /// <summary>The account's status at <paramref name="now"/> (UTC); deactivation wins over an invitation or a lock.</summary>
    public static AccountStatus StatusOf(DateTime? deactivatedAt, bool invitationPending, DateTimeOffset? lockoutEnd, DateTimeOffset now) =>
        deactivatedAt is not null ? AccountStatus.Deactivated
        : invitationPending ? AccountStatus.Invited
        : lockoutEnd > now ? AccountStatus.Locked
        : AccountStatus.Active;

    /// <summary>The English label of a status (pages pass it through the localiser).</summary>
    public static string Label(AccountStatus status) => status switch
    {
        AccountStatus.Invited => "Invitation pending", // l10n
        AccountStatus.Locked => "Locked", // l10n
        AccountStatus.Deactivated => "Deactivated", // l10n
        _ => "Active", // l10n
    };
}
