using MediconGlobal.Core.Domain;

namespace MediconGlobal.Core.Data.Seed;

/// <summary>The real offers of the seed documents. Empty term lists mean "any" (agnostic).</summary>
public static class OfferSeed
{
    private static readonly string[] Skane = ["se-skane"];
    private static readonly string[] Sweden = ["se-skane", "se-halland", "se-vastra-gotaland"];
    private static readonly string[] Denmark = ["dk-hovedstaden", "dk-sjaelland", "dk-nordjylland", "dk-midtjylland"];

    public static readonly IReadOnlyList<SeedOffer> All =
    [
        new("is-advisory-legal", "Business advisory: legal", OrganisationSeed.InnovationSkane, "legal", OfferFormat.OneToOneAdvisory, CostType.Subsidised,
            "Advanced business advisory support on legal matters for startups and SMEs in Skåne, including life science, medtech and healthtech.",
            Regions: Skane, Markets: ["any"], Languages: ["sv", "en"]),
        new("is-advisory-financial", "Business advisory: financial", OrganisationSeed.InnovationSkane, "financial", OfferFormat.OneToOneAdvisory, CostType.Subsidised,
            "Advanced business advisory support on financial matters for startups and SMEs in Skåne.",
            Regions: Skane, Markets: ["any"], Languages: ["sv", "en"]),
        new("is-advisory-marketing", "Business advisory: marketing", OrganisationSeed.InnovationSkane, "marketing-sales", OfferFormat.OneToOneAdvisory, CostType.Subsidised,
            "Advanced business advisory support on marketing for startups and SMEs in Skåne.",
            Regions: Skane, Markets: ["any"], Languages: ["sv", "en"]),
        new("is-advisory-ipr", "Business advisory: IPR", OrganisationSeed.InnovationSkane, "ip-patents", OfferFormat.OneToOneAdvisory, CostType.Subsidised,
            "Advanced business advisory support on intellectual property rights for startups and SMEs in Skåne.",
            Regions: Skane, Markets: ["any"], Languages: ["sv", "en"]),
        new("is-deep-tech", "Deep-tech support: IoT, AI, VR, big data and blockchain", OrganisationSeed.InnovationSkane, "deep-tech", OfferFormat.OneToOneAdvisory, CostType.Subsidised,
            "Business advisory support within deep tech (IoT), artificial intelligence, virtual reality, big data and blockchain technology.",
            Regions: Skane, Markets: ["any"], Languages: ["sv", "en"]),
        new("is-innovation-management", "Innovation management support in healthcare", OrganisationSeed.InnovationSkane, "partnering", OfferFormat.OneToOneAdvisory, CostType.Subsidised,
            "Experts on how to execute innovation projects within the healthcare domain, in collaboration with healthcare professionals, SMEs and research, with access to networks of expertise in healthcare IT, legal, health economics, design, research, regulatory and procurement.",
            Regions: Skane, Markets: ["any"], Sectors: ["medtech", "digital-health", "welfare-tech"], Languages: ["sv", "en"]),
        new("is-test-beds", "Test-bed services with Region Skåne", OrganisationSeed.InnovationSkane, "test-beds", OfferFormat.TestBed, CostType.Paid,
            "Tests, validation and clinical trials of products, services and processes in close collaboration with Region Skåne as a healthcare provider, including test beds integrated into healthcare clinics.",
            Regions: Skane, Markets: ["nordics", "eu"], Sectors: ["medtech", "digital-health", "diagnostics", "welfare-tech"],
            Stages: ["proof-of-concept", "clinical", "regulatory-approval", "market-launch"], Languages: ["sv", "en"], CostDetails: "Priced per project; ask Innovation Skåne."),
        new("dlsc-conferences", "Life science and welfare technology conferences", OrganisationSeed.Dlsc, "events", OfferFormat.Event, CostType.Subsidised,
            "Conferences where new knowledge and trends are communicated between companies and public actors, and where companies can meet their next collaborator.",
            Programme: ProgrammeSeed.DlscInnovationProgram, Regions: Denmark, Markets: ["nordics"], Sectors: ["welfare-tech", "medtech", "digital-health"], Languages: ["da", "en"]),
        new("dlsc-focused-network", "Focused network and matchmaking", OrganisationSeed.Dlsc, "partnering", OfferFormat.Network, CostType.Subsidised,
            "Focused networks that strengthen collaborative relationships, targeted at developing specific technologies for hospitals and municipalities or built around a specific problem in the health sector.",
            Programme: ProgrammeSeed.DlscInnovationProgram, Regions: Denmark, Markets: ["nordics"], Sectors: ["welfare-tech", "medtech", "digital-health"], Languages: ["da", "en"]),
        new("dlsc-collaborative-network", "Collaborative network with municipalities and hospitals", OrganisationSeed.Dlsc, "networks", OfferFormat.Network, CostType.Subsidised,
            "Concrete collaboration forums between companies, municipalities and hospitals, where companies get input on concepts for new products or services, or feedback on products to adapt to a new customer or sector.",
            Programme: ProgrammeSeed.DlscInnovationProgram, Regions: Denmark, Markets: ["nordics"], Sectors: ["welfare-tech", "medtech", "digital-health"], Languages: ["da", "en"]),
        new("dlsc-booster-board", "Booster Board expert panels", OrganisationSeed.Dlsc, "expert-panels", OfferFormat.Workshop, CostType.Subsidised,
            "Expert panels of companies, municipalities and hospitals give concrete feedback on technologies adapted to municipalities or hospitals.",
            Programme: ProgrammeSeed.DlscInnovationProgram, Regions: Denmark, Markets: ["nordics"], Sectors: ["welfare-tech", "medtech", "digital-health"], Languages: ["da", "en"]),
        new("mva-ambassadors", "Life Science ambassadors", OrganisationSeed.Mva, "soft-landing", OfferFormat.Network, CostType.Free,
            "Posted Life Science ambassadors help Danish-Swedish life-science enterprises and institutions to internationalise.",
            Programme: ProgrammeSeed.Ambassadors, Regions: ["dk-hovedstaden", "dk-sjaelland", "se-skane"], Markets: ["usa", "usa-boston"], Languages: ["en", "da", "sv"]),
        new("bs-leap", "Leap", OrganisationSeed.BusinessSweden, "market-intelligence", OfferFormat.Programme, CostType.Subsidised,
            "Business Sweden's Leap programme for companies taking the next step into international markets. In the Clusters of Sweden project 200 companies learned about Leap and 5 implemented it.",
            Regions: Sweden, Markets: ["any"], Languages: ["sv", "en"]),
        new("een-partnering", "Partnering support", OrganisationSeed.Een, "partnering", OfferFormat.OneToOneAdvisory, CostType.Free,
            "Enterprise Europe Network helps SMEs find international business and technology partners across Europe.",
            Markets: ["eu"], Languages: ["en", "sv", "da"]),
        new("si-pilot", "Pilot programme \"Pioneer the possible\"", OrganisationSeed.SwedishInstitute, "training", OfferFormat.Programme, CostType.Free,
            "Test pilot run with Clusters of Sweden, reaching 100 participants.",
            Programme: ProgrammeSeed.ClustersOfSweden, Regions: Sweden, Markets: ["any"], Languages: ["sv", "en"]),
    ];
}

public sealed record SeedOffer(
    string Key,
    string Name,
    string ProviderKey,
    string Category,
    OfferFormat Format,
    CostType Cost,
    string Description,
    string? Programme = null,
    string[]? Regions = null,
    string[]? Markets = null,
    string[]? Sectors = null,
    string[]? Stages = null,
    string[]? Languages = null,
    string? CostDetails = null);
