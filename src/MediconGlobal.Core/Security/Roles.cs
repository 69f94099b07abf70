namespace MediconGlobal.Core.Security;

/// <summary>The portal's roles. Every role check goes through these names.</summary>
public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string ProjectManager = nameof(ProjectManager);
    public const string Advisor = nameof(Advisor);
    public const string PartnerStaff = nameof(PartnerStaff);
    public const string Startup = nameof(Startup);

    public static readonly IReadOnlyList<string> All = [Administrator, ProjectManager, Advisor, PartnerStaff, Startup];

    /// <summary>The English name people read for a role (views pass it through the localiser); unknown names are returned as they are.</summary>
    public static string Label(string role) => role switch
    {
        Administrator => "Administrator",
        ProjectManager => "Project manager",
        Advisor => "Advisor",
        PartnerStaff => "Partner staff",
        Startup => "Founder",
        _ => role,
    };
}

/// <summary>Authorization policy names, registered in the web project's <c>AddPortalAuthorization</c>.</summary>
public static class Policies
{
    /// <summary>Administrators only: users, roles, taxonomies, imports.</summary>
    public const string Administration = nameof(Administration);

    /// <summary>
    /// Administrators and project managers: inviting people (project managers only partner staff of an organisation
    /// in the landscape; see <c>MediconGlobal.Core.Accounts.UserAdministration</c> and docs/security.md).
    /// </summary>
    public const string UserInvitation = nameof(UserInvitation);

    /// <summary>Project managers and administrators: gap reports, dashboard, landscape, scope.</summary>
    public const string ProjectManagement = nameof(ProjectManagement);

    /// <summary>Advisors (plus project managers and administrators): client companies, needs, referrals sent.</summary>
    public const string Advising = nameof(Advising);

    /// <summary>Partner staff (plus administrators): their organisation's profile, offers and referral inbox.</summary>
    public const string PartnerManagement = nameof(PartnerManagement);

    /// <summary>Referral lists and pages: advisors and partner staff (each scoped to their side), PMs and admins.</summary>
    public const string Referrals = nameof(Referrals);

    /// <summary>Founders signed in with a startup account.</summary>
    public const string Founder = nameof(Founder);

    /// <summary>
    /// Recording programme activities: project managers and administrators (every programme) and partner staff
    /// (their organisation's programmes, scoped in <c>DataScopes.ActivitiesRecordableBy</c>); issue 17 item 1.
    /// </summary>
    public const string Activities = nameof(Activities);

    /// <summary>Any staff role that may see reports (everyone but startups).</summary>
    public const string Reports = nameof(Reports);
}

/// <summary>Claim types the portal adds to a signed-in user.</summary>
public static class PortalClaims
{
    public const string OrganisationId = "mg:organisation_id";
    public const string CompanyId = "mg:company_id";
    public const string DisplayName = "mg:display_name";

    /// <summary>The language the person chose for the portal (a culture name such as "sv"), when they chose one.</summary>
    public const string Culture = "mg:culture";
}
