using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Infrastructure;

namespace MediconGlobal.Web.Tests.Reports;

public sealed class DashboardPageTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new();

    public async Task InitializeAsync() => await GapWebData.SeedAsync(_portal);

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Get_ProjectManager_SeesOpenNeedsAndUnmetShareByCategory()
    {
        var client = await _portal.SignedInClientAsync("pm@example.test", Roles.ProjectManager, "mva");

        var page = await client.GetPageAsync("/dashboard");

        var kpis = page.QuerySelectorAll("#dashboard-kpis .kpi").ToDictionary(k => k.QuerySelector("dt")!.TextContent, k => k.QuerySelector("dd")!.TextContent);
        Assert.Equal("6", kpis["Open needs"]);
        Assert.Equal("–", kpis["Median days to answer a referral"]);
        Assert.Equal(2, page.QuerySelectorAll("#unmet-by-category tbody tr").Length);
        Assert.Equal(12, page.QuerySelectorAll("#new-needs tbody tr").Length);
    }
}
