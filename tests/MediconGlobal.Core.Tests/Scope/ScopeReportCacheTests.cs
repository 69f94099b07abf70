using System.Text.Json;
using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Reports.Gaps;
using MediconGlobal.Core.Scope;
using MediconGlobal.Core.Security;
using MediconGlobal.Testing;
using MediconGlobal.Testing.Privacy;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Tests.Scope;

/// <summary>
/// Kept scope reports (ADR 1209) equal the report computed afresh from the database, exact and protected, are found
/// again while nothing changed, and are computed again right after a referral is accepted (the serving organisation
/// moves the need to another type) and an offer archived (data: <see cref="GapTestData"/>).
/// </summary>
public sealed class ScopeReportCacheTests
{
    private static readonly Viewer Pm = new("pm", new HashSet<string> { Roles.ProjectManager }, null, null);

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task KeptReports_EqualFreshOnes_AndFollowAReferralAcceptedAndAnOfferArchived(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider, withReferenceData: false);
        await using (var db = database.CreateContext())
        {
            await GapTestData.CreateAsync(db);
        }

        var (needs, catalogue) = (new NeedFactsCache(), new CatalogueCache());
        var first = await AssertKeptEqualFreshAsync(database, needs, catalogue);
        Assert.Equal(2, needs.ScopeReports.Computed);
        await using (var db = database.CreateContext())
        {
            Assert.Same(first, await ScopeQuery.LoadAsync(db, Pm, catalogue, needFacts: needs));
            var referral = await db.Referrals.SingleAsync();
            referral.Accept(null, new Actor("p", "P"), GapTestData.Start.AddDays(120));
            await db.SaveChangesAsync();
        }

        Assert.NotSame(first, await AssertKeptEqualFreshAsync(database, needs, catalogue));
        await using (var db = database.CreateContext())
        {
            (await db.Offers.SingleAsync(o => o.Name == "O1")).Archive();
            await db.SaveChangesAsync();
        }

        await AssertKeptEqualFreshAsync(database, needs, catalogue);
        Assert.Equal(6, needs.ScopeReports.Computed);
    }

    /// <summary>The kept exact and protected reports against fresh computations; gives the kept exact one.</summary>
    private static async Task<ScopeReport> AssertKeptEqualFreshAsync(TestDatabase database, NeedFactsCache needs, CatalogueCache catalogue)
    {
        await using var db = database.CreateContext();
        var protection = TestProtection.Instance;
        var kept = await ScopeQuery.LoadAsync(db, Pm, catalogue, needFacts: needs);
        Assert.Equal(JsonSerializer.Serialize(await ScopeQuery.LoadAsync(db, Pm)), JsonSerializer.Serialize(kept));
        var keptProtected = await ScopeQuery.LoadAsync(db, Pm, catalogue, protection, needs);
        Assert.Equal(JsonSerializer.Serialize(await ScopeQuery.LoadAsync(db, Pm, protection: protection)), JsonSerializer.Serialize(keptProtected));
        return kept;
    }
}
