namespace MediconGlobal.Core.Security;

/// <summary>Who is looking at data, reduced to what scoping needs. Built from the signed-in user's claims.</summary>
public sealed record Viewer(string? UserId, IReadOnlySet<string> Roles, int? OrganisationId, int? CompanyId)
{
    public static readonly Viewer Anonymous = new(null, new HashSet<string>(), null, null);

    public bool IsInRole(string role) => Roles.Contains(role);

    /// <summary>Project managers and administrators see every organisation's data.</summary>
    public bool SeesEverything => IsInRole(Security.Roles.Administrator) || IsInRole(Security.Roles.ProjectManager);
}
