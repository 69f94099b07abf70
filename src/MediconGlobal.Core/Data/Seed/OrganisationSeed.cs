using MediconGlobal.Core.Domain;

namespace MediconGlobal.Core.Data.Seed;

/// <summary>The real organisations of the seed documents (BRIEF §4). Facts come from <c>seeds/</c>; nothing is invented.</summary>
public static class OrganisationSeed
{
    public const string SmiLe = "smile";
    public const string Mva = "mva";
    public const string InnovationSkane = "innovation-skane";
    public const string RegionSkane = "region-skane";
    public const string Rise = "rise";
    public const string HealthTechNordic = "healthtech-nordic";
    public const string Dlsc = "dlsc";
    public const string CapitalRegion = "capital-region-dk";
    public const string RegionZealand = "region-zealand";
    public const string Massachusetts = "massachusetts";
    public const string ClustersOfSweden = "clusters-of-sweden";
    public const string MobileHeights = "mobile-heights";
    public const string BusinessSweden = "business-sweden";
    public const string Een = "een";
    public const string Vinnova = "vinnova";
    public const string SwedishInstitute = "swedish-institute";

    public static readonly IReadOnlyList<SeedOrganisation> All =
    [
        new(SmiLe, "SmiLe Incubator", OrganisationType.Incubator, "SE", "se-skane", "https://smileincubator.life",
            "Life-science incubator in Lund guiding startup companies. Drives the pre-project Medicon Valley Going Global together with Medicon Valley Alliance.",
            PartnershipStatus.Partner, Expertise: ["financial", "funding", "partnering", "training"], Sectors: ["biotech-pharma", "medtech", "diagnostics", "digital-health"],
            Languages: ["en", "sv"], Contact: new("Kristian Enkvist", "Project Portfolio Lead and Senior Advisor; project manager, Medicon Valley Going Global")),
        new(Mva, "Medicon Valley Alliance", OrganisationType.ClusterOrganisation, "DK", "dk-hovedstaden", "https://mva.org",
            "Danish-Swedish life-science cluster organisation for Medicon Valley. Runs a Life Science ambassador programme that helps Danish-Swedish life-science enterprises and institutions to internationalise.",
            PartnershipStatus.Partner, Expertise: ["soft-landing", "networks", "events", "partnering"], Sectors: ["biotech-pharma", "medtech", "diagnostics", "digital-health"],
            Languages: ["en", "da", "sv"]),
        new(InnovationSkane, "Innovation Skåne", OrganisationType.RegionalInnovationAgency, "SE", "se-skane", "https://www.innovationskane.com",
            "The innovation company of Region Skåne. Represents the collected infrastructure for innovation in Skåne: advanced business advisory support (legal, financial, marketing, IPR, deep tech), innovation management support and test-bed services with Region Skåne. Its Business Advisory function serves more than 250 clients, and it is lead partner of HealthTech Nordic.",
            PartnershipStatus.Contacted, Expertise: ["legal", "financial", "marketing-sales", "ip-patents", "deep-tech", "test-beds", "partnering"],
            Sectors: ["medtech", "digital-health", "biotech-pharma", "welfare-tech"], Languages: ["en", "sv"],
            CollaborationNeeds: "Access to international networks and markets for its 250+ business advisory clients."),
        new(RegionSkane, "Region Skåne", OrganisationType.HospitalOrHealthcareRegion, "SE", "se-skane", "https://www.skane.se",
            "The regional administration of Skåne, offering healthcare, regional development and welfare services. Provides test beds integrated into healthcare clinics together with Innovation Skåne, and is party to the collaboration agreement with Massachusetts.",
            PartnershipStatus.Mapped, Expertise: ["test-beds"], Sectors: ["medtech", "digital-health", "welfare-tech"], Languages: ["sv", "en"]),
        new(Rise, "RISE Research Institutes of Sweden", OrganisationType.UniversityOrResearchInstitute, "SE", null, "https://www.ri.se",
            "Sweden's research institute, working in close collaboration with Innovation Skåne.",
            PartnershipStatus.Mapped, Expertise: ["test-beds", "regulatory"], Sectors: ["medtech", "ls-tools-services"], Languages: ["sv", "en"]),
        new(HealthTechNordic, "HealthTech Nordic", OrganisationType.ClusterOrganisation, "SE", "se-skane", null,
            "A Nordic-wide community for SMEs and start-ups within healthtech, with more than 100 SMEs and start-ups. Led by Innovation Skåne.",
            PartnershipStatus.Mapped, Expertise: ["networks"], Sectors: ["digital-health", "medtech"], Languages: ["en"]),
        new(Dlsc, "Danish Life Science Cluster", OrganisationType.ClusterOrganisation, "DK", "dk-hovedstaden", "https://www.danishlifesciencecluster.dk",
            "Danish cluster organisation for life science and welfare technology. Creates growth and competition conditions for SMEs and fosters public-private collaboration with hospitals and municipalities.",
            PartnershipStatus.Contacted, Expertise: ["events", "partnering", "networks", "expert-panels"], Sectors: ["welfare-tech", "medtech", "digital-health", "biotech-pharma"],
            Languages: ["da", "en"], CollaborationNeeds: "Companies with relevant products for Danish hospitals and municipalities."),
        new(CapitalRegion, "Capital Region of Denmark", OrganisationType.HospitalOrHealthcareRegion, "DK", "dk-hovedstaden", "https://www.regionh.dk",
            "Danish region and healthcare provider; party to the collaboration agreement with the Commonwealth of Massachusetts.",
            PartnershipStatus.Mapped, Expertise: ["test-beds"], Sectors: ["medtech", "biotech-pharma"], Languages: ["da", "en"]),
        new(RegionZealand, "Region Zealand", OrganisationType.HospitalOrHealthcareRegion, "DK", "dk-sjaelland", "https://www.regionsjaelland.dk",
            "Danish region and healthcare provider; party to the collaboration agreement with Massachusetts.",
            PartnershipStatus.Mapped, Expertise: [], Sectors: ["medtech"], Languages: ["da"]),
        new(Massachusetts, "Commonwealth of Massachusetts", OrganisationType.ForeignPartner, "US", null, "https://www.mass.gov",
            "American state with some of the world's strongest business and research clusters in biotech, medicine and the medico industry: more than 500 biotech companies, MIT, Harvard and strong university hospitals.",
            PartnershipStatus.Mapped, Expertise: ["soft-landing", "partnering"], Sectors: ["biotech-pharma", "medtech"], Languages: ["en"]),
        new(ClustersOfSweden, "Clusters of Sweden", OrganisationType.ClusterOrganisation, "SE", null, null,
            "Network of Swedish cluster organisations that increases their strategic and operational capacity to support SMEs to internationalise.",
            PartnershipStatus.Mapped, Expertise: ["networks", "training"], Sectors: [], Languages: ["sv", "en"]),
        new(MobileHeights, "Mobile Heights", OrganisationType.ClusterOrganisation, "SE", "se-skane", "https://mobileheights.org",
            "Cluster organisation (Mobile Heights AB) that coordinated Clusters of Sweden's internationalisation project.",
            PartnershipStatus.Mapped, Expertise: ["networks"], Sectors: ["digital-health"], Languages: ["sv", "en"]),
        new(BusinessSweden, "Business Sweden", OrganisationType.NationalAgency, "SE", null, "https://www.business-sweden.com",
            "Sweden's trade and invest council; offers the Leap programme for companies going international.",
            PartnershipStatus.Mapped, Expertise: ["market-intelligence", "marketing-sales", "soft-landing"], Sectors: [], Languages: ["sv", "en"]),
        new(Een, "Enterprise Europe Network", OrganisationType.EuNetwork, "EU", null, "https://een.ec.europa.eu",
            "The European Commission's network supporting SMEs with international partnering and advice.",
            PartnershipStatus.Mapped, Expertise: ["partnering", "market-intelligence"], Sectors: [], Languages: ["en", "sv", "da"]),
        new(Vinnova, "Vinnova", OrganisationType.NationalAgency, "SE", null, "https://www.vinnova.se",
            "Sweden's innovation agency; funded Clusters of Sweden's internationalisation project.",
            PartnershipStatus.Mapped, Expertise: ["funding"], Sectors: [], Languages: ["sv", "en"]),
        new(SwedishInstitute, "Swedish Institute", OrganisationType.NationalAgency, "SE", null, "https://si.se",
            "Swedish public agency for Sweden's image abroad; ran the test pilot \"Pioneer the possible\" with Clusters of Sweden.",
            PartnershipStatus.Mapped, Expertise: ["training", "events"], Sectors: [], Languages: ["sv", "en"]),
    ];
}

public sealed record SeedOrganisation(
    string Key,
    string Name,
    OrganisationType Type,
    string Country,
    string? Region,
    string? Website,
    string Description,
    PartnershipStatus Status,
    string[] Expertise,
    string[] Sectors,
    string[] Languages,
    string? CollaborationNeeds = null,
    SeedContact? Contact = null);

public sealed record SeedContact(string Name, string Role);
