using AngleSharp.Html.Dom;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Reports;

/// <summary>
/// With no wait for rebuilds (ADR 1210), the dashboard right after a need is logged shows the figures from before the
/// change and says so; once the rebuild in the background is done, the next request counts the new need.
/// </summary>
public sealed class ReadModelAgeTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new(settings: new Dictionary<string, string?> { ["ReadModels:RebuildWait"] = "00:00:00" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Dashboard_RightAfterANeedIsLogged_SaysItsFiguresAreOlder_UntilTheRebuildIsDone()
    {
        var data = await GapWebData.SeedAsync(_portal);
        var client = await _portal.SignedInClientAsync("pm@example.test", Roles.ProjectManager, "mva");
        var before = await client.GetPageAsync("/dashboard");
        Assert.Equal(("6", false), (OpenNeeds(before), SaysOlder(before)));

        await _portal.WithDbAsync(async db =>
        {
            var company = await db.Companies.SingleAsync(c => c.Name == GapWebData.SkaneClient + " 1");
            var (legal, usa) = (await db.TaxonomyTerms.SingleAsync(t => t.Id == data.Legal), await db.TaxonomyTerms.SingleAsync(t => t.Id == data.Usa));
            db.Needs.Add(new Need(company, legal, usa, "Another legal need", NeedPriority.Medium, new Actor("test", "Test"), new DateTime(2026, 3, 9, 9, 0, 0, DateTimeKind.Utc)));
            await db.SaveChangesAsync();
        });

        var right = await client.GetPageAsync("/dashboard");
        Assert.Equal(("6", true), (OpenNeeds(right), SaysOlder(right)));

        var deadline = DateTime.UtcNow.AddSeconds(30);
        var page = right;
        while (SaysOlder(page) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            page = await client.GetPageAsync("/dashboard");
        }

        Assert.Equal(("7", false), (OpenNeeds(page), SaysOlder(page)));
    }

    private static bool SaysOlder(IHtmlDocument dashboard) => dashboard.QuerySelector("#read-model-age") is not null;

    private static string OpenNeeds(IHtmlDocument dashboard) =>
        dashboard.QuerySelectorAll("#dashboard-kpis .kpi").Single(k => k.QuerySelector("dt")!.TextContent == "Open needs").QuerySelector("dd")!.TextContent;
}
