using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Matching;

namespace MediconGlobal.Core.Tests.Catalogue;

/// <summary>The catalogue's read model on plain data: which offers count under a facet value, and the query string.</summary>
public sealed class CatalogueIndexTests
{
    private const int Usa = 1;
    private const int Boston = 2;
    private const int Japan = 3;
    private const int AnyMarket = 4;
    private const int German = 5;
    private const int Legal = 10;
    private const int Funding = 11;

    private static readonly OfferDay Today = OfferDay.Of(new DateOnly(2026, 7, 1), TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm"));

    private static readonly TermCatalog Terms = new(
    [
        new TermInfo(Usa, TaxonomyKind.Market, "usa", "USA"),
        new TermInfo(Boston, TaxonomyKind.Market, "usa-boston", "Massachusetts / Boston", parentId: Usa),
        new TermInfo(Japan, TaxonomyKind.Market, "japan", "Japan"),
        new TermInfo(AnyMarket, TaxonomyKind.Market, "any", "Any market", isAgnostic: true),
        new TermInfo(German, TaxonomyKind.Language, "de", "German"),
        new TermInfo(Legal, TaxonomyKind.SupportCategory, "legal", "Legal advisory"),
        new TermInfo(Funding, TaxonomyKind.SupportCategory, "funding", "Funding and investors"),
    ]);

    [Fact]
    public void Market_IsCoveredByExactBroaderAndAgnosticOffers()
    {
        Assert.True(Covers(Entry(1, Legal, markets: [Boston]), Facet.Market, Boston));
        Assert.True(Covers(Entry(1, Legal, markets: [Usa]), Facet.Market, Boston));
        Assert.True(Covers(Entry(1, Legal, markets: [AnyMarket]), Facet.Market, Japan));
        Assert.True(Covers(Entry(1, Legal), Facet.Market, Japan));
        Assert.False(Covers(Entry(1, Legal, markets: [Boston]), Facet.Market, Usa));
        Assert.False(Covers(Entry(1, Legal, markets: [Japan]), Facet.Market, Usa));
    }

    [Fact]
    public void Language_IsStrict_AnOfferWithoutLanguagesDoesNotCountForEvery()
    {
        Assert.False(Covers(Entry(1, Legal), Facet.Language, German));
        Assert.True(Covers(Entry(1, Legal) with { LanguageIds = new HashSet<int> { German } }, Facet.Language, German));
    }

    [Fact]
    public void OffersThatAreNotPublished_AreLeftOut()
    {
        var draft = Entry(2, Legal) with { Profile = Entry(2, Legal).Profile with { Status = OfferStatus.Draft } };

        var index = CatalogueIndex.Create(Terms, [Entry(1, Legal), draft], Today);

        Assert.Equal(1, index.Count);
        Assert.Null(index.PositionOf(2));
    }

    [Fact]
    public void OffersClosedOrLapsedOnTheDay_AreLeftOut_ButCountForTheGapReportsMonths()
    {
        var closed = Entry(2, Legal) with { Profile = Entry(2, Legal).Profile with { ClosesOn = Today.Date.AddDays(-1) } };
        var closingToday = Entry(3, Legal) with { Profile = Entry(3, Legal).Profile with { ClosesOn = Today.Date } };
        var lapsed = Entry(4, Legal) with { Profile = Entry(4, Legal).Profile with { LastReviewedAt = Today.ReviewedSince.AddMinutes(-1) } };

        var index = CatalogueIndex.Create(Terms, [Entry(1, Legal), closed, closingToday, lapsed], Today);

        Assert.Equal([1, 3], index.Offers.Select(o => o.Id));
        Assert.Equal(0, index.CardAt(index.PositionOf(3)!.Value, Today.StartUtc()).DaysLeft);
        Assert.Equal(4, index.Coverage.OfferCount);
    }

    [Fact]
    public void Query_RoundTripsThroughTheQueryString()
    {
        var query = OfferQuery.From("Skåne test", new Dictionary<Facet, string[]?> { [Facet.Market] = ["usa", "japan"], [Facet.Format] = ["Webinar"] }, "name", 2);

        Assert.Equal("?q=Sk%C3%A5ne%20test&market=japan&market=usa&format=Webinar&sort=name&page=2", query.ToQueryString());
        Assert.Equal("?q=Sk%C3%A5ne%20test&market=japan&format=Webinar&sort=name", query.Toggle(Facet.Market, "usa").ToQueryString());
        Assert.Equal("?q=test&market=japan&market=usa&format=Webinar&sort=name", query.WithoutWord("skane").ToQueryString());
        Assert.Equal(OfferSort.Relevance, OfferQuery.From(null, new Dictionary<Facet, string[]?>(), "bogus", -3).Sort);
    }

    [Theory]
    [InlineData(1, 1, new[] { 1 })]
    [InlineData(3, 5, new[] { 1, 2, 3, 4, 5 })]
    [InlineData(1, 9, new[] { 1, 2, 3, 0, 9 })]
    [InlineData(5, 40, new[] { 1, 0, 3, 4, 5, 6, 7, 0, 40 })]
    [InlineData(40, 40, new[] { 1, 0, 38, 39, 40 })]
    public void Pager_ShowsTheEndsAndTwoPagesAroundTheCurrentOne(int page, int pageCount, int[] expected)
    {
        Assert.Equal(expected.Select(p => p == 0 ? (int?)null : p), OfferQuery.PagerPages(page, pageCount));
    }

    private static bool Covers(CatalogueOffer offer, Facet facet, int value)
    {
        var index = CatalogueIndex.Create(Terms, [offer], Today);
        return OfferBits.Has(index.Covering(facet, value), index.PositionOf(offer.Id)!.Value);
    }

    private static CatalogueOffer Entry(int id, int category, int[]? markets = null) => new(
        new OfferProfile(id, OfferStatus.Published, category, (markets ?? []).ToHashSet(), new HashSet<int>(), new HashSet<int>(), new HashSet<int>(), Today.StartUtc()),
        $"Offer {id}", null, 100, "Provider", OrganisationType.Incubator, null, OfferFormat.Workshop, CostType.Free, new HashSet<int>());
}
