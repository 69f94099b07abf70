using System.Text.RegularExpressions;
using MediconGlobal.Testing;

namespace MediconGlobal.Core.Tests.Domain;

/// <summary>
/// "One rule, used everywhere" (issue 15, ADR 1900): the greps listed in <c>docs/changing.md</c> — one per named
/// rule, each the rule's inline form — find it in <c>src</c> only in the file that defines it.
/// </summary>
public sealed partial class OneRuleTests
{
    [Fact]
    public void EveryRulesInlineForm_AppearsOnlyInItsDefinition()
    {
        var root = SourceTree.Root();
        var rules = ListedRules(root);
        Assert.True(rules.Count >= 5, "docs/changing.md lists a grep per named rule");
        var sources = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path: Path.GetRelativePath(root, f).Replace('\\', '/'), Text: File.ReadAllText(f)))
            .ToList();

        var copies = new List<string>();
        foreach (var (name, pattern, definition) in rules)
        {
            var regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));
            var where = sources.Where(s => regex.IsMatch(s.Text)).Select(s => s.Path).ToList();
            Assert.Contains(definition, where);
            copies.AddRange(where.Where(p => p != definition).Select(p => $"{name}: {p}"));
        }

        Assert.Empty(copies);
    }

    /// <summary>The rows of the table under "## One rule, one grep": rule, grep pattern (in backticks), defining file.</summary>
    private static List<(string Name, string Pattern, string Definition)> ListedRules(string root)
    {
        var text = File.ReadAllText(Path.Combine(root, "docs", "changing.md"));
        var section = text[text.IndexOf("## One rule, one grep", StringComparison.Ordinal)..];
        return [.. RuleRow().Matches(section).Select(m => (m.Groups["name"].Value.Trim(), m.Groups["pattern"].Value, m.Groups["file"].Value))];
    }

    [GeneratedRegex(@"^\| (?<name>[^|`]+) \| `(?<pattern>(?:[^`])+)` \| `(?<file>src/[^`]+)` \|", RegexOptions.Multiline)]
    private static partial Regex RuleRow();
}
