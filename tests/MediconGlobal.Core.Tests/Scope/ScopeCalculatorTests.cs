using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Scope;

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
    public void Export_HidesDemandAboutFewerThanThreeCompanies()
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
        Assert.Contains("By organisation type,,Incubator,3,3,3,0,3,100,1,0,0,0,0", lines);
        Assert.Contains("By region,,Skåne,c,c,c,c,c,c,1,0,0,0,0", lines);
    }
}
