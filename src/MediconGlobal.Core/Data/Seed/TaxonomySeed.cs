using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Domain;

namespace MediconGlobal.Core.Data.Seed;

/// <summary>The taxonomies of the brief (§3). Codes are stable; names can be edited by administrators.</summary>
public static class TaxonomySeed
{
    // Declared before Terms: static fields are initialised in the order they are written.
    private static readonly Dictionary<OfferFormat, (string Sv, string Da)> FormatNames = new()
    {
        [OfferFormat.OneToOneAdvisory] = ("Individuell rådgivning", "Individuel rådgivning"),
        [OfferFormat.Workshop] = ("Workshop", "Workshop"),
        [OfferFormat.Webinar] = ("Webbinarium", "Webinar"),
        [OfferFormat.Event] = ("Evenemang", "Arrangement"),
        [OfferFormat.Network] = ("Nätverk", "Netværk"),
        [OfferFormat.Programme] = ("Program", "Program"),
        [OfferFormat.TestBed] = ("Testbädd", "Testfacilitet"),
        [OfferFormat.Funding] = ("Finansiering", "Finansiering"),
    };

    private static readonly Dictionary<OrganisationType, (string Sv, string Da)> TypeNames = new()
    {
        [OrganisationType.Incubator] = ("Inkubator", "Inkubator"),
        [OrganisationType.ClusterOrganisation] = ("Klusterorganisation", "Klyngeorganisation"),
        [OrganisationType.RegionalInnovationAgency] = ("Regional innovationsaktör", "Regional innovationsaktør"),
        [OrganisationType.NationalAgency] = ("Nationell myndighet", "National myndighed"),
        [OrganisationType.EuNetwork] = ("EU-nätverk", "EU-netværk"),
        [OrganisationType.UniversityOrResearchInstitute] = ("Universitet eller forskningsinstitut", "Universitet eller forskningsinstitution"),
        [OrganisationType.HospitalOrHealthcareRegion] = ("Sjukhus eller sjukvårdsregion", "Hospital eller sundhedsregion"),
        [OrganisationType.Municipality] = ("Kommun", "Kommune"),
        [OrganisationType.Investor] = ("Investerare", "Investor"),
        [OrganisationType.Company] = ("Företag", "Virksomhed"),
        [OrganisationType.ForeignPartner] = ("Utländsk partner", "Udenlandsk partner"),
    };

