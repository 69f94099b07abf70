using System.Net;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Catalogue;

public sealed class FindSupportAndShortlistTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private readonly PortalFactory _portal = fixture.Portal;

    [Fact]
    public async Task Get_GuidedPathWithoutAnswers_ShowsTheQuestionsOnly()
    {
        var page = await _portal.CreatePortalClient().GetPageAsync("/find-support");

        Assert.Equal(5, page.QuerySelectorAll("form.guided-form select").Length);
        Assert.Null(page.QuerySelector("#matches-heading"));
    }

    [Fact]
    public async Task Get_GuidedPath_RanksMatchingOffersAndSaysWhyEachFits()
    {
        var page = await _portal.CreatePortalClient().GetPageAsync("/find-support?stage=clinical&sector=medtech&market=usa-boston&help=soft-landing");

        var reasons = page.QuerySelectorAll(".match-reason").Select(r => r.TextContent.Trim()).ToList();
        var names = page.QuerySelectorAll(".offer-card h3").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Life Science ambassadors"], names);
        Assert.Contains("covers Massachusetts / Boston", reasons[0]);
        Assert.Contains("is open to companies at any stage", reasons[0]);
    }

    [Fact]
    public async Task Get_GuidedPathInSwedish_SaysWhyEachFitsInSwedish()
    {
        var client = _portal.CreatePortalClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("sv");

        var page = await client.GetPageAsync("/find-support?stage=clinical&sector=medtech&market=usa-boston&help=soft-landing");

        var reason = page.QuerySelector(".match-reason")!.TextContent;
        Assert.Contains("Det erbjuder ", reason);
        Assert.Contains(", täcker ", reason);
        Assert.Contains("är öppet för företag i alla faser", reason);
        Assert.DoesNotContain("covers", reason);
    }

    [Fact]
    public async Task Get_GuidedPathForARegion_LeavesOutOffersForOtherRegions()
    {
        var page = await _portal.CreatePortalClient().GetPageAsync("/find-support?help=partnering&region=no-oslo");

        var names = page.QuerySelectorAll(".offer-card h3").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Partnering support"], names);
    }

    /// <summary>
    /// With every answer left open every published offer fits: the page shows the best ten, says how many fit in
    /// all, and pages through the rest with links that keep the answers; a page past the last is the last, and
    /// "save all" still carries every match (up to the shortlist's size), not just the page shown.
    /// </summary>
    [Fact]
    public async Task Get_GuidedPathWithManyMatches_ShowsThemTenToAPageInRankOrder()
    {
        var client = _portal.CreatePortalClient();
        var published = await _portal.WithDbAsync(db => db.Offers.Published().CountAsync());
        Assert.True(published > 10, $"the demo data has {published} published offers; the test needs more than one page");

        var first = await client.GetPageAsync("/find-support?help=");
        var pages = new List<List<string>> { Cards(first) };
        Assert.Contains($"{published} offers fit your answers", first.QuerySelector("#matches-heading")!.TextContent);
        Assert.Equal(10, pages[0].Count);
        var saveAll = first.QuerySelector("input[name='offers']")!.GetAttribute("value")!.Split(',');
        Assert.Equal(Math.Min(published, 50), saveAll.Length);

        var next = first.QuerySelector("nav .pagination a.page-link[href*='page=2']")!.GetAttribute("href")!;
        Assert.Contains("help=", next);
        var lastNumber = (published + 9) / 10;
        for (var number = 2; number <= lastNumber; number++)
        {
            var page = await client.GetPageAsync($"/find-support?help=&page={number}");
            pages.Add(Cards(page));
            Assert.Equal(number.ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector(".pagination [aria-current='page']")!.TextContent.Trim().Split(' ').Last());
        }

        Assert.Equal(published - (10 * (lastNumber - 1)), pages[^1].Count);
        var all = pages.SelectMany(p => p).ToList();
        Assert.Equal(published, all.Distinct().Count());
        Assert.Equal(saveAll.Take(all.Count), all.Take(saveAll.Length));
        Assert.Equal(pages[^1], Cards(await client.GetPageAsync("/find-support?help=&page=999")));
        Assert.Equal(pages[0], Cards(await client.GetPageAsync("/find-support?help=&page=-3")));
        Assert.Equal(pages[0], Cards(await client.GetPageAsync("/find-support?help=&page=%C3%A4")));
        Assert.Equal(pages[1], Cards(await client.GetPageAsync(next)));

        static List<string> Cards(AngleSharp.Dom.IDocument page) =>
            page.QuerySelectorAll(".offer-list > li article.offer-card h3").Select(h => h.Id!.Replace("offer-", string.Empty).Replace("-name", string.Empty)).ToList();
    }

    [Fact]
    public async Task Shortlist_Anonymous_KeepsOffersInACookieAndSharesThemAsALink()
    {
        var client = _portal.CreatePortalClient();
        var (first, second) = await TwoOfferIdsAsync();
        var catalogue = await client.GetPageAsync("/offers?q=advisory");

        foreach (var id in new[] { first, second })
        {
            var response = await client.SubmitAsync(catalogue, $"form.shortlist-toggle:has(input[name='offerId'][value='{id}'])");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/offers?q=advisory", response.Headers.Location!.OriginalString);
        }

        var shortlist = await client.GetPageAsync("/shortlist");
        Assert.Equal(2, shortlist.QuerySelectorAll(".offer-card").Length);
        var link = ((AngleSharp.Html.Dom.IHtmlInputElement)shortlist.QuerySelector("#share-link")!).Value;
        Assert.EndsWith($"/shortlist?offers={second},{first}", link);

        var stranger = _portal.CreatePortalClient();
        var shared = await stranger.GetPageAsync(new Uri(link).PathAndQuery);
        Assert.Equal(2, shared.QuerySelectorAll(".offer-card").Length);
        var csv = await stranger.GetStringAsync($"/shortlist?handler=Csv&offers={second},{first}");
        Assert.Equal(3, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Empty((await stranger.GetPageAsync("/shortlist")).QuerySelectorAll(".offer-card"));
    }

    [Fact]
    public async Task Shortlist_SignedIn_IsKeptOnTheAccountAndTakesOverTheCookie()
    {
        var client = _portal.CreatePortalClient();
        var (first, second) = await TwoOfferIdsAsync();
        var offerPage = await client.GetPageAsync($"/offers/{first}");
        await client.SubmitAsync(offerPage, "form.shortlist-toggle");

        await _portal.CreateUserAsync("founder-shortlist@example.test", Roles.Startup);
        await client.SignInAsync("founder-shortlist@example.test", PortalFactory.Password);
        var secondPage = await client.GetPageAsync($"/offers/{second}");
        await client.SubmitAsync(secondPage, "form.shortlist-toggle");

        var stored = await _portal.WithDbAsync(db => db.ShortlistItems
            .Where(s => s.UserId == db.Users.Single(u => u.Email == "founder-shortlist@example.test").Id).Select(s => s.OfferId).ToListAsync());
        Assert.Equal([first, second], stored.Order());

        var removePage = await client.GetPageAsync("/shortlist");
        await client.SubmitAsync(removePage, $"form.shortlist-toggle:has(input[name='offerId'][value='{first}'])");
        Assert.Single((await client.GetPageAsync("/shortlist")).QuerySelectorAll(".offer-card"));
    }

    [Fact]
    public async Task Shortlist_AddingAnUnknownOffer_Returns404()
    {
        var client = _portal.CreatePortalClient();
        var page = await client.GetPageAsync("/offers");

        var response = await client.SubmitAsync(page, "form.shortlist-toggle", new Dictionary<string, string> { ["offerId"] = "999999" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<(int First, int Second)> TwoOfferIdsAsync()
    {
        var ids = await _portal.WithDbAsync(db => db.Offers.Where(o => o.SeedKey == "is-advisory-legal" || o.SeedKey == "is-advisory-financial").OrderBy(o => o.Id).Select(o => o.Id).ToListAsync());
        return (ids[0], ids[1]);
    }
}
