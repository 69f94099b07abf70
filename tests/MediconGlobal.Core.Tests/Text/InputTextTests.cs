using MediconGlobal.Core.Text;

namespace MediconGlobal.Core.Tests.Text;

/// <summary>Text from any input is NFC and carries no control characters (issue 10 item 9, issue 13 items 2 and 3).</summary>
public sealed class InputTextTests
{
    [Theory]
    [InlineData("Innovation Ska\u030Ane", "Innovation Skåne")]
    [InlineData("Malmo\u0308 Demo Hub – Syd", "Malmö Demo Hub – Syd")]
    [InlineData("Sjælland", "Sjælland")]
    [InlineData("100 €", "100 €")]
    [InlineData("emoji 🧬 stays", "emoji 🧬 stays")]
    public void Read_NormalisesToNfc(string typed, string stored)
    {
        var reading = InputText.Read(typed, multiline: false);

        Assert.False(reading.IsRefused);
        Assert.Equal(stored, reading.Text);
        Assert.Equal(stored.Length, reading.Text!.Length);
    }

    [Theory]
    [InlineData("a\u0000b", '\u0000', 1, false)]
    [InlineData("Malmö Demo Hub \u0096 Syd", '\u0096', 15, true)]
    [InlineData("100 \u0080", '\u0080', 4, true)]
    [InlineData("bell\u0007", '\u0007', 4, true)]
    [InlineData("del\u007F", '\u007F', 3, true)]
    [InlineData("one\nline", '\n', 3, false)]
    [InlineData("tab\there", '\t', 3, false)]
    public void Read_RefusesControlCharactersAndHalfPairs_NamingTheFirst(string typed, char refused, int at, bool multiline)
    {
        var reading = InputText.Read(typed, multiline);

        Assert.True(reading.IsRefused);
        Assert.Equal((refused, at), (reading.Refused!.Value, reading.RefusedAt));
        Assert.Null(reading.Text);
    }

    [Fact]
    public void Read_RefusesHalfASurrogatePair_AndKeepsWholePairs()
    {
        // Built in code: attribute data cannot carry half a pair.
        var half = "half " + '\uD83E' + " pair";

        Assert.Equal(('\uD83E', 5), (InputText.Read(half, multiline: true).Refused, InputText.Read(half, multiline: true).RefusedAt));
        Assert.Equal("half   pair", InputText.Clean(half));
        Assert.False(InputText.Read("🧬", multiline: false).IsRefused);
    }

    [Fact]
    public void Read_AllowsLineBreaksAndTabs_OnlyWhereSeveralLinesAreAllowed()
    {
        Assert.Equal("First line\nSecond\tline\nThird\n\nFifth", InputText.Read("First line\r\nSecond\tline\rThird\r\n\nFifth", multiline: true).Text);
        Assert.True(InputText.Read("First line\r\nSecond", multiline: false).IsRefused);
    }

    [Theory]
    [InlineData("\u0000", " ")]
    [InlineData("usa\u0000boston", "usa boston")]
    [InlineData("ska\u030Ane\n", "skåne ")]
    [InlineData("plain", "plain")]
    public void Clean_ReplacesRefusedCharactersBySpaces_AndNormalises(string typed, string cleaned) =>
        Assert.Equal(cleaned, InputText.Clean(typed));

    [Theory]
    [InlineData('\u0000', "U+0000 (NUL)")]
    [InlineData('\u00A0', "U+00A0 (no-break space)")]
    [InlineData('\u0096', "U+0096 (control character)")]
    [InlineData('k', "“k”")]
    public void Describe_NamesInvisibleCharactersByCode(char c, string described) =>
        Assert.Equal(described, InputText.Describe(c));
}
