using System.Globalization;
using System.Text.Json;
using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Reports.Dashboard;
using MediconGlobal.Core.Reports.Gaps;
using MediconGlobal.Core.Scope;
using MediconGlobal.Core.Security;
using MediconGlobal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediconGlobal.Core.Tests.Reports;

/// <summary>
/// With rebuilds and no wait for them (ADR 1211), a kept gap report, scope report or dashboard older than the kept needs it was computed
/// from is computed again in the background: the request right after the kept needs caught up is served the previous
/// report and told so, and a later one gets the new report, equal to one computed afresh in the same culture
/// (data: <see cref="GapTestData"/>, plus two categories whose order differs between English and Swedish).
/// </summary>
public sealed class KeptReportsInTheBackgroundTests
{
    private static readonly Viewer Pm = new("pm", new HashSet<string> { Roles.ProjectManager }, null, null);

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task GapReport_OlderThanTheKeptNeeds_IsServedWhileTheNewOneIsComputedInTheBackground_InTheRequestsCulture(DatabaseProvider provider)
    {
        await using var setup = await SetUpAsync(provider);
        var (needs, catalogue) = (setup.Needs, setup.Catalogue);
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");
        try
        {
            await using var db = setup.Database.CreateContext();
            var first = await new GapAnalysis(db, catalogue, needFacts: needs).ComputeFullAsync(GapQuery.Default, Pm);
            Assert.Equal(1, needs.Reports.Computed); // the first report of a query is computed in its request

            await WithdrawANeedAsync(setup.Database);
            await CatchUpAndHoldAsync(db, setup);

            var age = new ReadModelAge();
            Assert.Same(first, await new GapAnalysis(db, catalogue, needFacts: needs, age: age).ComputeFullAsync(GapQuery.Default, Pm));
            Assert.NotNull(age.BehindSince);
            setup.Gate.Set(); // the held-back computation may now run

            var current = await UntilCurrentAsync(() => new GapAnalysis(db, catalogue, needFacts: needs, age: new ReadModelAge()).ComputeFullAsync(GapQuery.Default, Pm), first);
            Assert.Equal(2, needs.Reports.Computed);
            var fresh = await new GapAnalysis(db).ComputeFullAsync(GapQuery.Default, Pm);
            Assert.Equal(JsonSerializer.Serialize(fresh), JsonSerializer.Serialize(current));

            // Swedish order (Z before Ä), not the thread pool's default culture's.
            var labels = current.Rows.Select(r => r.Label).ToList();
            Assert.True(labels.IndexOf("Zonindelning") < labels.IndexOf("Ärendestöd"), string.Join(", ", labels));
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ScopeReport_OlderThanTheKeptNeeds_IsServedWhileTheNewOneIsComputedInTheBackground(DatabaseProvider provider)
    {
        await using var setup = await SetUpAsync(provider);
        var (needs, catalogue) = (setup.Needs, setup.Catalogue);
        await using var db = setup.Database.CreateContext();
        var first = await ScopeQuery.LoadAsync(db, Pm, catalogue, needFacts: needs);
        Assert.Equal(1, needs.ScopeReports.Computed);

        await WithdrawANeedAsync(setup.Database);
        await CatchUpAndHoldAsync(db, setup);

        var age = new ReadModelAge();
        Assert.Same(first, await ScopeQuery.LoadAsync(db, Pm, catalogue, needFacts: needs, age: age));
        Assert.NotNull(age.BehindSince);
        setup.Gate.Set(); // the held-back computation may now run

        var current = await UntilCurrentAsync(() => ScopeQuery.LoadAsync(db, Pm, catalogue, needFacts: needs, age: new ReadModelAge()), first);
        Assert.Equal(2, needs.ScopeReports.Computed);
        Assert.Equal(JsonSerializer.Serialize(await ScopeQuery.LoadAsync(db, Pm)), JsonSerializer.Serialize(current));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Dashboard_OlderThanTheKeptNeeds_IsServedWhileTheNewOneIsComputedInTheBackground(DatabaseProvider provider)
    {
        await using var setup = await SetUpAsync(provider);
        var needs = setup.Needs;
        var now = GapTestData.Start.AddDays(300); // one minute throughout: the dashboard is kept per minute
        await using var db = setup.Database.CreateContext();
        var first = await DashboardFigures.LoadAsync(db, now, needs);
        Assert.Equal(1, needs.Dashboards.Computed);

        await WithdrawANeedAsync(setup.Database);
        await CatchUpAndHoldAsync(db, setup);

        var age = new ReadModelAge();
        Assert.Same(first, await DashboardFigures.LoadAsync(db, now, needs, age));
        Assert.NotNull(age.BehindSince);
        setup.Gate.Set(); // the held-back computation may now run

        var current = await UntilCurrentAsync(() => DashboardFigures.LoadAsync(db, now, needs, new ReadModelAge()), first);
        Assert.Equal(first.OpenNeeds - 1, current.OpenNeeds);
        Assert.Equal(2, needs.Dashboards.Computed);
        Assert.Equal(JsonSerializer.Serialize(await DashboardFigures.LoadAsync(db, now, new NeedFactsCache())), JsonSerializer.Serialize(current));

        // A new minute's first figures (its time-based figures move) are computed in the background too, the minute
        // before's served meanwhile and said to be older (ADR 1212); then the new minute's, equal to ones computed afresh.
        setup.Gate.Reset();
        var newMinute = new ReadModelAge();
        Assert.Same(current, await DashboardFigures.LoadAsync(db, now.AddMinutes(1), needs, newMinute));
        Assert.NotNull(newMinute.BehindSince);
        setup.Gate.Set();

        var next = await UntilCurrentAsync(() => DashboardFigures.LoadAsync(db, now.AddMinutes(1), needs, new ReadModelAge()), current);
        Assert.Equal(3, needs.Dashboards.Computed);
        Assert.Equal(JsonSerializer.Serialize(await DashboardFigures.LoadAsync(db, now.AddMinutes(1), new NeedFactsCache())), JsonSerializer.Serialize(next));
    }

    [Fact]
    public async Task Dashboard_OfANewMinute_WithoutRebuilds_IsComputedInItsRequest()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite, withReferenceData: false);
        await using var db = database.CreateContext();
        await GapTestData.CreateAsync(db);
        var needs = new NeedFactsCache();
        var now = GapTestData.Start.AddDays(300);

        var first = await DashboardFigures.LoadAsync(db, now, needs, new ReadModelAge());
        var age = new ReadModelAge();
        var next = await DashboardFigures.LoadAsync(db, now.AddMinutes(1), needs, age);
        Assert.NotSame(first, next);
        Assert.Null(age.BehindSince);
        Assert.Equal(2, needs.Dashboards.Computed);
    }

    [Fact]
    public void ReportVersions_CoverOnlyWhenEveryCounterIsAtLeastAsFar()
    {
        var built = new ReportVersions(5, 7, 2);
        Assert.True(built.Covers(new ReportVersions(5, 7, 2)));
        Assert.True(built.Covers(new ReportVersions(4, 7, 0)));
        Assert.False(built.Covers(new ReportVersions(6, 1, 0)));
        Assert.False(built.Covers(new ReportVersions(1, 8, 0)));
        Assert.False(built.Covers(new ReportVersions(5, 7, 3)));
    }

    private static async Task<Setup> SetUpAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateMigratedAsync(provider, withReferenceData: false);
        await using (var db = database.CreateContext())
        {
            await GapTestData.CreateAsync(db);
            db.TaxonomyTerms.AddRange(
                new TaxonomyTerm(TaxonomyKind.SupportCategory, "case-support", "Ärendestöd", 9),
                new TaxonomyTerm(TaxonomyKind.SupportCategory, "zoning", "Zonindelning", 9));
            await db.SaveChangesAsync();
        }

        // A background build gets its context only while the gate is open, so a test can hold a rebuild back.
        var gate = new ManualResetEventSlim(initialState: true);
        var services = new ServiceCollection().AddScoped(_ =>
        {
            Assert.True(gate.Wait(TimeSpan.FromSeconds(30)), "The test did not open the gate.");
            return database.CreateContext();
        }).BuildServiceProvider();
        var rebuilds = new ReadModelRebuilds(services.GetRequiredService<IServiceScopeFactory>(), TimeSpan.Zero, TimeProvider.System);
        return new Setup(database, services, gate, new NeedFactsCache(rebuilds), new CatalogueCache(rebuilds: rebuilds));
    }

