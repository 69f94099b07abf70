using System.Globalization;

namespace MediconGlobal.Core.Time;

/// <summary>
/// Settings of the portal's display time zone, section <c>Portal</c>, key <c>DisplayTimeZone</c> (docs/operations.md).
/// </summary>
public sealed class DisplayTimeOptions
{
    public const string Section = "Portal";

    /// <summary>Europe/Stockholm: the ÖKS regions' time, equal to Copenhagen's and Oslo's.</summary>
    public const string DefaultZone = "Europe/Stockholm";

    /// <summary>An IANA time zone id (e.g. <c>Europe/Copenhagen</c>); an unknown id stops the portal at start-up.</summary>
    public string DisplayTimeZone { get; set; } = DefaultZone;
}

/// <summary>
/// The one helper for every time shown to a person (issue 13 item 5, docs/data-quality.md): the database keeps
/// UTC (<see cref="DateTime"/> of kind UTC or unspecified, see docs/architecture.md); pages, e-mails and exports show
/// it in one configured zone (<see cref="DisplayTimeOptions.DisplayTimeZone"/>, default Europe/Stockholm), daylight
/// saving included. Day formats follow the current UI culture ("3 mars 2026"); the numeric ones are ISO-like
/// ("2026-03-03 14:05") in every culture. Exports name <see cref="ZoneId"/> beside their times.
/// </summary>
public sealed class DisplayTime
{
    private DisplayTime(TimeZoneInfo zone) => Zone = zone;

    public TimeZoneInfo Zone { get; }

    /// <summary>The zone's IANA id as configured, e.g. "Europe/Stockholm"; exports print it beside their times.</summary>
    public string ZoneId => Zone.Id;

    /// <summary>The zone <paramref name="zoneId"/>; throws <see cref="TimeZoneNotFoundException"/> when the system does not know it.</summary>
    public static DisplayTime For(string zoneId) => new(TimeZoneInfo.FindSystemTimeZoneById(zoneId));

    /// <summary>True when <paramref name="zoneId"/> names a time zone this system knows (checked at start-up).</summary>
    public static bool IsKnownZone(string? zoneId) => !string.IsNullOrWhiteSpace(zoneId) && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out _);

    /// <summary>A stored UTC moment as the display zone's wall-clock time.</summary>
    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>"2026-11-02 10:00": date and minute in the display zone.</summary>
    public string Minute(DateTime utc) => Local(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"2026-11-02": the day in the display zone.</summary>
    public string Day(DateTime utc) => Local(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"2 November 2026" / "2 november 2026": the day in the display zone, month named in the current UI culture.</summary>
    public string LongDay(DateTime utc) => Local(utc).ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>"2 Nov 2026": as <see cref="LongDay"/> with the month abbreviated.</summary>
    public string ShortDay(DateTime utc) => Local(utc).ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>"2 November 2026 10:00": <see cref="LongDay"/> and the minute.</summary>
    public string LongMinute(DateTime utc) => Local(utc).ToString("d MMMM yyyy HH:mm", CultureInfo.CurrentCulture);

    /// <summary>The moment in ISO 8601 UTC ("2026-11-02T09:00:00Z"), for &lt;time datetime&gt; and machine-readable files.</summary>
    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Today in the display zone (a person's "today", not UTC's).</summary>
    public DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(Local(clock.GetUtcNow().UtcDateTime));
    }
}
