using MediconGlobal.Core.Domain;

namespace MediconGlobal.Core.Landscape;

/// <summary>English names of organisation types, for pages (through the localizer) and exports.</summary>
public static class OrganisationTypes
{
    public static string DisplayName(OrganisationType type) => type switch
    {
        OrganisationType.Incubator => "Incubator",
        OrganisationType.ClusterOrganisation => "Cluster organisation",
        OrganisationType.RegionalInnovationAgency => "Regional innovation agency",
        OrganisationType.NationalAgency => "National agency",
        OrganisationType.EuNetwork => "EU network",
        OrganisationType.UniversityOrResearchInstitute => "University or research institute",
        OrganisationType.HospitalOrHealthcareRegion => "Hospital or healthcare region",
        OrganisationType.Municipality => "Municipality",
        OrganisationType.Investor => "Investor",
        OrganisationType.Company => "Company",
        OrganisationType.ForeignPartner => "Foreign partner",
        _ => type.ToString(),
    };
}
