using MediconGlobal.Core.Time;

namespace MediconGlobal.Core.Domain;

/// <summary>
/// A portal day as the openness rules of offers read it (<see cref="Offer.OpenOn"/>, ADR 1934): the date in the
/// display time zone, and the two UTC moments that the verification cycle turns that date into, so a query compares
/// plain columns and gives the same answer as the rule asked in memory.
/// </summary>
/// <param name="Date">The day in the portal's display time zone; a deadline or end date before it has passed.</param>
/// <param name="ReviewedSince">
/// An offer last reviewed before this moment (UTC) has lapsed from verification on <paramref name="Date"/>: eleven
/// months and three weeks after the day of its review (<see cref="OfferVerification.LapsesOn"/>) are over.
/// </param>
/// <param name="AskIfReviewedBefore">An offer last reviewed before this moment (UTC) is due to be confirmed on <paramref name="Date"/> (<see cref="OfferVerification.AskOn"/>).</param>
/// <param name="Zone">The display time zone the days are counted in.</param>
public sealed record OfferDay(DateOnly Date, DateTime ReviewedSince, DateTime AskIfReviewedBefore, TimeZoneInfo Zone)
{
    /// <summary>Another day in the same zone (the gap report's months).</summary>
    public OfferDay On(DateOnly date) => Of(date, Zone);

    /// <summary>The first moment (UTC) of <see cref="Date"/>.</summary>
    public DateTime StartUtc() => StartUtc(Date, Zone);

    /// <summary>The day <paramref name="date"/> with review days counted in <paramref name="zone"/>.</summary>
    public static OfferDay Of(DateOnly date, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return new OfferDay(
            date,
            StartUtc(LastReviewDayWith(OfferVerification.LapsesOn, date).AddDays(1), zone),
            StartUtc(LastReviewDayWith(OfferVerification.AskOn, date).AddDays(1), zone),
            zone);
    }

    /// <summary>Today in the display time zone.</summary>
    public static OfferDay Today(TimeProvider clock, DisplayTime time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return Of(time.Today(clock), time.Zone);
    }

    /// <summary>The day of the moment <paramref name="utc"/> in <paramref name="time"/>'s zone (Europe/Stockholm, the default display zone, when not given).</summary>
    public static OfferDay At(DateTime utc, DisplayTime? time = null)
    {
        time ??= DisplayTime.For(DisplayTimeOptions.DefaultZone);
        return Of(DateOnly.FromDateTime(time.Local(utc)), time.Zone);
    }

    /// <summary>The first moment (UTC) of a day in <paramref name="zone"/>.</summary>
    public static DateTime StartUtc(DateOnly day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            // A zone whose clocks jump over midnight: the day starts at the first time that exists.
            local = local.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    /// <summary>The last review day whose <paramref name="step"/> has come by <paramref name="date"/> (months are uneven: search near the estimate).</summary>
    private static DateOnly LastReviewDayWith(Func<DateOnly, DateOnly> step, DateOnly date)
    {
        var day = date.AddDays(-OfferVerification.GraceDays).AddMonths(-OfferVerification.AskAfterMonths);
        while (step(day.AddDays(1)) <= date)
        {
            day = day.AddDays(1);
        }

        while (step(day) > date)
        {
            day = day.AddDays(-1);
        }

        return day;
    }
}

/// <summary>
/// The verification cycle of offers (issue 19 item 5, ADR 1934) and the openness of one offer in memory. Eleven months
/// after the day of an offer's last review its provider is asked to confirm it; three weeks later, unconfirmed, it
/// lapses: it stops matching and shows "needs verification" until someone confirms or edits it.
/// </summary>
public static class OfferVerification
{
    /// <summary>Months from the day of the last review to the day the provider is asked to confirm the offer.</summary>
    public const int AskAfterMonths = 11;

    /// <summary>Days from the request to the day an unconfirmed offer lapses.</summary>
    public const int GraceDays = 21;

    /// <summary>The day (display zone) the provider is asked to confirm an offer reviewed on <paramref name="reviewedOn"/>.</summary>
    public static DateOnly AskOn(DateOnly reviewedOn) => reviewedOn.AddMonths(AskAfterMonths);

    /// <summary>The first day (display zone) an offer reviewed on <paramref name="reviewedOn"/> no longer matches unless confirmed.</summary>
    public static DateOnly LapsesOn(DateOnly reviewedOn) => AskOn(reviewedOn).AddDays(GraceDays);

    /// <summary>The last day applications are taken: the earlier of the application deadline and the end date, null when the offer has neither.</summary>
    public static DateOnly? ClosesOn(DateOnly? applicationDeadline, DateOnly? endsOn) =>
        applicationDeadline is { } deadline && endsOn is { } end ? (deadline < end ? deadline : end) : applicationDeadline ?? endsOn;

    /// <summary><see cref="Offer.OpenOn"/> for a read model that carries the closing day (<see cref="ClosesOn"/>) and the last review (UTC).</summary>
    public static bool IsOpenOn(DateOnly? closesOn, DateTime lastReviewedAt, OfferDay day)
    {
        ArgumentNullException.ThrowIfNull(day);
        return (closesOn is null || closesOn >= day.Date) && !HasLapsed(lastReviewedAt, day);
    }

    /// <summary>Lapsed from verification on <paramref name="day"/>: reviewed before <see cref="OfferDay.ReviewedSince"/>.</summary>
    public static bool HasLapsed(DateTime lastReviewedAt, OfferDay day)
    {
        ArgumentNullException.ThrowIfNull(day);
        return lastReviewedAt < day.ReviewedSince;
    }

    /// <summary>Due to be confirmed on <paramref name="day"/> (asked, or to be asked): reviewed before <see cref="OfferDay.AskIfReviewedBefore"/>.</summary>
    public static bool IsDue(DateTime lastReviewedAt, OfferDay day)
    {
        ArgumentNullException.ThrowIfNull(day);
        return lastReviewedAt < day.AskIfReviewedBefore;
    }

    /// <summary>Whole days from <paramref name="today"/> to the closing day (0 on the day itself); null without a closing day or once it has passed.</summary>
    public static int? DaysLeft(DateOnly? closesOn, DateOnly today) =>
        closesOn is { } closes && closes >= today ? closes.DayNumber - today.DayNumber : null;
}
