using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Privacy;
using MediconGlobal.Core.Scope;
using MediconGlobal.Core.Security;
using MediconGlobal.Testing;
using MediconGlobal.Testing.Privacy;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Tests.Scope;

/// <summary>The scope cross-table (organisation type × region, ADR 1740) of <see cref="GapTestData"/>, counted by hand, on SQLite and PostgreSQL.</summary>
public sealed class ScopeCrossTableTests
{
    private static readonly Viewer Pm = new("pm", new HashSet<string> { Roles.ProjectManager }, null, null);

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task CrossTable_CountsEachNeedUnderTheTypeServingIt_AndItsCellsSumToItsMargins(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateMigratedAsync(provider, withReferenceData: false);
        await using var _ = database;
        await using (var db = database.CreateContext())
        {
            await GapTestData.CreateAsync(db);
            // N5 (C4, Hovedstaden, incubator B) was referred to Provider P, a cluster organisation, which takes it on.
            var referral = await db.Referrals.SingleAsync();
            referral.Accept(null, new Actor("p", "Provider"), GapTestData.Start.AddMonths(3));
            await db.SaveChangesAsync();
        }

        await using var context = database.CreateContext();
        var table = (await ScopeQuery.LoadAsync(context, Pm)).CrossTable;

        Assert.Equal(["Incubator", "Cluster organisation"], table.Types.Select(t => t.Label));
        Assert.Equal(["Skåne", "Hovedstaden"], table.Regions.Select(r => r.Label));
        // Companies, needs, unmet, covered, offers. O1 and O3 (any region) and O2 (Skåne) are Provider P's; N10 is withdrawn.
        Assert.Equal(new ScopeCell(3, 7, 2, 5, 0), table.Cells[0][0]); // N1-N4, N8, N9, N11: N3 and N4 closed unmet
        Assert.Equal(new ScopeCell(2, 2, 1, 1, 0), table.Cells[0][1]); // N6 (covered by O3), N7 (unmet)
        Assert.Equal(new ScopeCell(0, 0, 0, 0, 3), table.Cells[1][0]);
        Assert.Equal(new ScopeCell(1, 1, 0, 1, 2), table.Cells[1][1]); // N5, served by the cluster organisation that accepted it
        Assert.Equal(new ScopeCell(5, 9, 3, 6, 0), table.TypeTotals[0]);
        Assert.Equal(new ScopeCell(1, 1, 0, 1, 3), table.TypeTotals[1]);
        Assert.Equal(new ScopeCell(3, 7, 2, 5, 3), table.RegionTotals[0]);
        Assert.Equal(new ScopeCell(2, 3, 1, 2, 2), table.RegionTotals[1]);
        Assert.Equal(new ScopeCell(5, 10, 3, 7, 3), table.Total);
        Assert.Equal(0.7, table.Total.Coverage);
        AssertDemandAddsUp(table);

        // The by-type lines follow the same rule, so they are the cross-table's row margins.
        var report = await ScopeQuery.LoadAsync(context, Pm);
        Assert.Equal(9, report.ByType.Single(l => l.Segment.Label == "Incubator").Needs);
        Assert.Equal(1, report.ByType.Single(l => l.Segment.Label == "Cluster organisation").Needs);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Exact_CellsSumToTheMargins_Protected_PublishesEveryCellAndMarginAsItsOwnGroup(int seed)
    {
        var random = new Random(seed);
        IReadOnlyList<ScopeSegment> regions = [new(ScopeDimension.Region, 1, "Skåne"), new(ScopeDimension.Region, 2, "Oslo"), new(ScopeDimension.Region, 3, "Halland")];
        var types = Enum.GetValues<OrganisationType>();
        var needs = Enumerable.Range(1, 60).SelectMany(company => Enumerable.Range(0, random.Next(1, 4)).Select(_ => new ScopeNeed(
            company,
            random.Next(8) == 0 ? null : types[random.Next(4)],
            random.Next(10) == 0 ? null : random.Next(1, 5),
            (NeedStatus)random.Next(6),
            random.Next(2) == 0))).ToList();
        ScopeOffer[] offers = [new(1, OrganisationType.Incubator, new HashSet<int>()), new(2, OrganisationType.ClusterOrganisation, new HashSet<int> { 2 })];

        var exact = ScopeCrossTable.Compute(regions, needs, offers);
        var shown = ScopeCrossTable.Compute(regions, needs, offers, TestProtection.Instance);

        AssertDemandAddsUp(exact);
        Assert.Equal(needs.Count(n => n.Status != NeedStatus.Withdrawn), exact.Total.Needs);
        Assert.Contains(exact.Types, t => t.Id is null);
        Assert.Contains(exact.Regions, r => r.Id is null); // region 4 is not an ÖKS region: "not recorded"
        Assert.True(shown.IsProtected);
        var truths = Entries(exact).ToDictionary(e => (e.Type, e.Region), e => e.Cell);
        foreach (var (type, region, cell) in Entries(shown))
        {
            var truth = truths[(type, region)];
            Assert.Contains(cell.Companies, PerturbationTable.Row(truth.Companies).Select(x => x.Published));
            Assert.True(cell.Companies == 0 ? cell.Needs == 0 : cell.Needs >= cell.Companies);
            Assert.InRange(cell.Unmet, 0, cell.Needs);
            Assert.InRange(cell.Covered, 0, cell.Needs);
            Assert.Equal(truth.Offers, cell.Offers);
        }
    }

    private static void AssertDemandAddsUp(ScopeCrossTable table)
    {
        static (int, int, int) Demand(ScopeCell c) => (c.Needs, c.Unmet, c.Covered);
        static (int, int, int) Sum(IEnumerable<ScopeCell> cells) =>
            cells.Aggregate((0, 0, 0), (s, c) => (s.Item1 + c.Needs, s.Item2 + c.Unmet, s.Item3 + c.Covered));

        for (var i = 0; i < table.Types.Count; i++)
        {
            Assert.Equal(Demand(table.TypeTotals[i]), Sum(table.Cells[i]));
        }

        for (var j = 0; j < table.Regions.Count; j++)
        {
            Assert.Equal(Demand(table.RegionTotals[j]), Sum(table.Cells.Select(row => row[j])));
        }

        Assert.Equal(Demand(table.Total), Sum(table.TypeTotals));
        Assert.Equal(Demand(table.Total), Sum(table.RegionTotals));
    }

    private static IEnumerable<(int? Type, int? Region, ScopeCell Cell)> Entries(ScopeCrossTable table)
    {
        for (var i = 0; i < table.Types.Count; i++)
        {
            for (var j = 0; j < table.Regions.Count; j++)
            {
                yield return (table.Types[i].Id, table.Regions[j].Id, table.Cells[i][j]);
            }

            yield return (table.Types[i].Id, -1, table.TypeTotals[i]);
        }

        for (var j = 0; j < table.Regions.Count; j++)
        {
            yield return (-1, table.Regions[j].Id, table.RegionTotals[j]);
        }

        yield return (-1, -1, table.Total);
    }
}
