using MediconGlobal.Web.Tests.Catalogue;
using MediconGlobal.Web.Tests.Infrastructure;

namespace MediconGlobal.Web.Tests.Localisation;

/// <summary>
/// Issue 14 item 6: search works across languages. Markets and regions carry Swedish and Danish labels (seeded,
/// editable under administration), and the catalogue's free text matches an offer by any label of its places, so a
/// Swede or a Dane typing "Tyskland" finds what "Germany" finds in English; the filters name the places in the
/// page's language.
/// </summary>
public sealed class CrossLanguageSearchTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Theory]
    [InlineData("sv", "Tyskland", "Germany")]
    [InlineData("da", "Tyskland", "Germany")]
    [InlineData("sv", "Storbritannien", "UK")]
    [InlineData("da", "Mellemøsten", "Middle East")]
    public async Task AWordInSwedishOrDanish_FindsWhatTheEnglishWordFinds(string culture, string word, string english)
    {
        var inEnglish = await OfferNamesAsync("en", english);
        var translated = await OfferNamesAsync(culture, word);

        Assert.True(inEnglish.Count > 1, $"“{english}” should find offers.");
        Assert.Equal(inEnglish, translated);
    }

    [Theory]
    [InlineData("sv", "Tyskland")]
    [InlineData("da", "Tyskland")]
    [InlineData("en", "Germany")]
    public async Task MarketFilter_NamesTheMarketInThePagesLanguage(string culture, string germany)
    {
        var client = fixture.Portal.CreatePortalClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);

        var page = await client.GetPageAsync("/offers");

        Assert.Equal(germany, page.QuerySelector("label[for=f-market-germany]")!.ChildNodes.First().TextContent.Trim());
    }

    private async Task<List<string>> OfferNamesAsync(string culture, string words)
    {
        var client = fixture.Portal.CreatePortalClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        var page = await client.GetPageAsync("/offers?q=" + Uri.EscapeDataString(words));
        // The count in the heading covers every page of results; the names, the first page.
        var count = new string([.. page.QuerySelector("#results-heading")!.TextContent.Where(char.IsAsciiDigit)]);
        return [count, .. page.QuerySelectorAll(".offer-card h3").Select(h => h.TextContent.Trim()).Order(StringComparer.Ordinal)];
    }
}