    public static readonly IReadOnlyList<SeedTerm> Terms =
    [
        // The 14 ÖKS regions.
        Region("dk-hovedstaden", "Hovedstaden (Capital Region)", "DK", "Region Hovedstaden", "Region Hovedstaden"),
        Region("dk-sjaelland", "Sjælland (Zealand)", "DK", "Region Själland", "Region Sjælland"),
        Region("dk-nordjylland", "Nordjylland", "DK", "Region Nordjylland", "Region Nordjylland"),
        Region("dk-midtjylland", "Midtjylland", "DK", "Region Midtjylland", "Region Midtjylland"),
        Region("se-skane", "Skåne", "SE"),
        Region("se-halland", "Halland", "SE"),
        Region("se-vastra-gotaland", "Västra Götaland", "SE"),
        Region("no-oslo", "Oslo", "NO"),
        Region("no-akershus", "Akershus", "NO"),
        Region("no-ostfold", "Østfold", "NO"),
        Region("no-buskerud", "Buskerud", "NO"),
        Region("no-vestfold", "Vestfold", "NO"),
        Region("no-telemark", "Telemark", "NO"),
        Region("no-agder", "Agder", "NO"),

        Term(TaxonomyKind.Market, "usa", "USA"),
        new(TaxonomyKind.Market, "usa-boston", "Massachusetts / Boston", ParentCode: "usa"),
        Term(TaxonomyKind.Market, "canada", "Canada", "Kanada", "Canada"),
        Term(TaxonomyKind.Market, "uk", "UK", "Storbritannien", "Storbritannien"),
        Term(TaxonomyKind.Market, "germany", "Germany", "Tyskland", "Tyskland"),
        Term(TaxonomyKind.Market, "dach", "DACH"),
        Term(TaxonomyKind.Market, "france", "France", "Frankrike", "Frankrig"),
        Term(TaxonomyKind.Market, "benelux", "Benelux"),
        Term(TaxonomyKind.Market, "nordics", "Nordics", "Norden", "Norden"),
        Term(TaxonomyKind.Market, "eu", "EU-wide", "Hela EU", "Hele EU"),
        Term(TaxonomyKind.Market, "switzerland", "Switzerland", "Schweiz", "Schweiz"),
        Term(TaxonomyKind.Market, "china", "China", "Kina", "Kina"),
        Term(TaxonomyKind.Market, "japan", "Japan"),
        Term(TaxonomyKind.Market, "south-korea", "South Korea", "Sydkorea", "Sydkorea"),
        Term(TaxonomyKind.Market, "singapore", "Singapore"),
        Term(TaxonomyKind.Market, "india", "India", "Indien", "Indien"),
        Term(TaxonomyKind.Market, "middle-east", "Middle East", "Mellanöstern", "Mellemøsten"),
        Term(TaxonomyKind.Market, "australia", "Australia", "Australien", "Australien"),
        new(TaxonomyKind.Market, "any", "Any market", IsAgnostic: true, NameSv: "Alla marknader", NameDa: "Alle markeder"),

        Term(TaxonomyKind.Stage, "idea", "Idea", "Idé", "Idé"),
        Term(TaxonomyKind.Stage, "proof-of-concept", "Proof of concept", "Konceptvalidering", "Proof of concept"),
        Term(TaxonomyKind.Stage, "pre-clinical", "Pre-clinical", "Preklinisk", "Præklinisk"),
        Term(TaxonomyKind.Stage, "clinical", "Clinical", "Klinisk", "Klinisk"),
        Term(TaxonomyKind.Stage, "regulatory-approval", "Regulatory approval", "Regulatoriskt godkännande", "Myndighedsgodkendelse"),
        Term(TaxonomyKind.Stage, "market-launch", "Market launch", "Marknadslansering", "Markedslancering"),
        Term(TaxonomyKind.Stage, "scale-up", "Scale-up", "Uppskalning", "Opskalering"),

        Term(TaxonomyKind.Sector, "biotech-pharma", "Biotech and pharma", "Bioteknik och läkemedel", "Bioteknologi og lægemidler"),
        Term(TaxonomyKind.Sector, "medtech", "Medtech", "Medicinteknik", "Medicoteknik"),
        Term(TaxonomyKind.Sector, "diagnostics", "Diagnostics", "Diagnostik", "Diagnostik"),
        Term(TaxonomyKind.Sector, "digital-health", "Digital health and healthtech", "Digital hälsa och hälsoteknik", "Digital sundhed og sundhedsteknologi"),
        Term(TaxonomyKind.Sector, "welfare-tech", "Welfare technology", "Välfärdsteknik", "Velfærdsteknologi"),
        Term(TaxonomyKind.Sector, "ls-tools-services", "Life-science tools and services", "Verktyg och tjänster för life science", "Værktøjer og tjenester til life science"),

        Term(TaxonomyKind.SupportCategory, "legal", "Legal advisory", "Juridisk rådgivning", "Juridisk rådgivning"),
        Term(TaxonomyKind.SupportCategory, "financial", "Financial advisory", "Finansiell rådgivning", "Finansiel rådgivning"),
        Term(TaxonomyKind.SupportCategory, "marketing-sales", "Marketing and sales", "Marknadsföring och försäljning", "Markedsføring og salg"),
        Term(TaxonomyKind.SupportCategory, "ip-patents", "IP and patents", "Immaterialrätt och patent", "Immaterielle rettigheder og patenter"),
        Term(TaxonomyKind.SupportCategory, "regulatory", "Regulatory (CE marking, FDA)", "Regulatoriska krav (CE-märkning, FDA)", "Regulatoriske krav (CE-mærkning, FDA)"),
        Term(TaxonomyKind.SupportCategory, "market-intelligence", "Market intelligence", "Marknadsanalys", "Markedsanalyse"),
        Term(TaxonomyKind.SupportCategory, "partnering", "Partnering and matchmaking", "Partnersök och matchmaking", "Partnersøgning og matchmaking"),
        Term(TaxonomyKind.SupportCategory, "test-beds", "Test beds and clinical validation", "Testbäddar och klinisk validering", "Testfaciliteter og klinisk validering"),
        Term(TaxonomyKind.SupportCategory, "funding", "Funding and investors", "Finansiering och investerare", "Finansiering og investorer"),
        Term(TaxonomyKind.SupportCategory, "soft-landing", "Soft landing and ambassadors", "Soft landing och ambassadörer", "Soft landing og ambassadører"),
        Term(TaxonomyKind.SupportCategory, "training", "Training and webinars", "Utbildning och webbinarier", "Uddannelse og webinarer"),
        Term(TaxonomyKind.SupportCategory, "events", "Events and delegations", "Evenemang och delegationer", "Arrangementer og delegationer"),
        Term(TaxonomyKind.SupportCategory, "networks", "Networks and communities", "Nätverk och communities", "Netværk og fællesskaber"),
        Term(TaxonomyKind.SupportCategory, "expert-panels", "Expert feedback panels", "Expertpaneler för återkoppling", "Ekspertpaneler med feedback"),
        Term(TaxonomyKind.SupportCategory, "deep-tech", "Deep tech (AI, IoT, VR, big data, blockchain)", "Deep tech (AI, IoT, VR, big data, blockkedjor)", "Deep tech (AI, IoT, VR, big data, blockchain)"),

        Term(TaxonomyKind.Language, "en", "English", "Engelska", "Engelsk"),
        Term(TaxonomyKind.Language, "sv", "Swedish", "Svenska", "Svensk"),
        Term(TaxonomyKind.Language, "da", "Danish", "Danska", "Dansk"),
        Term(TaxonomyKind.Language, "no", "Norwegian", "Norska", "Norsk"),
        Term(TaxonomyKind.Language, "de", "German", "Tyska", "Tysk"),

        // Formats and organisation types are enums in the records; their terms carry the labels, order and
        // retirement, with the member name as the code (ADR 1150).
        .. Enum.GetValues<OfferFormat>().Select(f => Term(TaxonomyKind.Format, f.ToString(), DisplayNames.Of(f), FormatNames[f].Sv, FormatNames[f].Da)),
        .. Enum.GetValues<OrganisationType>().Select(t => Term(TaxonomyKind.OrganisationType, t.ToString(), DisplayNames.Of(t), TypeNames[t].Sv, TypeNames[t].Da)),
    ];

    private static SeedTerm Region(string code, string name, string country, string? nameSv = null, string? nameDa = null) =>
        new(TaxonomyKind.Region, code, name, CountryCode: country, NameSv: nameSv, NameDa: nameDa);

    private static SeedTerm Term(TaxonomyKind kind, string code, string name, string? nameSv = null, string? nameDa = null) =>
        new(kind, code, name, NameSv: nameSv, NameDa: nameDa);
}

/// <summary>
/// A term of the seeded taxonomies. <paramref name="NameSv"/> and <paramref name="NameDa"/> are the Swedish and Danish
/// labels (issue 14 item 2); null where the English name is the same word in that language (Japan, DACH, Oslo).
/// </summary>
public sealed record SeedTerm(TaxonomyKind Kind, string Code, string Name, string? CountryCode = null, string? ParentCode = null, bool IsAgnostic = false, string? NameSv = null, string? NameDa = null);
