using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Domain;

namespace MediconGlobal.Core.Data.Seed;

/// <summary>The taxonomies of the brief (§3). Codes are stable; names can be edited by administrators.</summary>
public static class TaxonomySeed
{
    public static readonly IReadOnlyList<SeedTerm> Terms =
    [
        // The 14 ÖKS regions.
        Region("dk-hovedstaden", "Hovedstaden (Capital Region)", "DK"),
        Region("dk-sjaelland", "Sjælland (Zealand)", "DK"),
        Region("dk-nordjylland", "Nordjylland", "DK"),
        Region("dk-midtjylland", "Midtjylland", "DK"),
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
        Term(TaxonomyKind.Market, "canada", "Canada"),
        Term(TaxonomyKind.Market, "uk", "UK"),
        Term(TaxonomyKind.Market, "germany", "Germany"),
        Term(TaxonomyKind.Market, "dach", "DACH"),
        Term(TaxonomyKind.Market, "france", "France"),
        Term(TaxonomyKind.Market, "benelux", "Benelux"),
        Term(TaxonomyKind.Market, "nordics", "Nordics"),
        Term(TaxonomyKind.Market, "eu", "EU-wide"),
        Term(TaxonomyKind.Market, "switzerland", "Switzerland"),
        Term(TaxonomyKind.Market, "china", "China"),
        Term(TaxonomyKind.Market, "japan", "Japan"),
        Term(TaxonomyKind.Market, "south-korea", "South Korea"),
        Term(TaxonomyKind.Market, "singapore", "Singapore"),
        Term(TaxonomyKind.Market, "india", "India"),
        Term(TaxonomyKind.Market, "middle-east", "Middle East"),
        Term(TaxonomyKind.Market, "australia", "Australia"),
        new(TaxonomyKind.Market, "any", "Any market", IsAgnostic: true),

        Term(TaxonomyKind.Stage, "idea", "Idea"),
        Term(TaxonomyKind.Stage, "proof-of-concept", "Proof of concept"),
        Term(TaxonomyKind.Stage, "pre-clinical", "Pre-clinical"),
        Term(TaxonomyKind.Stage, "clinical", "Clinical"),
        Term(TaxonomyKind.Stage, "regulatory-approval", "Regulatory approval"),
        Term(TaxonomyKind.Stage, "market-launch", "Market launch"),
        Term(TaxonomyKind.Stage, "scale-up", "Scale-up"),

        Term(TaxonomyKind.Sector, "biotech-pharma", "Biotech and pharma"),
        Term(TaxonomyKind.Sector, "medtech", "Medtech"),
        Term(TaxonomyKind.Sector, "diagnostics", "Diagnostics"),
        Term(TaxonomyKind.Sector, "digital-health", "Digital health and healthtech"),
        Term(TaxonomyKind.Sector, "welfare-tech", "Welfare technology"),
        Term(TaxonomyKind.Sector, "ls-tools-services", "Life-science tools and services"),

        Term(TaxonomyKind.SupportCategory, "legal", "Legal advisory"),
        Term(TaxonomyKind.SupportCategory, "financial", "Financial advisory"),
        Term(TaxonomyKind.SupportCategory, "marketing-sales", "Marketing and sales"),
        Term(TaxonomyKind.SupportCategory, "ip-patents", "IP and patents"),
        Term(TaxonomyKind.SupportCategory, "regulatory", "Regulatory (CE marking, FDA)"),
        Term(TaxonomyKind.SupportCategory, "market-intelligence", "Market intelligence"),
        Term(TaxonomyKind.SupportCategory, "partnering", "Partnering and matchmaking"),
        Term(TaxonomyKind.SupportCategory, "test-beds", "Test beds and clinical validation"),
        Term(TaxonomyKind.SupportCategory, "funding", "Funding and investors"),
        Term(TaxonomyKind.SupportCategory, "soft-landing", "Soft landing and ambassadors"),
        Term(TaxonomyKind.SupportCategory, "training", "Training and webinars"),
        Term(TaxonomyKind.SupportCategory, "events", "Events and delegations"),
        Term(TaxonomyKind.SupportCategory, "networks", "Networks and communities"),
        Term(TaxonomyKind.SupportCategory, "expert-panels", "Expert feedback panels"),
        Term(TaxonomyKind.SupportCategory, "deep-tech", "Deep tech (AI, IoT, VR, big data, blockchain)"),

        Term(TaxonomyKind.Language, "en", "English"),
        Term(TaxonomyKind.Language, "sv", "Swedish"),
        Term(TaxonomyKind.Language, "da", "Danish"),
        Term(TaxonomyKind.Language, "no", "Norwegian"),
        Term(TaxonomyKind.Language, "de", "German"),

        // Formats and organisation types are enums in the records; their terms carry the labels, order and
        // retirement, with the member name as the code (ADR 1150).
        .. Enum.GetValues<OfferFormat>().Select(f => Term(TaxonomyKind.Format, f.ToString(), DisplayNames.Of(f))),
        .. Enum.GetValues<OrganisationType>().Select(t => Term(TaxonomyKind.OrganisationType, t.ToString(), DisplayNames.Of(t))),
    ];

    private static SeedTerm Region(string code, string name, string country) => new(TaxonomyKind.Region, code, name, CountryCode: country);

    private static SeedTerm Term(TaxonomyKind kind, string code, string name) => new(kind, code, name);
}

public sealed record SeedTerm(TaxonomyKind Kind, string Code, string Name, string? CountryCode = null, string? ParentCode = null, bool IsAgnostic = false);
