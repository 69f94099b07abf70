using MediconGlobal.Core.Data;
using MediconGlobal.Testing;
using MediconGlobal.Web.Tests.Infrastructure;

namespace MediconGlobal.Web.Tests.Localisation;

/// <summary>The portal with the demo catalogue, on SQLite or on PostgreSQL.</summary>
public abstract class DemoCataloguePortal(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? _database;

    public PortalFactory Portal { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (provider == DatabaseProvider.Postgres)
        {
            _database = TestDatabase.Create(DatabaseProvider.Postgres);
            await _database.InitializeAsync();
        }

        Portal = new PortalFactory(postgres: _database, settings: new Dictionary<string, string?> { ["Portal:LoadDemoData"] = "true" });
        Portal.CreateClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        await Portal.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

public sealed class DemoCatalogueOnSqlite() : DemoCataloguePortal(DatabaseProvider.Sqlite);

public sealed class DemoCatalogueOnPostgres() : DemoCataloguePortal(DatabaseProvider.Postgres);

/// <summary>
/// Issue 14 item 6: search works across languages. Markets and regions carry Swedish and Danish labels (seeded,
/// editable under administration), and the catalogue's free text matches an offer by any label of its places, so a
/// Swede or a Dane typing "Tyskland" finds what "Germany" finds in English; the filters and the offers' tags name
/// the terms in the page's language (issue 14 item 2).
/// </summary>
public abstract class CrossLanguageSearchTests(PortalFactory portal)
{
    [Theory]
    [InlineData("sv", "Tyskland", "Germany")]
    [InlineData("da", "Tyskland", "Germany")]
    [InlineData("sv", "Storbritannien", "UK")]
    [InlineData("da", "Mellemøsten", "Middle East")]
    public async Task AWordInSwedishOrDanish_FindsWhatTheEnglishWordFinds(string culture, string word, string english)
    {
        var inEnglish = await OfferNamesAsync("en", english);
        var translated = await OfferNamesAsync(culture, word);

        Assert.True(inEnglish.Count > 1, $"“{english}” should find offers.");
        Assert.Equal(inEnglish, translated);
    }

    [Theory]
    [InlineData("sv", "Tyskland", "Juridisk rådgivning", "Kostnadsfritt")]
    [InlineData("da", "Tyskland", "Juridisk rådgivning", "Gratis")]
    [InlineData("en", "Germany", "Legal advisory", "Free")]
    public async Task Filters_NameTermsAndCostsInThePagesLanguage(string culture, string germany, string legal, string free)
    {
        var client = portal.CreatePortalClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);

        var page = await client.GetPageAsync("/offers");

        string Label(string id) => page.QuerySelector($"label[for={id}]")!.ChildNodes.First().TextContent.Trim();
        Assert.Equal(germany, Label("f-market-germany"));
        Assert.Equal(legal, Label("f-category-legal"));
        Assert.Equal(free, Label("f-cost-free"));
    }

    private async Task<List<string>> OfferNamesAsync(string culture, string words)
    {
        var client = portal.CreatePortalClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        var page = await client.GetPageAsync("/offers?q=" + Uri.EscapeDataString(words));
        // The count in the heading covers every page of results; the names, the first page.
        var count = new string([.. page.QuerySelector("#results-heading")!.TextContent.Where(char.IsAsciiDigit)]);
        return [count, .. page.QuerySelectorAll(".offer-card h3").Select(h => h.TextContent.Trim()).Order(StringComparer.Ordinal)];
    }
}

public sealed class CrossLanguageSearchOnSqliteTests(DemoCatalogueOnSqlite fixture) : CrossLanguageSearchTests(fixture.Portal), IClassFixture<DemoCatalogueOnSqlite>;

public sealed class CrossLanguageSearchOnPostgresTests(DemoCatalogueOnPostgres fixture) : CrossLanguageSearchTests(fixture.Portal), IClassFixture<DemoCatalogueOnPostgres>;
