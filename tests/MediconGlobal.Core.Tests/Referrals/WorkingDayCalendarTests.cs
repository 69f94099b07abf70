using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Referrals;

namespace MediconGlobal.Core.Tests.Referrals;

/// <summary>Working days of the receiving organisation's country (issue 19 item 1, ADR 1762), from the PublicHoliday library.</summary>
public sealed class WorkingDayCalendarTests
{
    // Thursday 24 June 2027, 10:00 in Stockholm (CEST): the day before Swedish midsummer eve (Friday 25 June).
    private static readonly DateTime ThursdayBeforeMidsummer = new(2027, 6, 24, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Sweden_SentTheThursdayBeforeMidsummer_TwoWorkingDaysEndOnTuesday()
    {
        var due = ResponsePromises.Due("SE", 2, ThursdayBeforeMidsummer);

        // Midsummer eve, the weekend (midsummer day is a Saturday) do not count: Monday 28 and Tuesday 29 June do.
        Assert.Equal(new DateTime(2027, 6, 29, 22, 0, 0, DateTimeKind.Utc), due.AnswerDueAt);
        Assert.Equal(2, due.WorkingDays);
    }

    [Fact]
    public void Denmark_HasNoMidsummerHoliday_TheSameReferralIsDueOnMonday()
    {
        var due = ResponsePromises.Due("DK", 2, ThursdayBeforeMidsummer);

        Assert.Equal(new DateTime(2027, 6, 28, 22, 0, 0, DateTimeKind.Utc), due.AnswerDueAt);
    }

    [Fact]
    public void Escalation_IsTheEndOfTwiceThePromise()
    {
        var due = ResponsePromises.Due("SE", 2, ThursdayBeforeMidsummer);

        // Monday 28 June to Thursday 1 July 2027.
        Assert.Equal(new DateTime(2027, 7, 1, 22, 0, 0, DateTimeKind.Utc), due.EscalatesAt);
    }

    [Theory]
    [InlineData("SE", "2027-06-25", false)] // midsummer eve
    [InlineData("DK", "2027-06-25", true)]
    [InlineData("NO", "2027-06-25", true)]
    [InlineData("DK", "2027-03-25", false)] // Maundy Thursday is a holiday in Denmark and Norway
    [InlineData("NO", "2027-03-25", false)]
    [InlineData("SE", "2027-03-25", true)] // but not in Sweden
    [InlineData("NO", "2027-05-17", false)] // Norway's constitution day, a Monday
    [InlineData("SE", "2027-05-17", true)]
    [InlineData("SE", "2027-06-26", false)] // a Saturday
    [InlineData("XX", "2027-01-01", true)] // no calendar: weekends only
    [InlineData("SE", "2027-01-01", false)]
    [InlineData("se", "2027-01-01", false)] // codes in any case
    public void IsWorkingDay_FollowsTheCountrysPublicHolidays(string country, string day, bool working)
    {
        Assert.Equal(working, WorkingDayCalendar.For(country).IsWorkingDay(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void SentOnASaturday_CountingStartsOnMonday()
    {
        var saturdayNoon = new DateTime(2027, 9, 4, 10, 0, 0, DateTimeKind.Utc);

        Assert.Equal(new DateTime(2027, 9, 6, 22, 0, 0, DateTimeKind.Utc), ResponsePromises.Due("SE", 1, saturdayNoon).AnswerDueAt);
    }

    [Fact]
    public void SentLateInTheEvening_CountsFromThatLocalDay_NotTheUtcOne()
    {
        // 23:30 on Friday 3 September in Stockholm is 21:30 UTC, still Friday: one working day ends at Monday's end.
        var fridayEvening = new DateTime(2027, 9, 3, 21, 30, 0, DateTimeKind.Utc);

        Assert.Equal(new DateTime(2027, 9, 6, 22, 0, 0, DateTimeKind.Utc), ResponsePromises.Due("SE", 1, fridayEvening).AnswerDueAt);
    }

    [Fact]
    public void AcrossTheChangeToWinterTime_TheDayStillEndsAtLocalMidnight()
    {
        // Friday 29 October 2027 in Stockholm; summer time ends on Sunday 31 October; Monday 1 November ends at 23:00 UTC.
        var friday = new DateTime(2027, 10, 29, 8, 0, 0, DateTimeKind.Utc);

        Assert.Equal(new DateTime(2027, 11, 1, 23, 0, 0, DateTimeKind.Utc), ResponsePromises.Due("SE", 1, friday).AnswerDueAt);
    }

    [Fact]
    public void KnownCountries_HaveHolidays_OthersWeekendsOnly()
    {
        Assert.All(Countries.All, c => Assert.True(WorkingDayCalendar.For(c.Code).KnowsHolidays, c.Code));
        Assert.False(WorkingDayCalendar.For("EU").KnowsHolidays);
    }

    [Fact]
    public void Legacy_IsFourteenAndTwentyEightDaysAfterSending()
    {
        var legacy = ResponseDue.Legacy(ThursdayBeforeMidsummer);

        Assert.Equal((null, ThursdayBeforeMidsummer.AddDays(14), ThursdayBeforeMidsummer.AddDays(28)), (legacy.WorkingDays, legacy.AnswerDueAt, legacy.EscalatesAt));
    }
}
