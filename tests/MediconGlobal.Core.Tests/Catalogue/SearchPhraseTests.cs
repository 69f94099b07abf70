using MediconGlobal.Core.Catalogue.FoundNothing;

namespace MediconGlobal.Core.Tests.Catalogue;

/// <summary>What is kept of the words of a search that found nothing (ADR 1779): normalised, cut, and nothing personal.</summary>
public sealed class SearchPhraseTests
{
    [Theory]
    [InlineData("  CE-Marking   for   Japan!! ", "ce marking for japan")]
    [InlineData("Women's health, Tokyo", "womens health tokyo")]
    [InlineData("Klinisk PRÖVNING i Malmö?", "klinisk prövning i malmö")]
    [InlineData("ISO 13485:2016", "iso 13485 2016")]
    [InlineData("FDA 510(k)", "fda 510 k")]
    public void Normalise_LowerCasesStripsPunctuationAndCollapsesWhitespace(string text, string expected) =>
        Assert.Equal(expected, SearchPhrase.Normalise(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?! -- ...")]
    public void Normalise_NoWords_IsNull(string? text) => Assert.Null(SearchPhrase.Normalise(text));

    [Fact]
    public void Normalise_LongText_IsCutAtAWordToSixtyCharacters()
    {
        var phrase = SearchPhrase.Normalise("regulatory advice for a medical device company entering the japanese market next year");

        Assert.Equal("regulatory advice for a medical device company entering the", phrase);
        Assert.True(phrase!.Length <= SearchPhrase.MaxLength);
        Assert.Equal(new string('x', SearchPhrase.MaxLength), SearchPhrase.Normalise(new string('X', 100)));
    }

    [Theory]
    [InlineData("anna.svensson@example.se funding")]
    [InlineData("contact me at anna@startup.dk")]
    [InlineData("call +46 70 123 45 67")]
    [InlineData("070-123 45 67")]
    [InlineData("19850412-1234 regulatory")]
    [InlineData("850412-1234")]
    [InlineData("8504121234")]
    [InlineData("cpr 120485-1234 help")]
    [InlineData("1204851234")]
    [InlineData("+45 12 34 56 78")]
    [InlineData("org 556677-8899")]
    public void Normalise_TextThatLooksPersonal_IsDroppedEntirely(string text)
    {
        Assert.True(SearchPhrase.LooksPersonal(text));
        Assert.Null(SearchPhrase.Normalise(text));
    }

    [Theory]
    [InlineData("ISO 13485")]
    [InlineData("MDR 2017/745")]
    [InlineData("series a 2027")]
    public void Normalise_ShortNumbers_AreKept(string text) => Assert.NotNull(SearchPhrase.Normalise(text));
}
