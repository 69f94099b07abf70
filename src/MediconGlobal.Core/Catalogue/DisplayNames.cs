using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Landscape;

namespace MediconGlobal.Core.Catalogue;

/// <summary>
/// English display names of the enums shown to users; views pass them through the localiser, so every name is a
/// literal here that <c>scripts/l10n-keys.sh</c> lists as a key (ADR 1401). Formats and organisation types are named
/// in the page's language by their taxonomy terms where those exist (ADR 1150).
/// </summary>
public static class DisplayNames
{
    public static string Of(OfferFormat format) => format switch
    {
        OfferFormat.OneToOneAdvisory => "One-to-one advisory",
        OfferFormat.Workshop => "Workshop",
        OfferFormat.Webinar => "Webinar",
        OfferFormat.Event => "Event",
        OfferFormat.Network => "Network",
        OfferFormat.Programme => "Programme",
        OfferFormat.TestBed => "Test bed",
        OfferFormat.Funding => "Funding",
        _ => format.ToString(),
    };

    public static string Of(CostType cost) => cost switch
    {
        CostType.Free => "Free",
        CostType.Subsidised => "Subsidised",
        CostType.Paid => "Paid",
        _ => cost.ToString(),
    };

    /// <summary>"What happens next" as a choice on the offer form.</summary>
    public static string Of(NextStep step) => step switch
    {
        NextStep.NotStated => "Not stated",
        NextStep.ProviderContactsCompany => "The provider contacts the company",
        NextStep.CompanyContactsProvider => "The company contacts the provider",
        NextStep.CompanyApplies => "The company applies; the provider answers",
        NextStep.AdvisorRefers => "An incubator advisor refers the company; the provider answers",
        _ => step.ToString(),
    };

    /// <summary>Activity formats in the seed's words (seed 002: "Focused network and matchmaking", "Booster Board").</summary>
    public static string Of(ActivityKind kind) => kind switch
    {
        ActivityKind.Matchmaking => "Focused network and matchmaking",
        ActivityKind.CollaborativeNetwork => "Collaborative network",
        ActivityKind.BoosterBoard => "Booster Board expert panel",
        ActivityKind.Conference => "Conference",
        ActivityKind.Webinar => "Webinar",
        ActivityKind.Workshop => "Workshop",
        ActivityKind.Other => "Other",
        _ => kind.ToString(),
    };

    public static string Of(OfferStatus status) => status switch
    {
        OfferStatus.Draft => "Draft",
        OfferStatus.Published => "Published",
        OfferStatus.Archived => "Archived",
        _ => status.ToString(),
    };

    public static string Of(ProgrammeStatus status) => status switch
    {
        ProgrammeStatus.Planned => "Planned",
        ProgrammeStatus.Active => "Active",
        ProgrammeStatus.Completed => "Completed",
        _ => status.ToString(),
    };

    public static string Of(OrganisationType type) => OrganisationTypes.DisplayName(type);

    /// <summary>Country names for the ISO codes organisations use (<see cref="Countries"/>).</summary>
    public static string Country(string? code) => Countries.Name(code);
}
