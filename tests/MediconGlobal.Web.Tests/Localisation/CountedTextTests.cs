using System.Globalization;
using System.Text.RegularExpressions;
using MediconGlobal.Testing;
using MediconGlobal.Web.Infrastructure.Localisation;
using MediconGlobal.Web.Resources;
using MediconGlobal.Web.Tests.Catalogue;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Tests.Localisation;

/// <summary>
/// Counted texts take the singular for exactly one in every language ("1 offer", "1 erbjudande", "1 tilbud") and
/// group digits by culture (CountedText; issue 11 found "1 offers" on the merge page, a fault of every counted text).
/// </summary>
public sealed partial class CountedTextTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Theory]
    [InlineData("en", 0, "0 offers")]
    [InlineData("en", 1, "1 offer")]
    [InlineData("en", 2, "2 offers")]
    [InlineData("en", 12345, "12,345 offers")]
    [InlineData("sv", 1, "1 erbjudande")]
    [InlineData("sv", 12345, "12\u00a0345 erbjudanden")]
    [InlineData("da", 1, "1 tilbud")]
    [InlineData("da", 3, "3 tilbud")]
    public void Count_TakesTheSingularForExactlyOne_AndGroupsDigitsByCulture(string culture, long count, string expected)
    {
        var t = fixture.Portal.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var (ui, format) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            Assert.Equal(expected, t.Count(count, "1 offer", "{0} offers").Value);
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, format);
        }
    }

    [Fact]
    public void NoViewOrPageModel_FormatsACountIntoAPluralNoun_WithoutCount()
    {
        var source = Path.Combine(SourceTree.Root(), "src", "MediconGlobal.Web");
        var offenders = Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(source, f), Line: i + 1, Text: line)))
            .Where(l => BareCountedKey().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "Write counted texts as T.Count(n, \"1 thing\", \"{0} things\"):\n" + string.Join("\n", offenders));
    }

    // T["{0} offers", n], t["{0} organisations match the filters.", n], T["{0} more participating companies…", n]:
    // a count in front of a plural noun, perhaps after a word or two (not a name in front of a verb: "{0} is now one
    // of your clients", "{0} has referred…").
    [GeneratedRegex(@"\b[Tt]\[\s*""\{0\} (?!(?:and|as|has|is|of|was)\b)(?:[a-z]+ ){0,2}[a-z-]+(?:s|ies)\b")]
    private static partial Regex BareCountedKey();
}
