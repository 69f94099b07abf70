using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Privacy;
using MediconGlobal.Core.Scope;
using MediconGlobal.Testing.Privacy;

namespace MediconGlobal.Core.Tests.Scope;

public sealed class ScopeCalculatorTests
{
    private const int Skane = 1;
    private const int Oslo = 2;
    private const int Halland = 3;

    private static readonly IReadOnlyList<ScopeSegment> Regions =
    [
        new(ScopeDimension.Region, Skane, "Skåne"),
        new(ScopeDimension.Region, Oslo, "Oslo"),
        new(ScopeDimension.Region, Halland, "Halland"),
    ];

    [Fact]
    public void Lines_CountDemandGapsSupplyAndEngagementPerSegment()
    {
        ScopeNeed[] needs =
        [
            new(1, OrganisationType.Incubator, Skane, NeedStatus.Open, Covered: false),
            new(1, OrganisationType.Incubator, Skane, NeedStatus.Unmet, Covered: true),
            new(2, OrganisationType.Incubator, Skane, NeedStatus.Open, Covered: true),
            new(2, OrganisationType.Incubator, Skane, NeedStatus.Met, Covered: false),
            new(3, OrganisationType.RegionalInnovationAgency, Oslo, NeedStatus.Referred, Covered: false),
            new(3, OrganisationType.RegionalInnovationAgency, Oslo, NeedStatus.Withdrawn, Covered: false),
        ];
        ScopeOffer[] offers =
        [
            new(10, OrganisationType.Incubator, new HashSet<int>()),
            new(11, OrganisationType.ClusterOrganisation, new HashSet<int> { Oslo }),
        ];
        ScopeOrganisation[] organisations =
        [
            new(OrganisationType.Incubator, Skane, PartnershipStatus.Partner),
            new(OrganisationType.Incubator, Halland, PartnershipStatus.Mapped),
            new(OrganisationType.ClusterOrganisation, Oslo, PartnershipStatus.Engaged),
        ];

        var report = ScopeCalculator.Compute(Regions, needs, offers, organisations);

        var incubators = report.ByType.Single(l => l.Segment.Label == "Incubator");
        Assert.Equal((2, 4, 1, 1, 2, 1), (incubators.Companies, incubators.Needs, incubators.Unmet, incubators.NoMatchingOffer, incubators.Gaps, incubators.Offers));
        Assert.Equal(0.5, incubators.GapShare);
        Assert.Equal(1, incubators.EngagedOrPartner);
        Assert.Equal(2, incubators.OrganisationCount);

        var oslo = report.ByRegion.Single(l => l.Segment.Label == "Oslo");
        Assert.Equal((1, 1, 1, 2), (oslo.Companies, oslo.Needs, oslo.Gaps, oslo.Offers));
        Assert.Equal(1, oslo.Organisations[PartnershipStatus.Engaged]);
        var halland = report.ByRegion.Single(l => l.Segment.Label == "Halland");
        Assert.Equal((0, 1), (halland.Needs, halland.Offers));
        Assert.DoesNotContain(report.ByType, l => l.Segment.Label == "Investor");
    }

    [Fact]
    public void Ranking_PutsMostGapsFirst_ThenGapShare_ThenCompanies_AndSkipsSegmentsWithoutGaps()
    {
        // Skåne: 3 gaps of 6 needs; Oslo: 3 gaps of 3 needs (same gaps, higher share); Halland: no gaps.
        var needs = new List<ScopeNeed>();
        needs.AddRange(Enumerable.Range(1, 3).Select(c => new ScopeNeed(c, OrganisationType.Incubator, Skane, NeedStatus.Open, Covered: false)));
        needs.AddRange(Enumerable.Range(4, 3).Select(c => new ScopeNeed(c, OrganisationType.Incubator, Skane, NeedStatus.Met, Covered: true)));
        needs.AddRange(Enumerable.Range(7, 3).Select(c => new ScopeNeed(c, OrganisationType.RegionalInnovationAgency, Oslo, NeedStatus.Unmet, Covered: false)));
        needs.Add(new ScopeNeed(10, OrganisationType.RegionalInnovationAgency, Halland, NeedStatus.Open, Covered: true));

        var report = ScopeCalculator.Compute(Regions, needs, [], []);

        var ranking = report.Ranking.Select(r => (r.Rank, r.Line.Segment.Label)).ToList();
        Assert.Equal(
            [(1, "Oslo"), (2, "Regional innovation agency"), (3, "Incubator"), (4, "Skåne")],
            ranking);
        Assert.DoesNotContain(report.Ranking, r => r.Line.Segment.Label == "Halland");
    }

    [Fact]
    public void Ranking_EqualGapsAndShare_MoreCompaniesFirst()
    {
        ScopeNeed[] needs =
        [
            new(1, null, Skane, NeedStatus.Open, Covered: false),
            new(1, null, Skane, NeedStatus.Open, Covered: false),
            new(2, null, Oslo, NeedStatus.Open, Covered: false),
            new(3, null, Oslo, NeedStatus.Open, Covered: false),
        ];

        var report = ScopeCalculator.Compute(Regions, needs, [], []);

        Assert.Equal(["Oslo", "Skåne"], report.Ranking.Select(r => r.Line.Segment.Label));
        Assert.Equal(4, report.ByType.Single(l => l.Segment.Id is null).Needs);
    }

    [Fact]
    public void NeedsOutsideTheRegions_AreShownButNotRanked()
    {
        ScopeNeed[] needs = [new(1, OrganisationType.Incubator, null, NeedStatus.Unmet, Covered: false), new(1, OrganisationType.Incubator, 99, NeedStatus.Unmet, Covered: false)];

        var report = ScopeCalculator.Compute(Regions, needs, [], []);

        Assert.Equal(2, report.ByRegion.Single(l => l.Segment.Id is null).Gaps);
        Assert.Equal(["Incubator"], report.Ranking.Select(r => r.Line.Segment.Label));
    }

