using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Landscape;
using MediconGlobal.Core.Privacy;

namespace MediconGlobal.Core.Scope;

/// <summary>The figures of one cell or margin of the scope cross-table.</summary>
/// <param name="Companies">Distinct companies behind the demand (decides, when protected, whether the group shows at all).</param>
/// <param name="Needs">Demand: needs counted (every status but withdrawn).</param>
/// <param name="Unmet">Needs closed as unmet plus needs still active that no published offer matches (the scope report's gaps).</param>
/// <param name="Covered">Needs that at least one published offer matches (the portal's matching rule).</param>
/// <param name="Offers">Supply: published offers of organisations of the type open to companies of the region (margins: of the type, open to the region, all).</param>
public sealed record ScopeCell(int Companies, int Needs, int Unmet, int Covered, int Offers)
{
    /// <summary>Covered needs ÷ needs, from the figures shown; null without demand.</summary>
    public double? Coverage => Needs == 0 ? null : (double)Covered / Needs;
}

/// <summary>
/// Organisation type × ÖKS region in one table (issue 17 item 6, ADR 1740). <see cref="Cells"/> is indexed
/// [type][region] like <see cref="Types"/> and <see cref="Regions"/>; a segment's <see cref="ScopeSegment.Id"/>
/// is null for "no serving organisation" and "region not recorded". In the exact table the demand figures
/// (needs, unmet, covered) of the cells add up to their margins and to <see cref="Total"/>, because each need
/// is counted under exactly one serving type and one region; companies and offers are distinct counts and do
/// not. In a protected table every group is published on its own (ADR 1801), so margins need not add up.
/// </summary>
public sealed record ScopeCrossTable(
    IReadOnlyList<ScopeSegment> Types,
    IReadOnlyList<ScopeSegment> Regions,
    IReadOnlyList<IReadOnlyList<ScopeCell>> Cells,
    IReadOnlyList<ScopeCell> TypeTotals,
    IReadOnlyList<ScopeCell> RegionTotals,
    ScopeCell Total,
    bool IsProtected)
{
    public static readonly ScopeCrossTable Empty = new([], [], [], [], [], new(0, 0, 0, 0, 0), false);

    /// <summary>
    /// Builds the table from plain data. Rows are the organisation types with demand or supply (then "no
    /// serving organisation" when it has demand), columns the regions with demand or supply in the order
    /// given (then "region not recorded"); given a <paramref name="protection"/>, every cell and margin is
    /// published as one group through it and rows and columns left with nothing to show are dropped.
    /// </summary>
    public static ScopeCrossTable Compute(
        IReadOnlyList<ScopeSegment> regions,
        IReadOnlyCollection<ScopeNeed> needs,
        IReadOnlyCollection<ScopeOffer> offers,
        SmallCellProtection? protection = null)
    {
        var known = regions.Select(r => r.Id).ToHashSet();
        var counted = needs.Where(n => n.Status != NeedStatus.Withdrawn)
            .Select(n => (Need: n, Type: (int?)n.ServingType, Region: known.Contains(n.RegionId) ? n.RegionId : null))
            .ToList();

        var typeSegments = Enum.GetValues<OrganisationType>()
            .Select(t => new ScopeSegment(ScopeDimension.OrganisationType, (int)t, OrganisationTypes.DisplayName(t)))
            .Append(new ScopeSegment(ScopeDimension.OrganisationType, null, ScopeCalculator.NoServingOrganisation))
            .ToList();
        var regionSegments = regions.Append(new ScopeSegment(ScopeDimension.Region, null, ScopeCalculator.RegionNotRecorded)).ToList();

        ScopeCell Cell(IEnumerable<ScopeNeed> group, int offerCount)
        {
            var list = group.ToList();
            var unmet = list.Where(n => n.Status == NeedStatus.Unmet || (n.IsActive && !n.Covered)).ToList();
            var covered = list.Where(n => n.Covered).ToList();
            if (protection is null)
            {
                return new ScopeCell(list.Select(n => n.CompanyId).Distinct().Count(), list.Count, unmet.Count, covered.Count, offerCount);
            }

            var published = protection.Group(list.Select(n => n.CompanyId));
            return new ScopeCell(published.Companies, published.Records, published.Part(unmet.Select(n => n.CompanyId)), published.Part(covered.Select(n => n.CompanyId)), offerCount);
        }

        // Supply of "no serving organisation" or "region not recorded" is 0: no offer belongs there.
        int Supply(int? type, int? region, bool typeMargin, bool regionMargin) =>
            (type is null && !typeMargin) || (region is null && !regionMargin) ? 0
            : offers.Count(o => (typeMargin || o.ProviderType == (OrganisationType)type!) && (regionMargin || o.EligibleRegionIds.Count == 0 || o.EligibleRegionIds.Contains(region!.Value)));

        // Grouped once (in the needs' order), not one pass over every need per cell: 180 cells × 200,000 needs at full scale.
        var byCell = counted.ToLookup(c => (c.Type, c.Region), c => c.Need);
        var byType = counted.ToLookup(c => c.Type, c => c.Need);
        var byRegion = counted.ToLookup(c => c.Region, c => c.Need);
        var cells = typeSegments
            .Select(t => (IReadOnlyList<ScopeCell>)regionSegments
                .Select(r => Cell(byCell[(t.Id, r.Id)], Supply(t.Id, r.Id, false, false)))
                .ToList())
            .ToList();
        var typeTotals = typeSegments.Select(t => Cell(byType[t.Id], Supply(t.Id, null, false, true))).ToList();
        var regionTotals = regionSegments.Select(r => Cell(byRegion[r.Id], Supply(null, r.Id, true, false))).ToList();
        var total = Cell(counted.Select(c => c.Need), offers.Count);

        static bool Shows(ScopeCell cell) => cell.Needs > 0 || cell.Offers > 0;
        var rows = Enumerable.Range(0, typeSegments.Count).Where(i => Shows(typeTotals[i]) || cells[i].Any(Shows)).ToList();
        var columns = Enumerable.Range(0, regionSegments.Count).Where(j => Shows(regionTotals[j]) || cells.Any(row => Shows(row[j]))).ToList();

        return new ScopeCrossTable(
            rows.Select(i => typeSegments[i]).ToList(),
            columns.Select(j => regionSegments[j]).ToList(),
            rows.Select(i => (IReadOnlyList<ScopeCell>)columns.Select(j => cells[i][j]).ToList()).ToList(),
            rows.Select(i => typeTotals[i]).ToList(),
            columns.Select(j => regionTotals[j]).ToList(),
            total,
            protection is not null);
    }
}
