using MediconGlobal.Core.Text;

namespace MediconGlobal.Core.Tests.Text;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("Skåne", "skane")]
    [InlineData("Øresund", "oresund")]
    [InlineData("Malmö", "malmo")]
    [InlineData("Sjælland", "sjaelland")]
    [InlineData("  Region   Zealand ", "region zealand")]
    [InlineData(null, "")]
    public void Normalize_FoldsCaseDiacriticsAndNordicLetters(string? text, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(text));
}
