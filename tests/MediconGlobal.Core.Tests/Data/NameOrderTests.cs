using System.Globalization;
using System.Text.RegularExpressions;
using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Landscape;
using MediconGlobal.Testing;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Tests.Data;

/// <summary>
/// Issue 13 item 4: lists sorted by a name follow the UI culture's collation, the same in SQL on SQLite and
/// PostgreSQL as in memory; a source check finds a new name sort that bypasses <see cref="NameOrder"/>.
/// </summary>
public sealed partial class NameOrderTests
{
    private static readonly string[] Names =
        ["Zealand Pharma", "Ørsted Health", "Åre Innovation", "eHealth Nordic", "Ängelholm Hub", "Æble Bio", "Ödeshög Lab", "Almi Företagspartner"];

    /// <summary>Swedish: …Z, Å, Ä (Æ with it), Ö (Ø with it). Danish: …Z, Æ (Ä with it), Ø (Ö with it), Å. English: the letters beside A and O.</summary>
    private static readonly Dictionary<string, string[]> Orders = new()
    {
        ["sv"] = ["Almi Företagspartner", "eHealth Nordic", "Zealand Pharma", "Åre Innovation", "Æble Bio", "Ängelholm Hub", "Ödeshög Lab", "Ørsted Health"],
        ["da"] = ["Almi Företagspartner", "eHealth Nordic", "Zealand Pharma", "Æble Bio", "Ängelholm Hub", "Ödeshög Lab", "Ørsted Health", "Åre Innovation"],
        ["en"] = ["Æble Bio", "Almi Företagspartner", "Ängelholm Hub", "Åre Innovation", "eHealth Nordic", "Ödeshög Lab", "Ørsted Health", "Zealand Pharma"],
    };

    public static TheoryData<string, string[]> Expected => new()
    {
        { "sv", Orders["sv"] },
        { "da", Orders["da"] },
        { "en", Orders["en"] },
        { "nb", Orders["en"] },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Comparer_FollowsTheCulturesCollation(string culture, string[] expected) =>
        Assert.Equal(expected, Names.Order(NameOrder.Comparer(CultureInfo.GetCultureInfo(culture))));

    public static TheoryData<DatabaseProvider, string> ProvidersAndCultures()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            foreach (var culture in new[] { "sv", "da", "en" })
            {
                data.Add(provider, culture);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ProvidersAndCultures))]
    public async Task EveryNameSortedList_FollowsTheUiCulturesCollation_InTheDatabase(DatabaseProvider provider, string culture)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider, withReferenceData: false);
        await using (var seed = database.CreateContext())
        {
            seed.Organisations.AddRange(Names.Select(n => new Organisation(n, OrganisationType.Incubator, "SE")));
            await seed.SaveChangesAsync();
        }

        var expected = Orders[culture];
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            await using var db = database.CreateContext();
            var lists = new Dictionary<string, IEnumerable<string>>
            {
                ["OrderByName"] = await db.Organisations.OrderByName(o => o.Name, db).Select(o => o.Name).ToListAsync(),
                ["pipeline (/landscape/pipeline)"] = (await PipelineQuery.LoadAsync(db, null, null)).Select(e => e.Name),
                ["landscape"] = (await LandscapeQuery.LoadAsync(db, new LandscapeFilter())).WithoutRegion.Select(o => o.Name),
                ["organisation directory"] = (await OrganisationDirectory.SearchAsync(db, new OrganisationFilter(null, null, null, null, null, null))).Select(o => o.Name),
            };
            Assert.All(lists, list => Assert.True(expected.SequenceEqual(list.Value), $"{list.Key} in {culture} on {provider}: {string.Join(", ", list.Value)}"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>Files whose name sorts are deliberately not the UI culture's, and why.</summary>
    private static readonly Dictionary<string, string> Allowed = new()
    {
        ["src/MediconGlobal.Core/Data/NameOrder.cs"] = "the rule itself",
        ["src/MediconGlobal.Core/OpenData/HsdsExport.Organizations.cs"] = "the HSDS API answers programs, not a person: a stable order for paging in the database's own collation",
        ["src/MediconGlobal.Core/OpenData/HsdsTabularExport.cs"] = "the HSDS tabular export, for programs as above",
    };

    [Fact]
    public void NoSourceSortsByANameWithoutTheNameOrderRule()
    {
        var root = SourceTree.Root();
        var offenders = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal) && !Allowed.ContainsKey(f))
            .SelectMany(f => File.ReadLines(Path.Combine(root, f)).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => SortsByName().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "Sort names with OrderByName/ThenByName (SQL) or NameOrder.Comparer() (memory):\n" + string.Join("\n", offenders));
    }

    // .OrderBy(o => o.Name) / .ThenBy(p => p.Organisation!.Name) with no comparer, and the culture comparers NameOrder replaces.
    [GeneratedRegex(@"(OrderBy|ThenBy)(Descending)?\(\w+ => \w+[!?]?\.(\w+[!?]?\.)?\w*Name\)|StringComparer\.(CurrentCulture|InvariantCulture)|StringComparer\.Create\(")]
    private static partial Regex SortsByName();
}
