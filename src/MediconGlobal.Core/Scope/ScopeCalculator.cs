using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Landscape;
using MediconGlobal.Core.Privacy;

namespace MediconGlobal.Core.Scope;

/// <summary>The two ways the scope analysis slices the ecosystem.</summary>
public enum ScopeDimension
{
    /// <summary>By type of organisation: demand of the clients they incubate, offers they provide, their engagement.</summary>
    OrganisationType,

    /// <summary>By ÖKS region: demand of companies there, offers open to them, organisations based there.</summary>
    Region,
}

/// <summary>
/// A need reduced to what the scope analysis counts. <see cref="ServingType"/> is the type of the organisation
/// that serves the need (ADR 1740: the receiving organisation of its latest accepted or completed referral, else
/// the company's home incubator; null: none). <see cref="Covered"/> comes from the matching rule.
/// </summary>
public sealed record ScopeNeed(int CompanyId, OrganisationType? ServingType, int? RegionId, NeedStatus Status, bool Covered)
{
    /// <summary>Still being worked on (open, in progress or referred).</summary>
    public bool IsActive => Need.IsActiveStatus(Status);
}

/// <summary>A published offer: its provider's type and region, and the regions it is open to (empty: all).</summary>
public sealed record ScopeOffer(int OfferId, OrganisationType ProviderType, IReadOnlySet<int> EligibleRegionIds);

public sealed record ScopeOrganisation(OrganisationType Type, int? RegionId, PartnershipStatus Status);

/// <summary>One value of a dimension: a type or a region (<see cref="Id"/> null: not recorded).</summary>
public sealed record ScopeSegment(ScopeDimension Dimension, int? Id, string Label);

/// <summary>The figures of one segment.</summary>
/// <param name="Companies">Distinct companies with at least one need counted.</param>
/// <param name="Needs">Needs counted (every status but withdrawn).</param>
/// <param name="Unmet">Needs closed as unmet.</param>
/// <param name="NoMatchingOffer">Needs still open, in progress or referred that no published offer matches.</param>
/// <param name="Offers">Published offers of the segment: provided by organisations of the type, or open to companies of the region.</param>
public sealed record ScopeLine(
    ScopeSegment Segment,
    int Companies,
    int Needs,
    int Unmet,
    int NoMatchingOffer,
    int Offers,
    IReadOnlyDictionary<PartnershipStatus, int> Organisations)
{
    /// <summary>Unmet plus active needs with no matching offer (in a protected report, never more than the needs shown).</summary>
    public int Gaps => Math.Min(Needs, Unmet + NoMatchingOffer);

    public double? GapShare => Needs == 0 ? null : (double)Gaps / Needs;

    public int EngagedOrPartner => Organisations.GetValueOrDefault(PartnershipStatus.Engaged) + Organisations.GetValueOrDefault(PartnershipStatus.Partner);

    public int OrganisationCount => Organisations.Values.Sum();
}

/// <summary>A line of the ranked summary: where the main project would help most.</summary>
public sealed record RankedLine(int Rank, ScopeLine Line);

/// <summary>The scope analysis: by type, by region, the ranking of both, and type × region in one table.</summary>
public sealed record ScopeReport(IReadOnlyList<ScopeLine> ByType, IReadOnlyList<ScopeLine> ByRegion, IReadOnlyList<RankedLine> Ranking, ScopeCrossTable CrossTable);

/// <summary>
/// The scope and target-group analysis, from plain data: for each organisation type and each region the
/// demand and its gaps (a need counted under the type of the organisation that serves it, ADR 1740), the supply of published offers and the engagement of the organisations. The ranking
/// orders segments by gaps (needs closed unmet plus active needs no offer matches), then by the share of
/// demand that is a gap, then by companies affected — so every rank can be explained by the figures beside it.
/// Given a <see cref="SmallCellProtection"/>, every segment's demand figures are published through it (ADR
/// 1801): the protected report that exports get, ranked by its published figures.
/// </summary>
public static class ScopeCalculator
{
    /// <summary>The type segment of needs no organisation serves (no accepted referral, no home incubator).</summary>
    public const string NoServingOrganisation = "No serving organisation";

