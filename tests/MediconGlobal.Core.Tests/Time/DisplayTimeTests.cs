using System.Globalization;
using MediconGlobal.Core.Time;
using MediconGlobal.Testing;

namespace MediconGlobal.Core.Tests.Time;

/// <summary>Issue 13 item 5: every time shown is the display zone's wall-clock time, daylight saving included.</summary>
public sealed class DisplayTimeTests
{
    [Theory]
    [InlineData("Europe/Stockholm", "2026-07-01T00:01:00Z", "2026-07-01 02:01")] // summer: UTC+2, the example
    [InlineData("Europe/Stockholm", "2026-01-15T00:01:00Z", "2026-01-15 01:01")] // winter: UTC+1
    [InlineData("Europe/Stockholm", "2026-03-29T00:59:00Z", "2026-03-29 01:59")] // the minute before the spring change
    [InlineData("Europe/Stockholm", "2026-03-29T01:00:00Z", "2026-03-29 03:00")] // and after it
    [InlineData("Europe/Stockholm", "2026-12-31T23:30:00Z", "2027-01-01 00:30")] // another day, month and year
    [InlineData("Europe/Copenhagen", "2026-07-01T00:01:00Z", "2026-07-01 02:01")]
    [InlineData("Europe/Oslo", "2026-07-01T00:01:00Z", "2026-07-01 02:01")]
    [InlineData("UTC", "2026-07-01T00:01:00Z", "2026-07-01 00:01")]
    public void Minute_IsTheConfiguredZonesWallClock(string zone, string utc, string expected)
    {
        var time = DisplayTime.For(zone);
        var moment = DateTime.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);

        Assert.Equal(expected, time.Minute(moment));
        Assert.Equal(expected[..10], time.Day(moment));
    }

    [Fact]
    public void DayNames_FollowTheUiCulture_AndIsoStaysUtc()
    {
        var time = DisplayTime.For(DisplayTimeOptions.DefaultZone);
        var moment = new DateTime(2026, 3, 2, 23, 30, 0, DateTimeKind.Utc);
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("sv");
            Assert.Equal("3 mars 2026", time.LongDay(moment));
            Assert.Equal("3 mars 2026 00:30", time.LongMinute(moment));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }

        Assert.Equal("2026-03-02T23:30:00Z", DisplayTime.Iso(moment));
    }

    [Fact]
    public void Today_IsTheDisplayZonesDay_NotUtcs()
    {
        var clock = new TestClock { Now = new DateTimeOffset(2026, 5, 31, 22, 30, 0, TimeSpan.Zero) };

        Assert.Equal(new DateOnly(2026, 6, 1), DisplayTime.For("Europe/Stockholm").Today(clock));
    }

    [Theory]
    [InlineData("Europe/Stockholm", true)]
    [InlineData("UTC", true)]
    [InlineData("Mars/Olympus_Mons", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsKnownZone_GuardsTheSetting(string? zone, bool known) => Assert.Equal(known, DisplayTime.IsKnownZone(zone));
}