    [Fact]
    public void Export_WritesTheFiguresItIsGiven()
    {
        ScopeNeed[] needs =
        [
            new(1, OrganisationType.Incubator, Skane, NeedStatus.Open, Covered: false),
            new(2, OrganisationType.Incubator, Skane, NeedStatus.Open, Covered: false),
            new(3, OrganisationType.Incubator, Oslo, NeedStatus.Open, Covered: false),
        ];
        var report = ScopeCalculator.Compute(Regions, needs, [new ScopeOffer(1, OrganisationType.Incubator, new HashSet<int>())], []);
        using var writer = new StringWriter();

        ScopeExport.WriteCsv(writer, report);

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains("By organisation type,,Incubator,3,3,3,0,3,100,1,0,0,0,0,,,", lines);
        Assert.Contains("By region,,Skåne,2,2,2,0,2,100,1,0,0,0,0,,,", lines);
        Assert.Contains("By type and region,,Incubator,2,2,2,,,100,1,,,,,Skåne,0,0", lines);
        Assert.Contains("By type and region,,Incubator,3,3,3,,,100,1,,,,,All,0,0", lines);
        Assert.Contains("By type and region,,All,3,3,3,,,100,1,,,,,All,0,0", lines);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Protected_PublishesEveryDemandFigure_RanksByThem_AndItsMarginsPinNothing(int seed)
    {
        var random = new Random(seed);
        var types = Enum.GetValues<OrganisationType>();
        var regionIds = Regions.Select(r => r.Id!.Value).Append(99).ToArray();
        var companies = Enumerable.Range(1, 40).Select(id => (Id: id, Type: random.Next(8) == 0 ? (OrganisationType?)null : types[random.Next(4)], Region: random.Next(10) == 0 ? (int?)null : regionIds[random.Next(regionIds.Length)])).ToList();
        var needs = companies.SelectMany(c => Enumerable.Range(0, random.Next(1, 4)).Select(_ => new ScopeNeed(c.Id, c.Type, c.Region, (NeedStatus)random.Next(6), random.Next(2) == 0))).ToList();
        ScopeOffer[] offers = [new(1, OrganisationType.Incubator, new HashSet<int>()), new(2, OrganisationType.ClusterOrganisation, new HashSet<int> { Oslo })];
        ScopeOrganisation[] organisations = [new(OrganisationType.Incubator, Skane, PartnershipStatus.Partner)];

        var exact = ScopeCalculator.Compute(Regions, needs, offers, organisations);
        var shown = ScopeCalculator.Compute(Regions, needs, offers, organisations, TestProtection.Instance);

        foreach (var line in shown.ByType.Concat(shown.ByRegion))
        {
            var truth = exact.ByType.Concat(exact.ByRegion).Single(l => l.Segment == line.Segment);
            Assert.Contains(line.Companies, PerturbationTable.Row(truth.Companies).Select(x => x.Published));
            Assert.True(line.Companies == 0 ? line.Needs == 0 : line.Needs >= line.Companies);
            Assert.InRange(line.Gaps, 0, line.Needs);
            Assert.Equal((truth.Offers, truth.OrganisationCount), (line.Offers, line.OrganisationCount));
        }

        Assert.Equal(ScopeCalculator.Rank(shown.ByType.Concat(shown.ByRegion)).Select(r => r.Line), shown.Ranking.Select(r => r.Line));
        var attack = ScopeAttacker.Attack(shown, exact, [.. types.Select(t => (int?)t), null], [.. Regions.Select(r => r.Id), null]);
        Assert.Empty(attack.Recoveries);
        Assert.True(attack.SmallTargets > 0, "the data should have segments of one or two companies");
    }
    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Protected_LinesAndCrossTableTogether_PinNothing(int seed)
    {
        // Needs of one company served by different types of organisation (ADR 1740): companies then only cover
        // the type lines, and the cross-table's rows, columns and margins are further relations to difference.
        var random = new Random(seed);
        var types = Enum.GetValues<OrganisationType>();
        var regionIds = Regions.Select(r => r.Id!.Value).Append(99).ToArray();
        var companies = Enumerable.Range(1, 30).Select(id => (Id: id, Region: random.Next(10) == 0 ? (int?)null : regionIds[random.Next(regionIds.Length)])).ToList();
        var needs = companies.SelectMany(c => Enumerable.Range(0, random.Next(1, 4)).Select(_ =>
            new ScopeNeed(c.Id, random.Next(8) == 0 ? null : types[random.Next(4)], c.Region, (NeedStatus)random.Next(6), random.Next(2) == 0))).ToList();
        ScopeOffer[] offers = [new(1, OrganisationType.Incubator, new HashSet<int>()), new(2, OrganisationType.ClusterOrganisation, new HashSet<int> { Oslo })];

        var exact = ScopeCalculator.Compute(Regions, needs, offers, []);
        var shown = ScopeCalculator.Compute(Regions, needs, offers, [], TestProtection.Instance);
        IReadOnlyList<int?> typeIds = [.. types.Select(t => (int?)t), null];
        IReadOnlyList<int?> regionSegments = [.. Regions.Select(r => r.Id), null];

        var attack = ScopeAttacker.Attack(shown, exact, typeIds, regionSegments);
        Assert.Empty(attack.Recoveries);
        Assert.True(attack.SmallTargets > 0, "the data should have cells of one or two companies");
    }
}
