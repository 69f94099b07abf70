using System.Net;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Catalogue;

public sealed class OfferPagesTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private readonly PortalFactory _portal = fixture.Portal;

    [Fact]
    public async Task Get_Catalogue_ListsPublishedOffersWithFacetCounts()
    {
        var page = await _portal.CreatePortalClient().GetPageAsync("/offers");

        Assert.Contains("offers", page.QuerySelector("#results-heading")!.TextContent);
        Assert.Equal(10, page.QuerySelectorAll(".offer-card").Length);
        Assert.Contains("3", page.QuerySelector("label[for='f-category-partnering'] .facet-count")!.TextContent);
        Assert.NotNull(page.QuerySelector("nav[aria-label='Result pages']"));
    }

    [Fact]
    public async Task Get_CatalogueWithTwoFacets_NarrowsTheListAndKeepsTheStateInTheQueryString()
    {
        var page = await _portal.CreatePortalClient().GetPageAsync("/offers?category=partnering&market=eu");

        var names = page.QuerySelectorAll(".offer-card h3").Select(h => h.TextContent.Trim()).ToList();
        Assert.Contains("Partnering support", names);
        Assert.Contains("Innovation management support in healthcare", names);
        Assert.DoesNotContain("Focused network and matchmaking", names);
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#f-category-partnering")!).IsChecked);
        var chips = page.QuerySelectorAll(".filter-chip").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/offers?market=eu", chips);
        Assert.Contains("/offers?category=partnering", chips);
    }

    [Theory]
    [InlineData("skane", "Business advisory: legal")]
    [InlineData("SKÅNE", "Business advisory: legal")]
    [InlineData("danish life science cluster", "Booster Board expert panels")]
    [InlineData("clusters of sweden", "Pilot programme \"Pioneer the possible\"")]
    public async Task Get_Search_IgnoresCaseAndDiacriticsAndCoversProviderAndProgramme(string text, string expected)
    {
        var page = await _portal.CreatePortalClient().GetPageAsync("/offers?q=" + Uri.EscapeDataString(text));

        Assert.Contains(expected, page.QuerySelectorAll(".offer-card h3").Select(h => h.TextContent.Trim()));
    }

    [Fact]
    public async Task Get_EmptyResult_ExplainsItselfAndOffersToWiden()
    {
        var page = await _portal.CreatePortalClient().GetPageAsync("/offers?category=legal&format=Funding");

        Assert.Contains("No offers match your search", page.QuerySelector(".empty-result")!.TextContent);
        var widen = page.QuerySelectorAll(".empty-result a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/offers?category=legal", widen);
    }

    [Fact]
    public async Task Get_Csv_DownloadsTheFilteredOffers()
    {
        var response = await _portal.CreatePortalClient().GetAsync("/offers?category=partnering&handler=Csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Id,Name,Provider,Programme,Category", lines[0]);
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public async Task Get_Offer_ShowsWhatAFounderNeedsAndRelatedOffers()
    {
        var id = await OfferIdAsync("is-test-beds");

        var page = await _portal.CreatePortalClient().GetPageAsync($"/offers/{id}");

        Assert.Equal("Test-bed services with Region Skåne", page.QuerySelector("h1")!.TextContent.Trim());
        var text = page.Body!.TextContent;
        Assert.Contains("Innovation Skåne", text);
        Assert.Contains("Proof of concept, Clinical, Regulatory approval, Market launch", text);
        Assert.Contains("Priced per project", text);
        Assert.DoesNotContain("May be out of date", text);
        Assert.NotEmpty(page.QuerySelectorAll(".related-offers li"));
    }

    /// <summary>
    /// Related offers are suggestions too: a call whose deadline passed is not among them, however close it is to the
    /// offer (ADR 1934), while an open one just like it is.
    /// </summary>
    [Fact]
    public async Task Get_Offer_RelatedOffersLeaveOutACallWhoseDeadlinePassed()
    {
        var (offer, closed, open) = (CasePortal.Unique("Related base desk"), CasePortal.Unique("Related closed call"), CasePortal.Unique("Related open call"));
        var ids = await _portal.WithDbAsync(async db =>
        {
            string[] markets = ["usa", "germany", "uk"];
            string[] stages = ["clinical", "market-launch"];
            var added = new List<Offer>();
            foreach (var name in new[] { offer, closed, open })
            {
                added.Add(await MediconGlobal.Testing.CatalogueBuilder.AddOfferAsync(db, name, OrganisationSeed.Dlsc, "regulatory", markets: markets, stages: stages));
            }

            added[1].ApplicationDeadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2);
            added[2].ApplicationDeadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
            await db.SaveChangesAsync();
            return added.Select(o => o.Id).ToArray();
        });

        var page = await _portal.CreatePortalClient().GetPageAsync($"/offers/{ids[0]}");

        var related = page.QuerySelectorAll(".related-offers li a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains(open, related);
        Assert.DoesNotContain(closed, related);
    }

    /// <summary>
    /// Not confirmed for eleven months and three weeks (issue 19 item 5, ADR 1934): before the 12-month stale flag, the
    /// offer lapses from verification, leaves the catalogue and says so on its page, which stays reachable.
    /// </summary>
    [Fact]
    public async Task Get_OfferNotConfirmedForAYear_SaysItNeedsVerification_AndIsLeftOutOfTheCatalogue()
    {
        var id = await OfferIdAsync("een-partnering");
        async Task ReviewedAsync(DateTime at) => await _portal.WithDbAsync(async db =>
        {
            var offer = await db.Offers.SingleAsync(o => o.Id == id);
            offer.MarkReviewed(at);
            await db.SaveChangesAsync();
        });
        await ReviewedAsync(DateTime.UtcNow.AddDays(-400));
        var client = _portal.CreatePortalClient();

        var page = await client.GetPageAsync($"/offers/{id}");
        var catalogue = await client.GetPageAsync("/offers?q=partnering");
        await ReviewedAsync(DateTime.UtcNow);

        Assert.Contains("Needs verification.", page.QuerySelector(".stale-alert")!.TextContent);
        Assert.Null(catalogue.QuerySelector($"#offer-{id}-name"));
        Assert.NotNull((await client.GetPageAsync("/offers?q=partnering")).QuerySelector($"#offer-{id}-name"));
    }

    [Fact]
    public async Task Get_UnknownOrUnpublishedOffer_Returns404()
    {
        var draft = await _portal.WithDbAsync(async db =>
        {
            var provider = await db.Organisations.SingleAsync(o => o.SeedKey == OrganisationSeed.Dlsc);
            var offer = new Offer("Unpublished draft", provider, await db.TaxonomyTerms.FirstAsync(t => t.Kind == TaxonomyKind.SupportCategory));
            db.Offers.Add(offer);
            await db.SaveChangesAsync();
            return offer.Id;
        });
        var client = _portal.CreatePortalClient();

        await client.GetPageAsync("/offers/999999", HttpStatusCode.NotFound);
        await client.GetPageAsync($"/offers/{draft}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Post_ReportWithoutMessage_ShowsTheError()
    {
        var client = _portal.CreatePortalClient();
        var id = await OfferIdAsync("mva-ambassadors");
        var page = await client.GetPageAsync($"/offers/{id}");

        var response = await client.SubmitAsync(page, "#report form", new Dictionary<string, string> { ["Report.Message"] = "", ["Report.Email"] = "not-an-email" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var messages = (await response.ParseBodyAsync()).ValidationMessages();
        Assert.Contains("Describe what is wrong or out of date.", messages);
        Assert.Contains("Enter an email address like name@example.com, or leave it empty.", messages);
    }

    [Fact]
    public async Task Post_Report_PutsACorrectionRequestInTheProvidersInbox()
    {
        var client = _portal.CreatePortalClient();
        var id = await OfferIdAsync("dlsc-conferences");
        var page = await client.GetPageAsync($"/offers/{id}");

        var response = await client.SubmitAsync(page, "#report form", new Dictionary<string, string>
        {
            ["Report.Message"] = "The 2025 conference dates are listed but it already took place.",
            ["Report.Email"] = "founder@example.com",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/offers/{id}", response.Headers.Location!.OriginalString);
        var stored = await _portal.WithDbAsync(db => db.CorrectionRequests.Where(c => c.OfferId == id).SingleAsync());
        var dlsc = await _portal.WithDbAsync(db => db.Organisations.Where(o => o.SeedKey == OrganisationSeed.Dlsc).Select(o => o.Id).SingleAsync());
        Assert.Equal(dlsc, stored.OrganisationId);
        Assert.Equal(CorrectionStatus.Open, stored.Status);
        Assert.Equal("founder@example.com", stored.ReporterEmail);
    }

    private Task<int> OfferIdAsync(string seedKey) => _portal.WithDbAsync(db => db.Offers.Where(o => o.SeedKey == seedKey).Select(o => o.Id).SingleAsync());
}