    private static async Task WithdrawANeedAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var need = await db.Needs.Where(n => n.Status == NeedStatus.Open).OrderBy(n => n.Id).FirstAsync();
        need.Withdraw(null, new Actor("u", "U"), GapTestData.Start.AddDays(200));
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Asks for the kept needs and referrals until they are no older than the data (their own rebuilds run in the
    /// background), then closes the gate so the next background build waits until the test opens it.
    /// </summary>
    private static async Task CatchUpAndHoldAsync(AppDbContext db, Setup setup)
    {
        await UntilAsync(async () =>
        {
            var age = new ReadModelAge();
            await setup.Needs.GetAsync(db, age);
            await setup.Needs.ReferralsAsync(db, age);
            return age.BehindSince is null;
        });
        setup.Gate.Reset();
    }

    private static async Task<T> UntilCurrentAsync<T>(Func<Task<T>> load, T previous)
        where T : class
    {
        T? current = null;
        await UntilAsync(async () => !ReferenceEquals(current = await load(), previous));
        return current!;
    }

    private static async Task UntilAsync(Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, "The background rebuild did not finish within 30 s.");
            await Task.Delay(20);
        }
    }

    private sealed record Setup(TestDatabase Database, ServiceProvider Services, ManualResetEventSlim Gate, NeedFactsCache Needs, CatalogueCache Catalogue) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Gate.Set();
            await Services.DisposeAsync();
            await Database.DisposeAsync();
        }
    }
}
