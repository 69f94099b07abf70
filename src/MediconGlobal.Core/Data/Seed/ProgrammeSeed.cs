using MediconGlobal.Core.Domain;

namespace MediconGlobal.Core.Data.Seed;

/// <summary>The programmes of the seed documents, with the figures they report.</summary>
public static class ProgrammeSeed
{
    public const string GoingGlobal = "mv-going-global";
    public const string DlscInnovationProgram = "dlsc-innovation-program-23-24";
    public const string Massachusetts = "massachusetts-agreement";
    public const string Ambassadors = "mva-ambassadors";
    public const string ClustersOfSweden = "clusters-of-sweden-internationalisation";

    public static readonly IReadOnlyList<SeedProgramme> All =
    [
        new(GoingGlobal, "Medicon Valley Going Global", OrganisationSeed.SmiLe, ProgrammeStatus.Active,
            "Pre-project driven by SmiLe Incubator and Medicon Valley Alliance to map and deepen knowledge of potential collaboration partners, existing initiatives and the possibility of collaboration, and to develop the structure for a main project with state-of-the-art programmes for business support organisations helping startups with internationalisation.",
            Partners: [new(OrganisationSeed.Mva, "Co-lead")],
            TargetGroup: "Business support organisations and life-science startups in the ÖKS region",
            Geography: "Öresund–Kattegat–Skagerrak (ÖKS)",
            Activities: "1. Analyse the current situation of support for internationalisation (what exists, what earlier initiatives showed, where the gaps are).\n2. Investigate the partner landscape and map potential regional collaborators and their expertise.\n3. Determine the scope and target group for the main project."),
        new(DlscInnovationProgram, "Innovation Program 23-24: Life Science and Welfare Technology", OrganisationSeed.Dlsc, ProgrammeStatus.Completed,
            "Enhances the productivity and competitiveness of companies, especially SMEs, by fostering collaboration on innovation and knowledge sharing among knowledge institutions, companies and other stakeholders in life science, and supports public-private collaboration with hospitals and municipalities.",
            Funder: "European Union (co-funding)",
            Start: new DateOnly(2023, 1, 1), End: new DateOnly(2024, 12, 31),
            TargetGroup: "SMEs in life science and welfare technology; hospitals and municipalities",
            Geography: "Denmark",
            Activities: "Conferences; focused network and matchmaking; collaborative network; Booster Board expert panels."),
        new(Massachusetts, "Collaboration agreement with Massachusetts", OrganisationSeed.CapitalRegion, ProgrammeStatus.Active,
            "Collaboration agreement between the Capital Region of Denmark, Region Zealand, Region Skåne and the Commonwealth of Massachusetts to strengthen collaboration in the health sector, focusing on research and business development in biotech, medicine and the medico industry.",
            Partners: [new(OrganisationSeed.RegionZealand, "Partner"), new(OrganisationSeed.RegionSkane, "Partner"), new(OrganisationSeed.Massachusetts, "Partner")],
            Geography: "Øresund Region and Massachusetts",
            Activities: "Promote exchange of researchers and students; strengthen research collaboration in life science; identify special projects or partnerships; use government resources and programmes to underpin collaboration and commercialisation; establish frameworks for common research and development projects."),
        new(Ambassadors, "Life Science ambassador programme", OrganisationSeed.Mva, ProgrammeStatus.Active,
            "Posted \"Life Science ambassadors\" help Danish-Swedish life-science enterprises and institutions to internationalise.",
            Funder: "Growth Forum of the Capital City",
            TargetGroup: "Danish-Swedish life-science enterprises and institutions"),
        new(ClustersOfSweden, "Clusters of Sweden: increasing synergies between regional, national and international innovation systems", OrganisationSeed.MobileHeights, ProgrammeStatus.Completed,
            "Increased the strategic and operational capacity of cluster organisations to support SMEs to internationalise, by developing approaches, methods and tools that leverage regional, national and international efforts and resources. Nine Swedish cluster organisations collaborated with Business Sweden, EEN, Vinnova and the Swedish Institute.",
            Partners: [new(OrganisationSeed.ClustersOfSweden, "Project owner"), new(OrganisationSeed.BusinessSweden, "Partner"), new(OrganisationSeed.Een, "Partner"), new(OrganisationSeed.Vinnova, "Funder"), new(OrganisationSeed.SwedishInstitute, "Partner")],
            Funder: "Vinnova", FunderKey: OrganisationSeed.Vinnova, AmountMinor: 2_138_347_00, Currency: Currency.SEK, Reference: "2022-01443",
            Start: new DateOnly(2022, 5, 1), End: new DateOnly(2023, 1, 31),
            TargetGroup: "Swedish cluster organisations and their SMEs",
            Geography: "Sweden",
            Activities: "Tested methods and tools with Business Sweden, EEN, Vinnova and the Swedish Institute; two-part training on supporting companies to reach new markets; digital event at Sweden Innovation Days 2023.",
            LessonsLearned: "The project model, tested in earlier projects, worked with well-functioning procedures at the project owner and a steering group of the Clusters of Sweden board. Collaboration with IHubs/SISP started and will continue.",
            Indicators:
            [
                new("Companies in the EEN info webinar", 30, Funnel: "EEN"),
                new("Companies going further with EEN", 10, Funnel: "EEN"),
                new("Companies that learned about Business Sweden's Leap", 200, Funnel: "Leap"),
                new("Companies that implemented Leap", 5, Funnel: "Leap"),
                new("Companies planning to implement Leap in 2023", 6, Funnel: "Leap"),
                new("Participants in the Swedish Institute pilot \"Pioneer the possible\"", 100),
                new("Swedish cluster organisations collaborating", 9),
            ]),
    ];
}

public sealed record SeedProgramme(
    string Key,
    string Name,
    string LeadKey,
    ProgrammeStatus Status,
    string Description,
    SeedPartner[]? Partners = null,
    string? Funder = null,
    string? FunderKey = null,
    long? AmountMinor = null,
    Currency? Currency = null,
    string? Reference = null,
    DateOnly? Start = null,
    DateOnly? End = null,
    string? TargetGroup = null,
    string? Geography = null,
    string? Activities = null,
    string? LessonsLearned = null,
    SeedIndicator[]? Indicators = null);

public sealed record SeedPartner(string OrganisationKey, string Role);

public sealed record SeedIndicator(string Metric, int Actual, int? Target = null, string? Funnel = null);
