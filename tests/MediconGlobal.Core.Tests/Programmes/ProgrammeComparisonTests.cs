using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Programmes;

namespace MediconGlobal.Core.Tests.Programmes;

public sealed class ProgrammeComparisonTests
{
    private static readonly ComparedIndicator[] CluttersOfSwedenResults =
    [
        new(1, "Companies in the EEN info webinar", null, 30, "EEN"),
        new(2, "Companies going further with EEN", null, 10, "een "),
        new(3, "Companies that learned about Leap", null, 200, "Leap"),
        new(4, "Companies that implemented Leap", null, 5, "Leap"),
        new(5, "Participants in the pilot", null, 100, null),
        new(6, "Lonely step", null, 3, "Alone"),
    ];

    [Fact]
    public void Funnels_GroupNamedStepsInOrder_WithShareOfTheFirstStep()
    {
        var funnels = ProgrammeComparison.Funnels(CluttersOfSwedenResults);

        Assert.Equal(["EEN", "Leap"], funnels.Select(f => f.Name));
        var leap = funnels[1];
        Assert.Equal([200, 5], leap.Steps.Select(s => s.Actual!.Value));
        Assert.Equal(0.025, leap.Steps[1].ShareOfFirst!.Value, 6);
        Assert.Equal(1.0 / 3, funnels[0].Steps[1].ShareOfFirst!.Value, 6);
    }

    [Theory]
    [InlineData("2022-05-01", "2023-01-31", 9)]
    [InlineData("2023-01-01", "2024-12-31", 24)]
    [InlineData("2024-03-01", "2024-03-31", 1)]
    public void Months_CountsBothEnds(string start, string end, int months) =>
        Assert.Equal(months, ProgrammeComparison.Months(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void ReachAndFundingPerReached_UseTheLargestActual()
    {
        var programme = new ComparedProgramme(1, "P", "Lead", ProgrammeStatus.Completed, "Vinnova", 2_138_347_00, Currency.SEK,
            new DateOnly(2022, 5, 1), null, [], CluttersOfSwedenResults, null, 1, ActivityOutcomes.None);

        Assert.Equal(200, programme.Reach!.Actual);
        Assert.Equal(1_069_173, programme.FundingPerReachedMinor);
        Assert.Null(programme.DurationMonths);
    }
}
