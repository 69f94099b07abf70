using System.Net;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Landscape;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediconGlobal.Web.Tests.Landscape;

public sealed class LandscapePagesTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Map_DrawsEveryRegionAsALabelledLink_AndTheSameNumbersInATable()
    {
        var client = await _portal.SignedInClientAsync("pm@example.test", Roles.ProjectManager, OrganisationSeed.SmiLe);

        var page = await client.GetPageAsync("/landscape");

        var regions = page.QuerySelectorAll("svg a.map-region");
        Assert.Equal(14, regions.Length);
        var skane = regions.Single(r => r.GetAttribute("data-region") == "se-skane");
        Assert.StartsWith("Skåne: 5 organisations", skane.GetAttribute("aria-label"), StringComparison.Ordinal);
        var row = page.QuerySelectorAll("#regions-table + .table-responsive tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Skåne");
        Assert.Equal("5", row.QuerySelectorAll("td")[1].TextContent);
        Assert.NotNull(page.QuerySelector(".map-legend"));
    }

    [Fact]
    public async Task Map_FilteredToIncubators_CountsAndListsOnlyIncubators()
    {
        var client = await _portal.SignedInClientAsync("pm@example.test", Roles.ProjectManager, OrganisationSeed.SmiLe);

        var page = await client.GetPageAsync("/landscape?type=Incubator&region=se-skane");

        Assert.StartsWith("Skåne: 1 organisation, ", page.QuerySelector("a[data-region=se-skane]")!.GetAttribute("aria-label"), StringComparison.Ordinal);
        var listed = page.QuerySelectorAll("#region .org-item a").Select(a => a.TextContent).ToList();
        Assert.Equal(["SmiLe Incubator"], listed);
        Assert.Equal("page", page.QuerySelector(".landscape-nav a[href='/landscape']")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task Map_ByExpertiseAndOffers_ColoursByPublishedOffers()
    {
        var client = await _portal.SignedInClientAsync("pm@example.test", Roles.ProjectManager, OrganisationSeed.SmiLe);
        var testBeds = await _portal.WithDbAsync(db => db.TaxonomyTerms.Where(t => t.Code == "test-beds").Select(t => t.Id).SingleAsync());

        var page = await client.GetPageAsync($"/landscape?expertise={testBeds}&measure=offers&region=se-skane");

        var listed = page.QuerySelectorAll("#region .org-item a").Select(a => a.TextContent).Order().ToList();
        Assert.Equal(["Innovation Skåne", "Region Skåne"], listed);
        Assert.Contains("published offers per region", page.QuerySelector("#map-caption")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_UnknownFilterValuesAndRegion_RenderWithoutError()
    {
        var client = await _portal.SignedInClientAsync("pm@example.test", Roles.ProjectManager, OrganisationSeed.SmiLe);

        var page = await client.GetPageAsync("/landscape?type=Spaceport&expertise=99999&sector=abc&region=atlantis");

        Assert.Contains("no region with the code", page.QuerySelector("#region")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(14, page.QuerySelectorAll("svg a.map-region").Length);
    }

    [Theory]
    [InlineData("/landscape")]
    [InlineData("/landscape/pipeline")]
    [InlineData("/landscape/network")]
    [InlineData("/landscape/organisations/1")]
    public async Task LandscapePages_AreForProjectManagersOnly(string path)
    {
        var advisor = await _portal.SignedInClientAsync("advisor@example.test", Roles.Advisor, OrganisationSeed.SmiLe);
        var partner = await _portal.SignedInClientAsync("partner@example.test", Roles.PartnerStaff, OrganisationSeed.Dlsc);
        var anonymous = _portal.CreatePortalClient();

        foreach (var client in new[] { advisor, partner })
        {
            var refused = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/Identity/Account/AccessDenied", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        var signIn = await anonymous.GetAsync(path);
        Assert.StartsWith("/Identity/Account/Login", signIn.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pipeline_BoardAndList_ShowEachOrganisationAtItsStage()
    {
        var client = await _portal.SignedInClientAsync("pm@example.test", Roles.ProjectManager, OrganisationSeed.SmiLe);

        var board = await client.GetPageAsync("/landscape/pipeline");
        var list = await client.GetPageAsync("/landscape/pipeline?view=list&country=DK");

        var contacted = board.QuerySelector("section[aria-labelledby=stage-Contacted]")!.TextContent;
        Assert.Contains("Innovation Skåne", contacted, StringComparison.Ordinal);
        Assert.Contains("Danish Life Science Cluster", contacted, StringComparison.Ordinal);
        Assert.Contains("SmiLe Incubator", board.QuerySelector("section[aria-labelledby=stage-Partner]")!.TextContent, StringComparison.Ordinal);
        var rows = list.QuerySelectorAll("tbody tr").Select(r => r.QuerySelector("th")!.TextContent).ToList();
        Assert.Contains("Danish Life Science Cluster", rows);
        Assert.DoesNotContain("Innovation Skåne", rows);
    }

    [Fact]
    public async Task Network_ShowsBrokersAndOrganisationsWithoutLinks()
    {
        var client = await _portal.SignedInClientAsync("pm@example.test", Roles.ProjectManager, OrganisationSeed.SmiLe);

        var page = await client.GetPageAsync("/landscape/network");

        // Reference data alone: the Clusters of Sweden and Massachusetts programmes form two groups, and nobody bridges them.
        var isolated = page.QuerySelectorAll("#isolated a").Select(a => a.TextContent).ToList();
        Assert.Contains("RISE Research Institutes of Sweden", isolated);
        Assert.Contains("Danish Life Science Cluster", isolated);
        var graph = page.QuerySelector("#network-canvas")!.GetAttribute("data-graph")!;
        Assert.Contains("\"label\":\"Clusters of Sweden\"", graph, StringComparison.Ordinal);
        Assert.Equal(16, page.QuerySelectorAll("#network-table + .table-responsive tbody tr").Length);
    }

    [Fact]
    public async Task Network_ReferralsBetweenOrganisations_MakeABroker()
    {
        await _portal.WithDbAsync(async db =>
        {
            var organisations = await db.Organisations.ToDictionaryAsync(o => o.SeedKey!);
            var category = await db.TaxonomyTerms.FirstAsync(t => t.Kind == TaxonomyKind.SupportCategory);
            var company = new Company("Broker Test AB", "SE") { HomeIncubator = organisations[OrganisationSeed.SmiLe] };
            db.Companies.Add(company);
            var at = DateTime.UtcNow;
            var toDenmark = new Need(company, category, null, "Find a partner in Denmark", NeedPriority.Medium, new Actor("u", "Advisor"), at);
            toDenmark.Refer(organisations[OrganisationSeed.Dlsc], null, null, new Actor("u", "Advisor"), at);
            var toAgency = new Need(company, category, null, "Meet Swedish agencies", NeedPriority.Medium, new Actor("u", "Advisor"), at);
            toAgency.Refer(organisations[OrganisationSeed.BusinessSweden], null, null, new Actor("u", "Advisor"), at);
            db.Needs.AddRange(toDenmark, toAgency);
            await db.SaveChangesAsync();
        });
        var client = await _portal.SignedInClientAsync("pm@example.test", Roles.ProjectManager, OrganisationSeed.SmiLe);

        var page = await client.GetPageAsync("/landscape/network");

        var brokers = page.QuerySelectorAll("#brokers a").Select(a => a.TextContent).ToList();
        Assert.Contains("SmiLe Incubator", brokers);
        Assert.Contains("Business Sweden", brokers);
        Assert.DoesNotContain("Danish Life Science Cluster", page.QuerySelectorAll("#isolated a").Select(a => a.TextContent));
    }

    [Fact]
    public async Task Network_FilteredByCountry_MeasuresOnlyThatCountry()
    {
        var client = await _portal.SignedInClientAsync("pm@example.test", Roles.ProjectManager, OrganisationSeed.SmiLe);

        var page = await client.GetPageAsync("/landscape/network?country=DK");

        var names = page.QuerySelectorAll("#network-table + .table-responsive tbody th").Select(t => t.TextContent).ToList();
        Assert.Equal(["Capital Region of Denmark", "Region Zealand", "Danish Life Science Cluster", "Medicon Valley Alliance"], names);
    }

    [Fact]
    public async Task Network_ALinkMadeAfterAVisit_IsServedTheLastGraphAtOnce_AndShownOnceTheBackgroundBuildIsDone()
    {
        var client = await _portal.SignedInClientAsync("pm@example.test", Roles.ProjectManager, OrganisationSeed.SmiLe);
        var before = await client.GetPageAsync("/landscape/network");
        Assert.Contains("Danish Life Science Cluster", before.QuerySelectorAll("#isolated a").Select(a => a.TextContent));
        var cache = _portal.Services.GetRequiredService<NetworkCache>();
        var builds = cache.Builds;

        await _portal.WithDbAsync(async db =>
        {
            var organisations = await db.Organisations.ToDictionaryAsync(o => o.SeedKey!);
            var category = await db.TaxonomyTerms.FirstAsync(t => t.Kind == TaxonomyKind.SupportCategory);
            var company = new Company("Later Link AB", "SE") { HomeIncubator = organisations[OrganisationSeed.SmiLe] };
            db.Companies.Add(company);
            var need = new Need(company, category, null, "Find a partner in Denmark", NeedPriority.Medium, new Actor("u", "Advisor"), DateTime.UtcNow);
            need.Refer(organisations[OrganisationSeed.Dlsc], null, null, new Actor("u", "Advisor"), DateTime.UtcNow);
            db.Needs.Add(need);
            await db.SaveChangesAsync();
        });
        var served = await client.GetPageAsync("/landscape/network");
        if (cache.Builds == builds)
        {
            // Unless the refresher's own round came first, the request got the last graph built, without waiting.
            Assert.Contains("Danish Life Science Cluster", served.QuerySelectorAll("#isolated a").Select(a => a.TextContent));
        }

        // The request that found the graph old woke the refresher (NetworkRefresher), which builds it in the background.
        var until = DateTime.UtcNow.AddSeconds(60);
        while (cache.Builds == builds)
        {
            Assert.True(DateTime.UtcNow < until, "The network was not built again in the background.");
            await Task.Delay(100);
        }

        var after = await client.GetPageAsync("/landscape/network");

        Assert.DoesNotContain("Danish Life Science Cluster", after.QuerySelectorAll("#isolated a").Select(a => a.TextContent));
    }

    [Fact]
    public async Task Network_ManyOrganisations_PagesTheTable_AndDrawsTheMostCentral()
    {
        await _portal.WithDbAsync(async db =>
        {
            db.Organisations.AddRange(Enumerable.Range(1, 140).Select(i => new Organisation($"Network Test Organisation {i:000}", OrganisationType.Investor, "SE")));
            await db.SaveChangesAsync();
        });
        var client = await _portal.SignedInClientAsync("pm@example.test", Roles.ProjectManager, OrganisationSeed.SmiLe);

        var first = await client.GetPageAsync("/landscape/network?type=Investor");
        var last = await client.GetPageAsync("/landscape/network?type=Investor&page=99");

        Assert.Equal(50, first.QuerySelectorAll("#network-table + .table-responsive tbody tr").Length);
        var investors = await _portal.WithDbAsync(db => db.Organisations.CountAsync(o => o.Type == OrganisationType.Investor));
        Assert.Equal(investors - 100, last.QuerySelectorAll("#network-table + .table-responsive tbody tr").Length);
        Assert.Equal("page", last.QuerySelector($".pagination a[href*='page=3']")!.GetAttribute("aria-current"));
        Assert.Equal(120, System.Text.Json.JsonDocument.Parse(first.QuerySelector("#network-canvas")!.GetAttribute("data-graph")!).RootElement.GetProperty("nodes").GetArrayLength());
        Assert.Contains("The drawing shows the 120 most central organisations", first.QuerySelector("#network-caption")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(100, first.QuerySelectorAll("#isolated a").Length);
    }
}
