using System.Text.RegularExpressions;
using MediconGlobal.Testing;

namespace MediconGlobal.Web.Tests.Pages;

/// <summary>
/// Issue 13 item 5 over every place: no page, e-mail or export formats a stored moment itself — each goes through
/// <c>DisplayTime</c> (the display zone) or is ISO 8601 UTC with its "Z". The rendering is tested by
/// <c>DisplayTimeTests</c> and <c>ClientPagesTests.TimesOnTheTimelineAndInTheConflictMessage_AreTheDisplayZonesTime</c>;
/// this test finds a new place that bypasses the helper.
/// </summary>
public sealed partial class TimesShownTests
{
    /// <summary>Files allowed to format moments themselves, and why.</summary>
    private static readonly Dictionary<string, string> Allowed = new()
    {
        ["src/MediconGlobal.Core/Time/DisplayTime.cs"] = "the helper itself",
        ["src/MediconGlobal.Web/Infrastructure/Mail/PickupFolderDelivery.cs"] = "a file name, sortable, never shown",
        ["src/MediconGlobal.Core/Referrals/WorkingDayCalendar.cs"] = "computes due times in the receiving organisation's own zone (ADR 1762), never shown",
        ["src/MediconGlobal.Core/Domain/OfferDay.cs"] = "turns a portal day into its first UTC moment for matching (ADR 1934), never shown",
        ["src/MediconGlobal.Core/OpenData/HsdsExport.cs"] = "open data for machines: HSDS assured_date is the ISO 8601 date of the stored UTC review moment (ADR 1934), not a time shown to people",
    };

    [Fact]
    public void NoSourceFormatsAStoredMomentWithoutTheDisplayTimeHelper()
    {
        var root = SourceTree.Root();
        var offenders = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal) && !Allowed.ContainsKey(f))
            .SelectMany(f => File.ReadLines(Path.Combine(root, f)).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => FormatsAMoment().IsMatch(l.Text) || (l.File.EndsWith(".cshtml", StringComparison.Ordinal) && PrintsAMoment().IsMatch(l.Text)))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "Show times through DisplayTime (Time.Minute, Time.Day, Time.LongDay…):\n" + string.Join("\n", offenders));
    }

    // SubmittedAt.ToString(…), {LoggedAt:yyyy…}, {clock.GetUtcNow():yyyy…}, a zone converted outside the helper.
    [GeneratedRegex(@"\b\w*(At|Since)\??\.ToString\(|\{[A-Za-z_.]*(At|Since)(:[^}]*)?\}|GetUtcNow\(\)[A-Za-z_.]*:|TimeZoneInfo\.(ConvertTime|FindSystemTimeZoneById)")]
    private static partial Regex FormatsAMoment();

    // @need.LoggedAt printed as it is.
    [GeneratedRegex(@"@[A-Za-z_][A-Za-z_.]*(At|Since)(?![\w.(])")]
    private static partial Regex PrintsAMoment();
}
