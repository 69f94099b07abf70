using System.Globalization;

namespace MediconGlobal.Core.Domain;

/// <summary>
/// The dates the portal accepts from people, query strings and imported files: 1 January 1900 to 31 December 2100.
/// Programmes and offers fall well inside it; a date outside is a typo or a probe (<c>9999-12-31</c>, <c>0001-01-01</c>),
/// and date arithmetic near the calendar's ends overflows (issue 10, item 10). Forms, the gap report, the HSDS API and
/// the importer all check against this one range.
/// </summary>
public static class CalendarDates
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    public static readonly DateOnly Latest = new(2100, 12, 31);

    /// <summary><see cref="Earliest"/> as ISO 8601 text, for a date field's <c>min</c> attribute.</summary>
    public static string EarliestText => Earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary><see cref="Latest"/> as ISO 8601 text, for a date field's <c>max</c> attribute.</summary>
    public static string LatestText => Latest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool Contains(DateOnly date) => date >= Earliest && date <= Latest;

    public static bool Contains(DateOnly? date) => date is not { } value || Contains(value);

    /// <summary>Whether a moment's UTC date is in the range.</summary>
    public static bool Contains(DateTimeOffset moment) => Contains(DateOnly.FromDateTime(moment.UtcDateTime));
}
