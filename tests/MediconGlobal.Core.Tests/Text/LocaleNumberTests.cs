using MediconGlobal.Core.Text;

namespace MediconGlobal.Core.Tests.Text;

/// <summary>Numbers as Swedish, Danish, Norwegian and English formatting write them (issue 13 item 7).</summary>
public sealed class LocaleNumberTests
{
    [Theory]
    [InlineData("2138347", 2138347)]
    [InlineData("2 138 347", 2138347)]
    [InlineData("2\u00A0138\u00A0347", 2138347)] // sv-SE / nb-NO formatting: no-break spaces
    [InlineData("2\u202F138\u202F347", 2138347)] // newer ICU: narrow no-break spaces
    [InlineData("2\u2009138\u2009347", 2138347)]
    [InlineData("2.138.347", 2138347)] // da-DK grouping
    [InlineData("2,138,347", 2138347)] // en grouping
    [InlineData("2.138.347,50", 2138347.50)]
    [InlineData("2,138,347.50", 2138347.50)]
    [InlineData("2\u00A0138\u00A0347,50", 2138347.50)]
    [InlineData("2 138,347", 2138.347)] // spaces group thousands, so the comma is the decimal mark
    [InlineData("25,5", 25.5)]
    [InlineData("25.5", 25.5)]
    [InlineData("0,125", 0.125)]
    [InlineData("1234,567", 1234.567)]
    [InlineData(",5", 0.5)]
    [InlineData("  42  ", 42)]
    [InlineData("\u221242", -42)] // sv-SE writes the minus sign U+2212
    [InlineData("-42", -42)]
    [InlineData("+42", 42)]
    [InlineData("007", 7)]
    public void Read_AcceptsNordicAndEnglishFormatting(string text, double expected)
    {
        var reading = LocaleNumber.Read(text);

        Assert.True(reading.IsValid, reading.Problem.ToString());
        Assert.Equal((decimal)expected, reading.Value);
    }

    [Theory]
    [InlineData("1,234", NumberProblem.Ambiguous, ',')]
    [InlineData("1.234", NumberProblem.Ambiguous, '.')]
    [InlineData("12,345", NumberProblem.Ambiguous, ',')]
    [InlineData("12 34", NumberProblem.Grouping, ' ')]
    [InlineData("1\u00A02345", NumberProblem.Grouping, '\u00A0')]
    [InlineData("1.234.567.8", NumberProblem.Grouping, '.')]
    [InlineData("1.234,567,8", NumberProblem.Grouping, ',')]
    [InlineData("25 kr", NumberProblem.NotANumber, 'k')]
    [InlineData("1e3", NumberProblem.NotANumber, 'e')]
    [InlineData("12\u00000", NumberProblem.NotANumber, '\u0000')]
    [InlineData("5.", NumberProblem.NotANumber, '.')]
    [InlineData("-", NumberProblem.NotANumber, '-')]
    public void Read_RefusesWhatCannotBeReadForCertain_NamingTheCharacter(string text, NumberProblem problem, char character)
    {
        var reading = LocaleNumber.Read(text);

        Assert.Equal((problem, (char?)character), (reading.Problem, reading.Character));
    }

    [Theory]
    [InlineData("25,5", NumberProblem.NotWhole)]
    [InlineData("3000000000", NumberProblem.OutOfRange)]
    [InlineData("99999999999999999999999999999999", NumberProblem.OutOfRange)]
    [InlineData("   ", NumberProblem.Empty)]
    public void ReadWhole_RefusesDecimalsAndWhatTheFieldCannotHold(string text, NumberProblem problem) =>
        Assert.Equal(problem, LocaleNumber.ReadWhole(text).Problem);

    [Fact]
    public void ReadWhole_AcceptsGroupedWholeNumbersAndZeroDecimals()
    {
        Assert.Equal(2000m, LocaleNumber.ReadWhole("2\u00A0000").Value);
        Assert.Equal(25m, LocaleNumber.ReadWhole("25,0").Value);
    }

    [Fact]
    public void Message_NamesTheFieldTheTextAndTheInvisibleCharacter()
    {
        var message = LocaleNumber.Explain(LocaleNumber.Read("1\u00A02345"), "funding_amount", "1\u00A02345").ToString();

        Assert.Equal("funding_amount: “1\u00A02345” has U+00A0 (no-break space) in the wrong place — thousands are grouped in threes, like 2 138 347.", message);
    }
}
