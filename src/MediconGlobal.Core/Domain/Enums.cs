namespace MediconGlobal.Core.Domain;

/// <summary>
/// The portal's taxonomies. The first six are stored as term rows that records link to; <see cref="Format"/>
/// and <see cref="OrganisationType"/> mirror the enums of the same names, their term codes being the enum
/// member names the records store (ADR 1150).
/// </summary>
public enum TaxonomyKind
{
    Region,
    Market,
    Stage,
    Sector,
    SupportCategory,
    Language,
    Format,
    OrganisationType,
}

public enum OrganisationType
{
    Incubator,
    ClusterOrganisation,
    RegionalInnovationAgency,
    NationalAgency,
    EuNetwork,
    UniversityOrResearchInstitute,
    HospitalOrHealthcareRegion,
    Municipality,
    Investor,
    Company,
    ForeignPartner,
}

public enum PartnershipStatus
{
    Mapped,
    Contacted,
    Engaged,
    Partner,
}

public enum Currency
{
    SEK,
    DKK,
    NOK,
    EUR,
    USD,
}

public enum ProgrammeStatus
{
    Planned,
    Active,
    Completed,
}

public enum OfferFormat
{
    OneToOneAdvisory,
    Workshop,
    Webinar,
    Event,
    Network,
    Programme,
    TestBed,
    Funding,
}

/// <summary>
/// Who makes the first move once a company has applied or been referred: the offer's "what happens next" (issue 19
/// item 9), shown on the offer page and published as an HSDS attribute of the portal's <c>next_step</c> taxonomy.
/// </summary>
public enum NextStep
{
    /// <summary>The provider has not said.</summary>
    NotStated,

    /// <summary>The provider contacts the company (after an application or a referral).</summary>
    ProviderContactsCompany,

    /// <summary>The company contacts the provider itself.</summary>
    CompanyContactsProvider,

    /// <summary>The company applies as "how to apply" says; the provider answers the application.</summary>
    CompanyApplies,

    /// <summary>The company's incubator advisor refers it through the portal; the provider answers the referral.</summary>
    AdvisorRefers,
}

public enum CostType
{
    Free,
    Subsidised,
    Paid,
}

public enum OfferStatus
{
    Draft,
    Published,
    Archived,
}

public enum NeedPriority
{
    Low,
    Medium,
    High,
}

public enum NeedStatus
{
    Open,
    InProgress,
    Referred,
    Met,
    Unmet,
    Withdrawn,
}

public enum UnmetReason
{
    NotAvailable,
    NotEligible,
}

/// <summary>Where a referral stands. Stored by name, so a new member changes no stored value.</summary>
public enum ReferralStatus
{
    Suggested,
    Sent,
    Accepted,
    Declined,
    Completed,

    /// <summary>
    /// Closed by the advisor as "no answer" after twice the receiver's promise (issue 19 item 2, ADR 1762): the receiving
    /// side never answered. Closed, like declined and completed, but not a decline.
    /// </summary>
    Unanswered,
}

/// <summary>
/// The format of an activity: the seed's "Activities in the project" (conferences, focused network and matchmaking,
/// collaborative network, Booster Board) plus webinars, workshops and anything else. Stored by name.
/// </summary>
public enum ActivityKind
{
    Conference,
    Webinar,

    /// <summary>Focused network and matchmaking.</summary>
    Matchmaking,

    /// <summary>Booster Board: an expert panel of companies, municipalities and hospitals giving feedback.</summary>
    BoosterBoard,
    Workshop,
    Other,

    /// <summary>A collaboration forum between companies, municipalities and hospitals.</summary>
    CollaborativeNetwork,
}
