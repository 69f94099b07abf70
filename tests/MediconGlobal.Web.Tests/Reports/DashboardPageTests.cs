using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

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

    [Fact]
    public async Task Get_FunnelFilter_OffersEveryCategoryAndRegion_InTheTaxonomysOrder_IncludingOneAddedAfterTheFirstRequest()
    {
        var client = await _portal.SignedInClientAsync("pm@example.test", Roles.ProjectManager, "mva");
        await client.GetPageAsync("/dashboard");
        await _portal.WithDbAsync(async db =>
        {
            db.TaxonomyTerms.Add(new TaxonomyTerm(TaxonomyKind.SupportCategory, "space-law", "Space law", 0));
            db.TaxonomyTerms.Add(new TaxonomyTerm(TaxonomyKind.Region, "se-gotland", "Gotland", 99));
            await db.SaveChangesAsync();
        });
        var expected = await _portal.WithDbAsync(async db => (
            Categories: await OptionsOf(db, TaxonomyKind.SupportCategory),
            Regions: await OptionsOf(db, TaxonomyKind.Region)));

        var page = await client.GetPageAsync("/dashboard");

        string[] Shown(string select) => [.. page.QuerySelectorAll($"select#{select} option[value]").Select(o => o.GetAttribute("value")!).Where(v => v.Length > 0)];
        Assert.Equal(expected.Categories, Shown("funnel-category"));
        Assert.Equal(expected.Regions, Shown("funnel-region"));
        Assert.Contains("Space law", page.QuerySelector("select#funnel-category")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>The terms of a kind as the database orders them: sort order, then name in the database's collation.</summary>
    private static async Task<string[]> OptionsOf(AppDbContext db, TaxonomyKind kind) =>
        [.. await db.TaxonomyTerms.AsNoTracking().Where(t => t.Kind == kind).OrderBy(t => t.SortOrder).ThenByName(t => t.Name, db).Select(t => t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToListAsync()];
}
