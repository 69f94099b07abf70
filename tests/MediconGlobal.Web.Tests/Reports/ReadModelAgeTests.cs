using AngleSharp.Html.Dom;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediconGlobal.Web.Tests.Reports;

/// <summary>
/// With no wait for rebuilds (ADR 1210, ADR 1211), the dashboard, the gap report and the scope report right after a
/// need is logged show the figures from before the change and say so; once the rebuilds in the background (the kept
/// needs, then the kept report) are done, a later request counts the new need and says nothing. A rebuild gets its
/// scope only while the test's gate is open, so "right after" does not race a rebuild that finishes at once.
/// </summary>
public sealed class ReadModelAgeTests : IAsyncLifetime
{
    private readonly ManualResetEventSlim _gate = new(initialState: true);
    private readonly PortalFactory _portal;

    public ReadModelAgeTests() => _portal = new PortalFactory(settings: new Dictionary<string, string?> { ["ReadModels:RebuildWait"] = "00:00:00" })
    {
        TestServices = services => services.AddSingleton(provider => new ReadModelRebuilds(
            new GatedScopes(provider.GetRequiredService<IServiceScopeFactory>(), _gate), TimeSpan.Zero, TimeProvider.System)),
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _gate.Set();
        await _portal.DisposeAsync();
        _gate.Dispose();
    }

    [Fact]
    public async Task Dashboard_RightAfterANeedIsLogged_SaysItsFiguresAreOlder_UntilTheRebuildIsDone()
    {
        var data = await GapWebData.SeedAsync(_portal);
        var client = await _portal.SignedInClientAsync("pm@example.test", Roles.ProjectManager, "mva");
        var before = await client.GetPageAsync("/dashboard");
        Assert.Equal(("6", false), (OpenNeeds(before), SaysOlder(before)));

        _gate.Reset();
        await LogAnotherNeedAsync(data);

        var right = await client.GetPageAsync("/dashboard");
        Assert.Equal(("6", true), (OpenNeeds(right), SaysOlder(right)));
        _gate.Set();

        var page = await UntilCurrentAsync(client, "/dashboard");
        Assert.Equal(("7", false), (OpenNeeds(page), SaysOlder(page)));
    }

    [Fact]
    public async Task GapAndScopeReports_RightAfterANeedIsLogged_SayTheirFiguresAreOlder_UntilTheirRebuildsAreDone()
    {
        var data = await GapWebData.SeedAsync(_portal);
        var client = await _portal.SignedInClientAsync("pm@example.test", Roles.ProjectManager, "mva");
        const string Gaps = "/reports/gaps?rows=Category&cols=Market";
        var before = await client.GetPageAsync(Gaps);
        Assert.Equal(("6", false), (GrandTotal(before), SaysOlder(before)));
        var scopeBefore = await client.GetPageAsync("/reports/scope");
        Assert.False(SaysOlder(scopeBefore));

        _gate.Reset();
        await LogAnotherNeedAsync(data);

        var right = await client.GetPageAsync(Gaps);
        Assert.Equal(("6", true), (GrandTotal(right), SaysOlder(right)));
        Assert.True(SaysOlder(await client.GetPageAsync("/reports/scope")));
        _gate.Set();

        var page = await UntilCurrentAsync(client, Gaps);
        Assert.Equal("7", GrandTotal(page));
        var scope = await UntilCurrentAsync(client, "/reports/scope");
        Assert.NotEqual(scopeBefore.QuerySelector("#ranking")!.TextContent, scope.QuerySelector("#ranking")!.TextContent);
    }

    private Task LogAnotherNeedAsync(GapWebData data) => _portal.WithDbAsync(async db =>
    {
        var company = await db.Companies.SingleAsync(c => c.Name == GapWebData.SkaneClient + " 1");
        var (legal, usa) = (await db.TaxonomyTerms.SingleAsync(t => t.Id == data.Legal), await db.TaxonomyTerms.SingleAsync(t => t.Id == data.Usa));
        db.Needs.Add(new Need(company, legal, usa, "Another legal need", NeedPriority.Medium, new Actor("test", "Test"), new DateTime(2026, 3, 9, 9, 0, 0, DateTimeKind.Utc)));
        await db.SaveChangesAsync();
    });

    /// <summary>The page once it no longer says its figures are older (at most 30 s).</summary>
    private static async Task<IHtmlDocument> UntilCurrentAsync(HttpClient client, string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var page = await client.GetPageAsync(path);
        while (SaysOlder(page) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            page = await client.GetPageAsync(path);
        }

        return page;
    }

    /// <summary>Scopes for rebuilds, each given only once the gate is open (at most 30 s).</summary>
    private sealed class GatedScopes(IServiceScopeFactory inner, ManualResetEventSlim gate) : IServiceScopeFactory
    {
        public IServiceScope CreateScope() =>
            gate.Wait(TimeSpan.FromSeconds(30)) ? inner.CreateScope() : throw new TimeoutException("The test did not open the gate.");
    }

    private static string GrandTotal(IHtmlDocument gaps) => gaps.QuerySelector("#gap-matrix tfoot .grand .cell-value")!.TextContent;

    private static bool SaysOlder(IHtmlDocument dashboard) => dashboard.QuerySelector("#read-model-age") is not null;

    private static string OpenNeeds(IHtmlDocument dashboard) =>
        dashboard.QuerySelectorAll("#dashboard-kpis .kpi").Single(k => k.QuerySelector("dt")!.TextContent == "Open needs").QuerySelector("dd")!.TextContent;
}
