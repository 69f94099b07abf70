using System.Net;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Catalogue;

public sealed class DirectoryPagesTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private readonly PortalFactory _portal = fixture.Portal;

    [Fact]
    public async Task Get_Organisations_ListsAllAndFilters()
    {
        var client = _portal.CreatePortalClient();

        var all = await client.GetPageAsync("/organisations");
        var danishClusters = await client.GetPageAsync("/organisations?type=ClusterOrganisation&country=DK");
        var testBeds = await client.GetPageAsync("/organisations?expertise=test-beds&region=se-skane");

        Assert.Equal(16, all.QuerySelectorAll(".org-card").Length);
        Assert.Equal(["Danish Life Science Cluster", "Medicon Valley Alliance"], Names(danishClusters));
        Assert.Contains("Innovation Skåne", Names(testBeds));
        Assert.DoesNotContain("Danish Life Science Cluster", Names(testBeds));
    }

    [Fact]
    public async Task Get_Organisation_ShowsOffersProgrammesExpertiseAndContacts()
    {
        var id = await OrganisationIdAsync(OrganisationSeed.SmiLe);

        var page = await _portal.CreatePortalClient().GetPageAsync($"/organisations/{id}");

        Assert.Equal("SmiLe Incubator", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Medicon Valley Going Global", page.QuerySelector("section[aria-labelledby='programmes-heading']")!.TextContent);
        Assert.Contains("Kristian Enkvist", page.QuerySelector("section[aria-labelledby='contacts-heading']")!.TextContent);
        Assert.NotEmpty(page.QuerySelectorAll("section[aria-labelledby='expertise-heading'] .badge"));
    }

    [Fact]
    public async Task Get_OrganisationWithOffers_ListsThem()
    {
        var id = await OrganisationIdAsync(OrganisationSeed.Dlsc);

        var page = await _portal.CreatePortalClient().GetPageAsync($"/organisations/{id}");

        Assert.Equal(4, page.QuerySelectorAll(".offer-card").Length);
    }

    [Fact]
    public async Task Get_ClustersOfSwedenProgramme_ShowsItsRealFigures()
    {
        var id = await _portal.WithDbAsync(db => db.Programmes.Where(p => p.SeedKey == ProgrammeSeed.ClustersOfSweden).Select(p => p.Id).SingleAsync());

        var page = await _portal.CreatePortalClient().GetPageAsync($"/programmes/{id}");

        var facts = page.QuerySelector(".programme-facts")!.TextContent;
        Assert.Contains("SEK 2,138,347", facts);
        Assert.Contains("2022-01443", facts);
        Assert.Contains("May 2022 – January 2023", facts);
        Assert.Contains("Vinnova", facts);
        Assert.Contains("Completed", page.QuerySelector("header .badge")!.TextContent);
        var indicators = page.QuerySelectorAll(".indicator-table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(7, indicators.Count);
        Assert.Contains(indicators, r => r.Contains("EEN info webinar") && r.Contains("30"));
        Assert.Contains(indicators, r => r.Contains("implemented Leap") && r.Contains('5'));
        Assert.Contains("Mobile Heights", page.QuerySelector("section[aria-labelledby='partners-heading']")!.TextContent);
        Assert.Contains("Lessons learned", page.Body!.TextContent);
    }

    [Fact]
    public async Task Get_Programmes_ListsAndFiltersByStatus()
    {
        var client = _portal.CreatePortalClient();

        var all = await client.GetPageAsync("/programmes");
        var completed = await client.GetPageAsync("/programmes?status=completed");
        var byReference = await client.GetPageAsync("/programmes?q=2022-01443");

        Assert.Equal(5, all.QuerySelectorAll(".programme-card").Length);
        Assert.Equal(2, completed.QuerySelectorAll(".programme-card").Length);
        Assert.Single(byReference.QuerySelectorAll(".programme-card"));
        Assert.Contains("SEK 2,138,347", byReference.QuerySelector(".programme-card")!.TextContent);
    }

    [Theory]
    [InlineData("/organisations/999999")]
    [InlineData("/programmes/999999")]
    public async Task Get_UnknownRecord_Returns404(string url) =>
        await _portal.CreatePortalClient().GetPageAsync(url, HttpStatusCode.NotFound);

    private static List<string> Names(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll(".org-card h3").Select(h => h.TextContent.Trim()).ToList();

    private Task<int> OrganisationIdAsync(string seedKey) =>
        _portal.WithDbAsync(db => db.Organisations.Where(o => o.SeedKey == seedKey).Select(o => o.Id).SingleAsync());
}
