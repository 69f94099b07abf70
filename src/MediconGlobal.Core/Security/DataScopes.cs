using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Notifications;

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

    /// <summary>
    /// Needs: advisors see their organisation's clients' needs (and needs they referred); a startup user their
    /// own company's; PMs and admins all. Partner staff see needs only through the referrals sent to them.
    /// </summary>
    public static IQueryable<Need> VisibleTo(this IQueryable<Need> needs, Viewer viewer)
    {
        if (viewer.SeesEverything)
        {
            return needs;
        }

        var (advisorOf, userId, companyId) = (AdvisorOrganisation(viewer), viewer.UserId, StartupCompany(viewer));
        return needs.Where(n =>
            (advisorOf != null && (n.Company!.HomeIncubatorId == advisorOf || n.Referrals.Any(r => r.SentByUserId == userId)))
            || (companyId != null && n.CompanyId == companyId));
    }

    /// <summary>
    /// Referrals: advisors see those of their organisation's clients and those they sent; partner staff those
    /// sent to their organisation; a startup user those of their own company; PMs and admins all.
    /// </summary>
    public static IQueryable<Referral> VisibleTo(this IQueryable<Referral> referrals, Viewer viewer)
    {
        if (viewer.SeesEverything)
        {
            return referrals;
        }

        var (advisorOf, userId, companyId) = (AdvisorOrganisation(viewer), viewer.UserId, StartupCompany(viewer));
        var receiver = viewer.IsInRole(Roles.PartnerStaff) ? viewer.OrganisationId : null;
        return referrals.Where(r =>
            (advisorOf != null && (r.Need!.Company!.HomeIncubatorId == advisorOf || r.SentByUserId == userId))
            || (receiver != null && r.ReceivingOrganisationId == receiver)
            || (companyId != null && r.Need!.CompanyId == companyId));
    }

    /// <summary>
    /// Companies whose identity (name, number, website) the viewer may know — the consent rule of referrals: the
    /// companies they see anyway (<see cref="VisibleTo(IQueryable{Company}, Viewer)"/>), plus, for staff of another
    /// organisation (advisors, partner staff), those that consent to share their data with partners. Everyone
    /// else is shown such a company without its identity (issue 17 item 1: activity participants).
    /// </summary>
    public static IQueryable<Company> IdentifiableBy(this IQueryable<Company> companies, Viewer viewer)
    {
        if (viewer.SeesEverything)
        {
            return companies;
        }

        var staff = viewer.IsInRole(Roles.Advisor) || viewer.IsInRole(Roles.PartnerStaff);
        var (advisorOf, companyId) = (AdvisorOrganisation(viewer), StartupCompany(viewer));
        return companies.Where(c => (staff && c.SharesDataWithPartners) || (advisorOf != null && c.HomeIncubatorId == advisorOf) || (companyId != null && c.Id == companyId));
    }

    /// <summary>
    /// Programmes whose activities the viewer records: project managers and administrators every programme,
    /// partner staff the programmes their organisation leads or is a partner of (issue 17 item 1), no one else.
    /// </summary>
    public static IQueryable<Programme> ActivitiesRecordableBy(this IQueryable<Programme> programmes, Viewer viewer)
    {
        if (viewer.SeesEverything)
        {
            return programmes;
        }

        var own = viewer.IsInRole(Roles.PartnerStaff) ? viewer.OrganisationId : null;
        return programmes.Where(p => own != null && (p.LeadOrganisationId == own || p.Partners.Any(x => x.OrganisationId == own)));
    }

    /// <summary>Activities the viewer may change: those of the programmes in <see cref="ActivitiesRecordableBy"/>.</summary>
    public static IQueryable<Activity> EditableBy(this IQueryable<Activity> activities, Viewer viewer)
    {
        if (viewer.SeesEverything)
        {
            return activities;
        }

        var own = viewer.IsInRole(Roles.PartnerStaff) ? viewer.OrganisationId : null;
        return activities.Where(a => own != null && a.Programme != null
            && (a.Programme.LeadOrganisationId == own || a.Programme.Partners.Any(x => x.OrganisationId == own)));
    }

    private static int? AdvisorOrganisation(Viewer viewer) => viewer.IsInRole(Roles.Advisor) ? viewer.OrganisationId : null;

    private static int? StartupCompany(Viewer viewer) => viewer.IsInRole(Roles.Startup) ? viewer.CompanyId : null;

    /// <summary>
    /// Saved searches are personal data: everyone — administrators too — sees only their own (issue 17 item 2,
    /// ADR 1760). A viewer who is not signed in sees none.
    /// </summary>
    public static IQueryable<SavedSearch> VisibleTo(this IQueryable<SavedSearch> searches, Viewer viewer) =>
        viewer.UserId is { } userId ? searches.Where(s => s.UserId == userId) : searches.Where(_ => false);
}
