using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Matching;

namespace MediconGlobal.Core.Tests.Catalogue;

public sealed class FacetCounterTests
{
    private const int Usa = 1;
    private const int Boston = 2;
    private const int Japan = 3;
    private const int AnyMarket = 4;
    private const int Legal = 10;
    private const int Funding = 11;

    private static readonly FacetCounter Counter = new(new MarketHierarchy(
        new Dictionary<int, int?> { [Usa] = null, [Boston] = Usa, [Japan] = null, [AnyMarket] = null },
        new HashSet<int> { AnyMarket }));

    [Fact]
    public void Market_IsCoveredByExactBroaderAndAgnosticOffers()
    {
        Assert.True(Counter.Covers(Entry(1, Legal, markets: [Boston]), Facet.Market, Boston));
        Assert.True(Counter.Covers(Entry(1, Legal, markets: [Usa]), Facet.Market, Boston));
        Assert.True(Counter.Covers(Entry(1, Legal, markets: [AnyMarket]), Facet.Market, Japan));
        Assert.True(Counter.Covers(Entry(1, Legal), Facet.Market, Japan));
        Assert.False(Counter.Covers(Entry(1, Legal, markets: [Boston]), Facet.Market, Usa));
        Assert.False(Counter.Covers(Entry(1, Legal, markets: [Japan]), Facet.Market, Usa));
    }

    [Fact]
    public void Language_IsStrict_AnOfferWithoutLanguagesDoesNotCountForEvery()
    {
        Assert.False(Counter.Covers(Entry(1, Legal), Facet.Language, 42));
        Assert.True(Counter.Covers(Entry(1, Legal) with { LanguageIds = new HashSet<int> { 42 } }, Facet.Language, 42));
    }

    [Fact]
    public void Count_ValuesOfOneFacetAreAlternatives_FacetsCombine()
    {
        var entries = new[]
        {
            Entry(1, Legal, markets: [Usa]),
            Entry(2, Legal, markets: [Japan]),
            Entry(3, Funding, markets: [Usa]),
            Entry(4, Funding, markets: [AnyMarket]),
        };
        var selected = new Dictionary<Facet, IReadOnlySet<int>>
        {
            [Facet.Category] = new HashSet<int> { Legal },
            [Facet.Market] = new HashSet<int> { Usa, Japan },
        };
        var options = new Dictionary<Facet, IReadOnlyList<FacetOption>>
        {
            [Facet.Category] = [new(Legal, "legal", "Legal"), new(Funding, "funding", "Funding")],
            [Facet.Market] = [new(Usa, "usa", "USA"), new(Japan, "japan", "Japan")],
        };

        var counts = Counter.Count(entries, selected, options);

        Assert.Equal([1, 2], Counter.Filter(entries, selected).Select(e => e.OfferId));
        var category = counts.Single(c => c.Facet == Facet.Category).Values;
        Assert.Equal((2, true), (category[0].Count, category[0].Selected));
        Assert.Equal((2, false), (category[1].Count, category[1].Selected));
        var market = counts.Single(c => c.Facet == Facet.Market).Values;
        Assert.Equal([1, 1], market.Select(v => v.Count));
    }

    [Fact]
    public void Query_RoundTripsThroughTheQueryString()
    {
        var query = OfferQuery.From("Skåne test", new Dictionary<Facet, string[]?> { [Facet.Market] = ["usa", "japan"], [Facet.Format] = ["Webinar"] }, "name", 2);

        Assert.Equal("?q=Sk%C3%A5ne%20test&market=japan&market=usa&format=Webinar&sort=name&page=2", query.ToQueryString());
        Assert.Equal("?q=Sk%C3%A5ne%20test&market=japan&format=Webinar&sort=name", query.Toggle(Facet.Market, "usa").ToQueryString());
        Assert.Equal(OfferSort.Relevance, OfferQuery.From(null, new Dictionary<Facet, string[]?>(), "bogus", -3).Sort);
    }

    private static CatalogueEntry Entry(int id, int category, int[]? markets = null) => new(
        id, category, OfferFormat.Workshop, CostType.Free, OrganisationType.Incubator,
        (markets ?? []).ToHashSet(), new HashSet<int>(), new HashSet<int>(), new HashSet<int>(), new HashSet<int>());
}
