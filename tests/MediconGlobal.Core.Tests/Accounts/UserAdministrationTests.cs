using MediconGlobal.Core.Accounts;
using MediconGlobal.Core.Security;

namespace MediconGlobal.Core.Tests.Accounts;

/// <summary>Who may invite to which role, and where an account stands (issue 11 item 1).</summary>
public sealed class UserAdministrationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ProjectManagers_InvitePartnerStaffOnly_AdministratorsEveryStaffRole_NobodyFounders()
    {
        Assert.Equal([Roles.PartnerStaff], UserAdministration.RolesInvitableBy(administrator: false));
        Assert.Equal([Roles.Administrator, Roles.ProjectManager, Roles.Advisor, Roles.PartnerStaff], UserAdministration.RolesInvitableBy(administrator: true));
        Assert.DoesNotContain(Roles.Startup, UserAdministration.StaffRoles);
    }

    [Theory]
    [InlineData(false, false, null, AccountStatus.Active)]
    [InlineData(false, false, -5, AccountStatus.Active)]
    [InlineData(false, false, 15, AccountStatus.Locked)]
    [InlineData(false, true, null, AccountStatus.Invited)]
    [InlineData(true, true, null, AccountStatus.Deactivated)]
    [InlineData(true, false, 15, AccountStatus.Deactivated)]
    public void Status_DeactivationWinsOverAnInvitationAndALock(bool deactivated, bool invitationPending, int? lockedForMinutes, AccountStatus expected)
    {
        var status = UserAdministration.StatusOf(deactivated ? Now.UtcDateTime : null, invitationPending, lockedForMinutes is { } minutes ? Now.AddMinutes(minutes) : null, Now);

        Assert.Equal(expected, status);
    }
}
