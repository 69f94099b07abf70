using MediconGlobal.Core.Domain;

namespace MediconGlobal.Core.Catalogue;

/// <summary>English display names of the enums shown to users; views pass them through the localizer.</summary>
public static class DisplayNames
{
    public static string Of(OfferFormat format) => format switch
    {
        OfferFormat.OneToOneAdvisory => "One-to-one advisory",
        OfferFormat.TestBed => "Test bed",
        _ => format.ToString(),
    };

    public static string Of(CostType cost) => cost.ToString();

    public static string Of(OfferStatus status) => status.ToString();

    public static string Of(ProgrammeStatus status) => status.ToString();

    public static string Of(OrganisationType type) => type switch
    {
        OrganisationType.ClusterOrganisation => "Cluster organisation",
        OrganisationType.RegionalInnovationAgency => "Regional innovation agency",
        OrganisationType.NationalAgency => "National agency",
        OrganisationType.EuNetwork => "EU network",
        OrganisationType.UniversityOrResearchInstitute => "University or research institute",
        OrganisationType.HospitalOrHealthcareRegion => "Hospital or healthcare region",
        OrganisationType.ForeignPartner => "Foreign partner",
        _ => type.ToString(),
    };

    /// <summary>Country names for the ISO codes organisations use.</summary>
    public static string Country(string? code) => code?.ToUpperInvariant() switch
    {
        "SE" => "Sweden",
        "DK" => "Denmark",
        "NO" => "Norway",
        "FI" => "Finland",
        "DE" => "Germany",
        "US" => "United States",
        "GB" => "United Kingdom",
        "EU" => "European Union",
        null or "" => "",
        _ => code,
    };
}
