using MediconGlobal.Core.Security;

namespace MediconGlobal.Testing;

/// <summary>Viewers for scoping tests.</summary>
public static class Viewers
{
    public static Viewer Advisor(int organisationId, string userId = CaseBuilder.AdvisorId) => new(userId, new HashSet<string> { Roles.Advisor }, organisationId, null);

    public static Viewer Partner(int organisationId, string userId = "partner-under-test") => new(userId, new HashSet<string> { Roles.PartnerStaff }, organisationId, null);

    public static Viewer Founder(int companyId, string userId = "founder-under-test") => new(userId, new HashSet<string> { Roles.Startup }, null, companyId);

    public static Viewer ProjectManager(int organisationId) => new("pm-under-test", new HashSet<string> { Roles.ProjectManager }, organisationId, null);
}
