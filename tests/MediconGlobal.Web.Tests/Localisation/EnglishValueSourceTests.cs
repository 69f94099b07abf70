using System.Text.RegularExpressions;
using MediconGlobal.Testing;

namespace MediconGlobal.Web.Tests.Localisation;

/// <summary>
/// Source checks for the kind of English that no crawl sees in the demo data (issue 14): the values an edit conflict
/// shows (each form's <c>Describe</c>, a dictionary of <c>[nameof(Field)] = words</c>), which printed enum names
/// (<c>Status?.ToString()</c>), English display names (<c>DisplayNames.Of(…)</c> without the localiser) and English term
/// names (<c>terms.NameOf(id)</c>) on Swedish and Danish pages.
/// </summary>
public sealed partial class EnglishValueSourceTests
{
    /// <summary>The taxonomy editor edits the English names themselves and marks them <c>lang="en"</c> (ADR 1404).</summary>
    private static readonly string[] Exempt = [Path.Combine("Pages", "Admin", "Taxonomies")];

    [Fact]
    public void ConflictDescriptions_NameValuesInThePagesLanguage_NotByEnumOrEnglishNames()
    {
        var source = Path.Combine(SourceTree.Root(), "src", "MediconGlobal.Web");
        var offenders = Directory.EnumerateFiles(Path.Combine(source, "Pages"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !Exempt.Any(e => f.Contains(e, StringComparison.Ordinal)))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(source, f), Line: i + 1, Text: line)))
            .Where(l => DescribedField().IsMatch(l.Text) && EnglishValue().IsMatch(l.Text) && !l.Text.TrimEnd().EndsWith("// same in every language", StringComparison.Ordinal))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "Name a conflict's saved values as the form does (t[DisplayNames.Of(x)], PageTerms.Of/Names; ADR 1406), "
            + "or mark a code with \"// same in every language\":\n" + string.Join("\n", offenders));
    }

    // [nameof(Status)] = …, [nameof(OfferInput.Format)] = …
    [GeneratedRegex(@"^\s*\[nameof\([\w.]+\)\] = ")]
    private static partial Regex DescribedField();

    // An enum printed by name, an English display name not through t[…], an English term or country name.
    [GeneratedRegex(@"\?\.ToString\(\) \?\?|(?<!\[)DisplayNames\.Of\(|\.NameOf\(|\.NamesOf\(|(?<!\[)CaseLabels\.Country\(")]
    private static partial Regex EnglishValue();
}
