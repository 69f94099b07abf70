using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Landscape;
using MediconGlobal.Testing;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Tests.Landscape;

/// <summary>
/// The network kept between requests is built again (in the background: <see cref="NetworkCache.RefreshAsync"/>)
/// exactly when what it is drawn from changed, requests meanwhile get the last graph built, and the rebuilt graph
/// equals the network loaded afresh (data: <see cref="GapTestData"/>: one referral, from incubator B's client C4 to
/// provider P).
/// </summary>
public sealed class NetworkCacheTests
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task UnchangedNetwork_IsBuiltOnce_EvenWhenNeedsAndReferralsMoveOn(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        var cache = new NetworkCache();
        var first = await GetAsync(database, cache, new NetworkFilter());

        await using (var db = database.CreateContext())
        {
            var need = await db.Needs.Where(n => n.Status == NeedStatus.Open).OrderBy(n => n.Id).FirstAsync();
            need.StartWork(new Actor("u", "U"), GapTestData.Start.AddDays(200));
            var referral = await db.Referrals.SingleAsync();
            referral.Accept(null, new Actor("partner", "Partner"), GapTestData.Start.AddDays(201));
            await db.SaveChangesAsync();
        }

        var second = await GetAsync(database, cache, new NetworkFilter());

        Assert.Equal(1, cache.Builds);
        Assert.Same(first, second);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AReferralSent_IsServedTheLastGraphUntilTheRefresh_ThenEqualsAFreshLoad(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        var cache = new NetworkCache();
        var before = await GetAsync(database, cache, new NetworkFilter());
        Assert.Equal(["Incubator A"], before.Isolated.Select(n => n.Organisation.Name));

        await using (var db = database.CreateContext())
        {
            var need = await db.Needs.Include(n => n.Referrals).Where(n => n.Company!.Name == "C1" && n.Status == NeedStatus.Open).OrderBy(n => n.Id).FirstAsync();
            need.Refer(await db.Organisations.SingleAsync(o => o.Name == "Provider P"), null, null, new Actor("u", "U"), GapTestData.Start.AddDays(200));
            await db.SaveChangesAsync();
        }

        var served = await GetAsync(database, cache, new NetworkFilter());
        Assert.Same(before, served);
        Assert.Equal(1, await RefreshAsync(database, cache));
        var after = await GetAsync(database, cache, new NetworkFilter());

        Assert.Equal(2, cache.Builds);
        Assert.Empty(after.Isolated);
        Assert.Equal(["Provider P"], after.Brokers.Select(n => n.Organisation.Name));
        Assert.Equal(Describe(await LoadFreshAsync(database, new NetworkFilter())), Describe(after));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AClientMovedToAnotherIncubator_MovesItsReferralLinks(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        var cache = new NetworkCache();
        await GetAsync(database, cache, new NetworkFilter());

        await using (var db = database.CreateContext())
        {
            var company = await db.Companies.SingleAsync(c => c.Name == "C4");
            company.HomeIncubatorId = await db.Organisations.Where(o => o.Name == "Incubator A").Select(o => o.Id).SingleAsync();
            await db.SaveChangesAsync();
        }

        await GetAsync(database, cache, new NetworkFilter());
        await RefreshAsync(database, cache);
        var after = await GetAsync(database, cache, new NetworkFilter());

        Assert.Equal(["Incubator B"], after.Isolated.Select(n => n.Organisation.Name));
        Assert.Equal(Describe(await LoadFreshAsync(database, new NetworkFilter())), Describe(after));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task EachFilter_IsKeptOnItsOwn_AndMeasuredOnItsOwnOrganisations(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        var cache = new NetworkCache();

        var all = await GetAsync(database, cache, new NetworkFilter());
        var incubators = await GetAsync(database, cache, new NetworkFilter(OrganisationType.Incubator));
        var again = await GetAsync(database, cache, new NetworkFilter(OrganisationType.Incubator));

        Assert.Equal(2, cache.Builds);
        Assert.Same(incubators, again);
        Assert.Equal(3, all.Nodes.Count);
        Assert.Equal(["Incubator A", "Incubator B"], incubators.Nodes.Select(n => n.Organisation.Name));
        Assert.Empty(incubators.Links);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Refresh_BuildsTheUnfilteredGraphAndTheFiltersAskedForSinceTheChange_Only(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        var cache = new NetworkCache();
        await GetAsync(database, cache, new NetworkFilter());
        await GetAsync(database, cache, new NetworkFilter(OrganisationType.Incubator));
        var clusters = await GetAsync(database, cache, new NetworkFilter(OrganisationType.ClusterOrganisation));
        Assert.Equal(0, await RefreshAsync(database, cache));

        await using (var db = database.CreateContext())
        {
            db.Organisations.Add(new Organisation("Incubator C", OrganisationType.Incubator, "SE"));
            await db.SaveChangesAsync();
        }

        Assert.Equal(2, (await GetAsync(database, cache, new NetworkFilter(OrganisationType.Incubator))).Nodes.Count);
        Assert.Equal(2, await RefreshAsync(database, cache));

        Assert.Equal(5, cache.Builds);
        Assert.Equal(["Incubator A", "Incubator B", "Incubator C"], (await GetAsync(database, cache, new NetworkFilter(OrganisationType.Incubator))).Nodes.Select(n => n.Organisation.Name));
        Assert.Equal(4, (await GetAsync(database, cache, new NetworkFilter())).Nodes.Count);
        Assert.Same(clusters, await GetAsync(database, cache, new NetworkFilter(OrganisationType.ClusterOrganisation)));
    }

    private static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateMigratedAsync(provider, withReferenceData: false);
        await using var db = database.CreateContext();
        await GapTestData.CreateAsync(db);
        return database;
    }

    private static async Task<NetworkGraph> GetAsync(TestDatabase database, NetworkCache cache, NetworkFilter filter)
    {
        await using var db = database.CreateContext();
        return await cache.GetAsync(db, filter);
    }

    private static async Task<int> RefreshAsync(TestDatabase database, NetworkCache cache)
    {
        await using var db = database.CreateContext();
        return await cache.RefreshAsync(db);
    }

    private static async Task<NetworkGraph> LoadFreshAsync(TestDatabase database, NetworkFilter filter)
    {
        await using var db = database.CreateContext();
        return await CollaborationNetworkQuery.LoadAsync(db, filter);
    }

    private static List<string> Describe(NetworkGraph graph) =>
    [
        .. graph.Nodes.Select(n => $"{n.Organisation.Name}: {n.Centrality}"),
        .. graph.Links.Select(l => $"{l.A}-{l.B}: {string.Join(", ", l.SharedProgrammes)}, {l.Referrals}"),
    ];
}
