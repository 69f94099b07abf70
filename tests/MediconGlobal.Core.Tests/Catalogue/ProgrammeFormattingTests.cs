using System.Globalization;
using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Domain;

namespace MediconGlobal.Core.Tests.Catalogue;

public sealed class ProgrammeFormattingTests
{
    private static readonly CultureInfo English = new("en");

    [Fact]
    public void Funding_ShowsCurrencyAndWholeUnits()
    {
        Assert.Equal("SEK 2,138,347", ProgrammeDirectory.FormatFunding(2_138_347_00, Currency.SEK, English));
        Assert.Equal("EUR 1,500.50", ProgrammeDirectory.FormatFunding(1_500_50, Currency.EUR, English));
    }

    [Fact]
    public void Period_ShowsMonthsAndHandlesOpenEnds()
    {
        Assert.Equal("May 2022 – January 2023", ProgrammeDirectory.FormatPeriod(new DateOnly(2022, 5, 1), new DateOnly(2023, 1, 31), English));
        Assert.Equal("May 2022 –", ProgrammeDirectory.FormatPeriod(new DateOnly(2022, 5, 1), null, English));
        Assert.Equal("", ProgrammeDirectory.FormatPeriod(null, null, English));
    }
}
