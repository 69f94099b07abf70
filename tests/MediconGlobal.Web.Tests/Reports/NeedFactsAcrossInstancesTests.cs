using AngleSharp.Html.Dom;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Reports.Gaps;
using MediconGlobal.Core.Security;
using MediconGlobal.Testing;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediconGlobal.Web.Tests.Reports;

/// <summary>
/// Each instance keeps the needs between requests (ADR 1205); a need logged or withdrawn through one instance is
/// counted by the next request on another, and a repeated report is kept (ADR 1208): two portal hosts on one PostgreSQL database stand for two instances.
/// </summary>
public sealed class NeedFactsAcrossInstancesTests : IAsyncLifetime
{
    private const string GapReport = "/reports/gaps?rows=Category&cols=Market";

    private readonly TestDatabase _database = TestDatabase.Create(DatabaseProvider.Postgres);

    public Task InitializeAsync() => _database.InitializeAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ANeedChangedOnOneInstance_IsCountedByTheNextRequestOnTheOther_WithoutLoadingPerRequest()
    {
        await using var first = new PortalFactory(postgres: _database);
        await using var second = new PortalFactory(postgres: _database);
        var data = await GapWebData.SeedAsync(first);
        var onSecond = await second.SignedInClientAsync("pm.second@example.test", Roles.ProjectManager, "mva");
        var kept = second.Services.GetRequiredService<NeedFactsCache>();
        Assert.Equal(("6", "6"), (OpenNeeds(await onSecond.GetPageAsync("/dashboard")), Total(await onSecond.GetPageAsync(GapReport))));
        Assert.Equal("6", Total(await onSecond.GetPageAsync(GapReport)));
        Assert.Equal(1, kept.Reports.Computed);

        await first.WithDbAsync(async db =>
        {
            var company = await db.Companies.SingleAsync(c => c.Name == GapWebData.SkaneClient + " 1");
            var (legal, usa) = (await db.TaxonomyTerms.SingleAsync(t => t.Id == data.Legal), await db.TaxonomyTerms.SingleAsync(t => t.Id == data.Usa));
            db.Needs.Add(new Need(company, legal, usa, "Another legal need", NeedPriority.Medium, new Actor("test", "Test"), new DateTime(2026, 3, 9, 9, 0, 0, DateTimeKind.Utc)));
            await db.SaveChangesAsync();
        });

        Assert.Equal(("7", "7"), (OpenNeeds(await onSecond.GetPageAsync("/dashboard")), Total(await onSecond.GetPageAsync(GapReport))));
        Assert.Equal((2, 2), (kept.Builds, kept.Reports.Computed));

        await first.WithDbAsync(async db =>
        {
            var need = await db.Needs.SingleAsync(n => n.Description == "Another legal need");
            need.Withdraw(null, new Actor("u", "U"), new DateTime(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc));
            await db.SaveChangesAsync();
        });

        Assert.Equal(("6", "6"), (OpenNeeds(await onSecond.GetPageAsync("/dashboard")), Total(await onSecond.GetPageAsync(GapReport))));
        Assert.Equal((3, 3), (kept.Builds, kept.Reports.Computed));
    }

    private static string OpenNeeds(IHtmlDocument dashboard) =>
        dashboard.QuerySelectorAll("#dashboard-kpis .kpi").Single(k => k.QuerySelector("dt")!.TextContent == "Open needs").QuerySelector("dd")!.TextContent;

    private static string Total(IHtmlDocument gapReport) => gapReport.QuerySelector("#gap-matrix tfoot .grand .cell-value")!.TextContent.Trim();
}
