using System.Text.RegularExpressions;
using MediconGlobal.Testing;

namespace MediconGlobal.Web.Tests.Pages;

/// <summary>
/// Every table that may scroll sideways (Bootstrap's <c>.table-responsive</c> wrapper) can be reached and scrolled
/// from the keyboard and is named for screen readers: <c>tabindex="0"</c>, <c>role="region"</c> and a label
/// (WCAG 2.1.1 and 4.1.2; axe rule <c>scrollable-region-focusable</c>). axe finds a wrapper only on a page a
/// browser test opens at a width where it scrolls; this test finds every wrapper in the views.
/// </summary>
public sealed partial class ScrollableTablesTests
{
    [Fact]
    public void EveryScrollingTableWrapper_IsFocusable_AndNamed()
    {
        var pages = Path.Combine(SourceTree.Root(), "src", "MediconGlobal.Web", "Pages");
        var offenders = Directory.EnumerateFiles(pages, "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(pages, f), Line: i + 1, Text: line)))
            .Where(l => Wrapper().IsMatch(l.Text) && !(l.Text.Contains("tabindex=\"0\"", StringComparison.Ordinal)
                && l.Text.Contains("role=\"region\"", StringComparison.Ordinal)
                && (l.Text.Contains("aria-label=", StringComparison.Ordinal) || l.Text.Contains("aria-labelledby=", StringComparison.Ordinal))))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "Give each scrolling table wrapper tabindex=\"0\" role=\"region\" and a label:\n" + string.Join("\n", offenders));
    }

    [GeneratedRegex(@"<div[^>]*class=""[^""]*\btable-responsive\b")]
    private static partial Regex Wrapper();
}