    /// <summary>The region segment of needs whose company has no region, or one outside the ÖKS regions.</summary>
    public const string RegionNotRecorded = "Region not recorded";

    public static ScopeReport Compute(
        IReadOnlyList<ScopeSegment> regions,
        IReadOnlyCollection<ScopeNeed> needs,
        IReadOnlyCollection<ScopeOffer> offers,
        IReadOnlyCollection<ScopeOrganisation> organisations,
        SmallCellProtection? protection = null)
    {
        // Grouped once (in the needs' order) rather than one pass over every need per segment.
        var needsByType = needs.ToLookup(n => n.ServingType);
        var needsByRegion = needs.ToLookup(n => n.RegionId);
        var byType = Enum.GetValues<OrganisationType>()
            .Select(t => new ScopeSegment(ScopeDimension.OrganisationType, (int)t, OrganisationTypes.DisplayName(t)))
            .Select(s => Line(s, needsByType[(OrganisationType)s.Id!], offers.Count(o => o.ProviderType == (OrganisationType)s.Id!), organisations.Where(o => o.Type == (OrganisationType)s.Id!), protection))
            .Where(l => l.Needs > 0 || l.Offers > 0 || l.OrganisationCount > 0)
            .ToList();
        var unincubated = Line(new ScopeSegment(ScopeDimension.OrganisationType, null, NoServingOrganisation), needsByType[null], 0, [], protection);
        if (unincubated.Needs > 0)
        {
            byType.Add(unincubated);
        }

        var known = regions.Select(r => r.Id).ToHashSet();
        var byRegion = regions
            .Select(s => Line(s, needsByRegion[s.Id], offers.Count(o => o.EligibleRegionIds.Count == 0 || o.EligibleRegionIds.Contains(s.Id!.Value)), organisations.Where(o => o.RegionId == s.Id), protection))
            .ToList();
        var elsewhere = Line(new ScopeSegment(ScopeDimension.Region, null, RegionNotRecorded), needs.Where(n => n.RegionId is null || !known.Contains(n.RegionId)), 0, [], protection);
        if (elsewhere.Needs > 0)
        {
            byRegion.Add(elsewhere);
        }

        return new ScopeReport(byType, byRegion, Rank(byType.Concat(byRegion)), ScopeCrossTable.Compute(regions, needs, offers, protection));
    }

    /// <summary>Segments with at least one gap, most gaps first; ties by gap share, then companies, then name.</summary>
    public static IReadOnlyList<RankedLine> Rank(IEnumerable<ScopeLine> lines) =>
        lines.Where(l => l.Gaps > 0 && l.Segment.Id is not null)
            .OrderByDescending(l => l.Gaps)
            .ThenByDescending(l => l.GapShare)
            .ThenByDescending(l => l.Companies)
            .ThenBy(l => l.Segment.Label, StringComparer.Ordinal)
            .Select((l, i) => new RankedLine(i + 1, l))
            .ToList();

    /// <summary>A segment's figures: exact, or with the demand published through <paramref name="protection"/> (offers and organisations are not about companies).</summary>
    private static ScopeLine Line(ScopeSegment segment, IEnumerable<ScopeNeed> needs, int offers, IEnumerable<ScopeOrganisation> organisations, SmallCellProtection? protection)
    {
        var counted = needs.Where(n => n.Status != NeedStatus.Withdrawn).ToList();
        var unmet = counted.Where(n => n.Status == NeedStatus.Unmet).ToList();
        var uncovered = counted.Where(n => n.IsActive && !n.Covered).ToList();
        var byStatus = organisations.GroupBy(o => o.Status).ToDictionary(g => g.Key, g => g.Count());
        if (protection is null)
        {
            return new ScopeLine(segment, counted.Select(n => n.CompanyId).Distinct().Count(), counted.Count, unmet.Count, uncovered.Count, offers, byStatus);
        }

        var group = protection.Group(counted.Select(n => n.CompanyId));
        return new ScopeLine(segment, group.Companies, group.Records, group.Part(unmet.Select(n => n.CompanyId)), group.Part(uncovered.Select(n => n.CompanyId)), offers, byStatus);
    }
}
