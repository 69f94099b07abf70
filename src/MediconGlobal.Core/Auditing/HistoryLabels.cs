using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Domain;
using Microsoft.AspNetCore.Identity;

namespace MediconGlobal.Core.Auditing;

/// <summary>
/// The English name of every field a change history shows (<see cref="ChangeHistory"/>), by the audited property's
/// name: the key the history pages translate (ADR 1401). Written out rather than derived from the property name so
/// the key tool lists each one and a column's name on screen can differ from its name in code ("HowToApply" is "How
/// to apply", "FundingAmountMinor" is "Funding amount"). <c>HistoryLabelsTests</c> fails on an audited property of a
/// record with a history that has no name here.
/// </summary>
public static class HistoryLabels
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        // Shared by several records.
        [nameof(Offer.Name)] = "Name",
        [nameof(Offer.Description)] = "Description",
        [nameof(Offer.Website)] = "Website",
        [nameof(Offer.Status)] = "Status",
        [nameof(Organisation.CountryCode)] = "Country",
        [nameof(Organisation.RegionId)] = "Region",
        [nameof(OfferTerm.TermId)] = "Taxonomy term",
        [nameof(ProgrammePartner.OrganisationId)] = "Organisation",
        [nameof(ProgrammePartner.Role)] = "Role",
        [nameof(CompanyAdvisor.UserId)] = "Advisor",
        [nameof(CompanyAdvisor.CompanyId)] = "Company",

        // Offer.
        [nameof(Offer.ProviderId)] = "Provider",
        [nameof(Offer.ProgrammeId)] = "Programme",
        [nameof(Offer.CategoryId)] = "Category",
        [nameof(Offer.Format)] = "Format",
        [nameof(Offer.Cost)] = "Cost",
        [nameof(Offer.CostDetails)] = "Cost details",
        [nameof(Offer.HowToApply)] = "How to apply",
        [nameof(Offer.Dates)] = "Dates",
        [nameof(Offer.StartsOn)] = "Starts on",
        [nameof(Offer.EndsOn)] = "Ends on",
        [nameof(Offer.ApplicationDeadline)] = "Application deadline",
        [nameof(Offer.Capacity)] = "Capacity",
        [nameof(Offer.NextStep)] = "What happens next",
        [nameof(Offer.NextStepWorkingDays)] = "Usually within (working days)",
        [nameof(Offer.RequiredDocuments)] = "Documents to prepare",
        [nameof(Offer.ContactName)] = "Contact name",
        [nameof(Offer.ContactEmail)] = "Contact e-mail",
        [nameof(Offer.ContactPhone)] = "Contact phone",
        [nameof(Offer.PublishedAt)] = "Published",
        [nameof(Offer.LastReviewedAt)] = "Last reviewed",
        [nameof(Offer.LastReviewedByEmail)] = "Last reviewed by",

        // Organisation and its contacts.
        [nameof(Organisation.Type)] = "Type",
        [nameof(Organisation.CollaborationNeeds)] = "What the organisation needs from collaboration",
        [nameof(Organisation.PartnershipStatus)] = "Partnership status",
        [nameof(Organisation.AnswerWithinWorkingDays)] = "Answers referrals within (working days)",
        [nameof(PortalSettings.DefaultAnswerWorkingDays)] = "Default response promise (working days)",
        [nameof(OrganisationContact.Email)] = "E-mail",
        [nameof(OrganisationContact.Phone)] = "Phone",

        // Programme, its partners and indicators.
        [nameof(Programme.LeadOrganisationId)] = "Lead organisation",
        [nameof(Programme.Funder)] = "Funder",
        [nameof(Programme.FunderOrganisationId)] = "Funding organisation",
        [nameof(Programme.FundingAmountMinor)] = "Funding amount",
        [nameof(Programme.FundingCurrency)] = "Currency",
        [nameof(Programme.ReferenceNumber)] = "Reference number",
        [nameof(Programme.StartDate)] = "Start date",
        [nameof(Programme.EndDate)] = "End date",
        [nameof(Programme.TargetGroup)] = "Target group",
        [nameof(Programme.Geography)] = "Geography",
        [nameof(Programme.Activities)] = "Activities",
        [nameof(Programme.LessonsLearned)] = "Lessons learned",
        [nameof(Programme.Links)] = "Links",
        [nameof(ProgrammeIndicator.Metric)] = "Metric",
        [nameof(ProgrammeIndicator.Target)] = "Target",
        [nameof(ProgrammeIndicator.Actual)] = "Actual",
        [nameof(ProgrammeIndicator.Notes)] = "Notes",
        [nameof(ProgrammeIndicator.Funnel)] = "Funnel",
        [nameof(ProgrammeIndicator.SortOrder)] = "Order",

        // Client company.
        [nameof(Company.OrganisationNumber)] = "Organisation number",
        [nameof(Company.SectorId)] = "Sector",
        [nameof(Company.StageId)] = "Stage",
        [nameof(Company.FoundedYear)] = "Founded year",
        [nameof(Company.Employees)] = "Employees",
        [nameof(Company.HomeIncubatorId)] = "Home incubator",
        [nameof(Company.SharesDataWithPartners)] = "Shares data with partners",

        // User account (the fields the audit keeps of it) and its roles.
        [nameof(ApplicationUser.DisplayName)] = "Display name",
        [nameof(ApplicationUser.LockoutEnd)] = "Locked out until",
        [nameof(ApplicationUser.TwoFactorEnabled)] = "Two-factor authentication",
        [nameof(ApplicationUser.DeactivatedAt)] = "Deactivated",
        [nameof(ApplicationUser.InvitationSentAt)] = "Invitation sent",
        [nameof(IdentityUserRole<string>.RoleId)] = "Role",
    };

    /// <summary>The English name of an audited property; null when it has none here (a property added since).</summary>
    public static string? Of(string property) => Fields.GetValueOrDefault(property);

    /// <summary>Fields that history entries name themselves (the merge's extra lines).</summary>
    public const string MergedOrganisation = "Merged organisation";

    public const string FieldsTakenFromIt = "Fields taken from it";

    /// <summary>
    /// An audited enum value in English words, the key the history page translates — the words the forms show
    /// (<see cref="DisplayNames"/>), else the member's name in words ("InProgress" → "In progress"); null for a value
    /// that is a code in every language (a currency), which the page shows as it is. The audit log stores enums as
    /// numbers, which the history showed raw ("Format: 6 → 1", issue 14).
    /// </summary>
    public static string? ValueOf(Enum value) => value switch
    {
        Currency => null,
        OfferFormat format => DisplayNames.Of(format),
        CostType cost => DisplayNames.Of(cost),
        OfferStatus status => DisplayNames.Of(status),
        ProgrammeStatus status => DisplayNames.Of(status),
        NextStep step => DisplayNames.Of(step),
        ActivityKind kind => DisplayNames.Of(kind),
        OrganisationType type => DisplayNames.Of(type),
        _ => InWords(value.ToString()),
    };

    private static string InWords(string member) =>
        string.Concat(member.Select((c, i) => i > 0 && char.IsUpper(c) ? $" {char.ToLowerInvariant(c)}" : c.ToString()));
}
