using System.Text.Json;
using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Reports.Gaps;
using MediconGlobal.Core.Security;
using MediconGlobal.Testing;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Tests.Reports;

/// <summary>
/// Kept gap reports (ADR 1208) equal the report computed afresh from the database, are found again while nothing
/// changed, and are computed again right after an offer is archived or a need withdrawn (data: <see cref="GapTestData"/>).
/// </summary>
public sealed class GapReportCacheTests
{
    private static readonly Viewer Pm = new("pm", new HashSet<string> { Roles.ProjectManager }, null, null);

    private static readonly GapQuery[] Queries =
    [
        GapQuery.Default,
        new(GapDimension.Market, GapDimension.Stage, GapFilters.None),
        new(GapDimension.Sector, GapDimension.Region, new GapFilters(CountryCode: "SE", Statuses: [NeedStatus.Open, NeedStatus.Unmet])),
    ];

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task KeptReports_EqualFreshOnes_AndFollowAnOfferArchivedAndANeedWithdrawn(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider, withReferenceData: false);
        await using (var db = database.CreateContext())
        {
            await GapTestData.CreateAsync(db);
        }

        var (needs, catalogue) = (new NeedFactsCache(), new CatalogueCache());
        var first = await AssertKeptEqualFreshAsync(database, needs, catalogue);
        Assert.Equal(Queries.Length, needs.Reports.Computed);
        await using (var db = database.CreateContext())
        {
            var again = await new GapAnalysis(db, catalogue, needFacts: needs).ComputeFullAsync(Queries[0], Pm);
            Assert.Same(first, again);
            (await db.Offers.SingleAsync(o => o.Name == "O1")).Archive();
            await db.SaveChangesAsync();
        }

        Assert.NotSame(first, await AssertKeptEqualFreshAsync(database, needs, catalogue));
        await using (var db = database.CreateContext())
        {
            var need = await db.Needs.Where(n => n.Status == NeedStatus.Open).OrderBy(n => n.Id).FirstAsync();
            need.Withdraw(null, new Actor("u", "U"), GapTestData.Start.AddDays(200));
            await db.SaveChangesAsync();
        }

        await AssertKeptEqualFreshAsync(database, needs, catalogue);
        Assert.Equal(3 * Queries.Length, needs.Reports.Computed);
    }

    /// <summary>Every query's kept report against a fresh computation; gives the first query's kept report.</summary>
    private static async Task<GapReport> AssertKeptEqualFreshAsync(TestDatabase database, NeedFactsCache needs, CatalogueCache catalogue)
    {
        GapReport? first = null;
        foreach (var query in Queries)
        {
            await using var db = database.CreateContext();
            var kept = await new GapAnalysis(db, catalogue, needFacts: needs).ComputeFullAsync(query, Pm);
            var fresh = await new GapAnalysis(db).ComputeFullAsync(query, Pm);
            Assert.Equal(JsonSerializer.Serialize(fresh), JsonSerializer.Serialize(kept));
            first ??= kept;
        }

        return first!;
    }
}
