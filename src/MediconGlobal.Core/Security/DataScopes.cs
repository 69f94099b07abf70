using MediconGlobal.Core.Domain;

namespace MediconGlobal.Core.Security;

/// <summary>
/// Row-level scoping, applied in queries so data a viewer may not see never leaves the database.
/// Every page that lists or loads confidential records starts from one of these.
/// </summary>
public static class DataScopes
{
    /// <summary>Companies: advisors see their organisation's clients; a startup user their own company; PMs and admins all.</summary>
    public static IQueryable<Company> VisibleTo(this IQueryable<Company> companies, Viewer viewer)
    {
        if (viewer.SeesEverything)
        {
            return companies;
        }

        if (viewer.IsInRole(Roles.Advisor) && viewer.OrganisationId is { } organisationId)
        {
            return companies.Where(c => c.HomeIncubatorId == organisationId);
        }

        if (viewer.IsInRole(Roles.Startup) && viewer.CompanyId is { } companyId)
        {
            return companies.Where(c => c.Id == companyId);
        }

        return companies.Where(_ => false);
    }
}
