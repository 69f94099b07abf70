using System.Globalization;
using PublicHoliday;

namespace MediconGlobal.Core.Referrals;

/// <summary>
/// The working days of one country (issue 19 item 1, ADR 1762): Monday to Friday except that country's public holidays,
/// which come from the maintained <c>PublicHoliday</c> library (Sweden with midsummer eve, Christmas eve and New Year's
/// eve; Denmark; Norway; and the other countries the portal names where the library has a calendar). A country the
/// library does not cover has weekends only. Days are the country's own calendar days in its own time zone, so a
/// referral sent at 23:30 in Stockholm on a Friday counts from that Friday. Each calendar has its own holiday
/// provider (the library caches per instance), so calendars are cheap to make and never shared between threads.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly IPublicHolidays? _holidays;

    private WorkingDayCalendar(string countryCode, IPublicHolidays? holidays, TimeZoneInfo zone)
    {
        CountryCode = countryCode;
        _holidays = holidays;
        Zone = zone;
    }

    /// <summary>The ISO 3166 alpha-2 code the calendar is for, upper case ("" when none was given).</summary>
    public string CountryCode { get; }

    /// <summary>Whether public holidays are known for the country (otherwise only weekends are days off).</summary>
    public bool KnowsHolidays => _holidays is not null;

    /// <summary>The country's time zone, in which its days begin and end.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>The calendar of <paramref name="countryCode"/> (ISO alpha-2, any case); unknown or empty: weekends only, in Stockholm time.</summary>
    public static WorkingDayCalendar For(string? countryCode)
    {
        var code = (countryCode ?? "").Trim().ToUpperInvariant();
        IPublicHolidays? holidays = code switch
        {
            "SE" => new SwedenPublicHoliday(),
            "DK" => new DenmarkPublicHoliday(),
            "NO" => new NorwayPublicHoliday(),
            "FI" => new FinlandPublicHoliday(),
            "DE" => new GermanPublicHoliday(),
            "NL" => new DutchPublicHoliday(),
            "FR" => new FrancePublicHoliday(),
            "CH" => new SwitzerlandPublicHoliday(),
            "GB" => new UKBankHoliday(),
            "US" => new USAPublicHoliday(),
            _ => null,
        };
        var zone = code switch
        {
            "DK" => "Europe/Copenhagen",
            "NO" => "Europe/Oslo",
            "FI" => "Europe/Helsinki",
            "DE" => "Europe/Berlin",
            "NL" => "Europe/Amsterdam",
            "FR" => "Europe/Paris",
            "CH" => "Europe/Zurich",
            "GB" => "Europe/London",
            "US" => "America/New_York",
            _ => "Europe/Stockholm",
        };
        return new WorkingDayCalendar(code, holidays, TimeZoneInfo.FindSystemTimeZoneById(zone));
    }

    /// <summary>Whether <paramref name="day"/> is a working day: a weekday that is not a public holiday of the country.</summary>
    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && (_holidays is null || !_holidays.IsPublicHoliday(day.ToDateTime(TimeOnly.MinValue)));

    /// <summary>The <paramref name="workingDays"/>-th working day after <paramref name="day"/> (the day itself never counts); 0 gives the day itself.</summary>
    public DateOnly AddWorkingDays(DateOnly day, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var at = day;
        for (var counted = 0; counted < workingDays;)
        {
            at = at.AddDays(1);
            if (IsWorkingDay(at))
            {
                counted++;
            }
        }

        return at;
    }

    /// <summary>
    /// The end (UTC) of the <paramref name="workingDays"/>-th working day after the local day of <paramref name="fromUtc"/>:
    /// "within N working days" of something sent then. Sent on Thursday, two working days end at Monday midnight local
    /// time when Friday is a working day.
    /// </summary>
    public DateTime EndOfWorkingDaysAfter(DateTime fromUtc, int workingDays)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(fromUtc, DateTimeKind.Utc), Zone);
        var lastDay = AddWorkingDays(DateOnly.FromDateTime(local), workingDays);
        var midnightAfter = lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(midnightAfter, Zone);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{CountryCode} working days{(KnowsHolidays ? " with public holidays" : "")}");
}
