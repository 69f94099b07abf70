using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Testing;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Localisation;

/// <summary>
/// The portal on SQLite or on PostgreSQL with three published offers for places the reference catalogue does not
/// cover (Germany, the UK, the Middle East), named without the places' names so only the markets can match.
/// </summary>
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

        Portal = new PortalFactory(postgres: _database);
        Portal.CreateClient().Dispose();
        await Portal.WithDbAsync(async db =>
        {
            var provider = await db.Organisations.SingleAsync(o => o.SeedKey == "dlsc");
            var legal = await db.TaxonomyTerms.SingleAsync(t => t.Kind == TaxonomyKind.SupportCategory && t.Code == "legal");
            async Task AddAsync(string name, params string[] markets)
            {
                var offer = new Offer(name, provider, legal);
                offer.SetTerms(TaxonomyKind.Market, await db.TaxonomyTerms.Where(t => t.Kind == TaxonomyKind.Market && markets.Contains(t.Code)).ToListAsync());
                offer.Publish(DateTime.UtcNow);
                db.Offers.Add(offer);
            }

            await AddAsync("Contract review desk", "germany", "uk");
            await AddAsync("Distributor agreements clinic", "germany", "middle-east");
            await AddAsync("Export compliance hour", "uk", "middle-east");
            await db.SaveChangesAsync();
        });
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
/// the terms in the page's language (issue 14 item 2). Country names, which are no terms, are synonyms of each other
/// in every language ("Sverige" finds the offers that say "Sweden").
/// </summary>
public abstract class CrossLanguageSearchTests(PortalFactory portal)
{
    [Theory]
    [InlineData("sv", "Tyskland", "Germany")]
    [InlineData("da", "Tyskland", "Germany")]
    [InlineData("sv", "Storbritannien", "UK")]
    [InlineData("da", "Mellemøsten", "Middle East")]
    [InlineData("sv", "Sverige", "Sweden")]
    [InlineData("da", "Sverige", "Sweden")]
    public async Task AWordInSwedishOrDanish_FindsWhatTheEnglishWordFinds(string culture, string word, string english)
    {
        var inEnglish = await OfferNamesAsync("en", english);
        var translated = await OfferNamesAsync(culture, word);

        Assert.True(inEnglish.Count > 2, $"“{english}” should find the two offers for it: {string.Join(" | ", inEnglish)}");
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

        // The value's name is the label's first element (its count follows; ADR 1404 marks the name's language).
        string Label(string id) => page.QuerySelector($"label[for={id}]")!.FirstElementChild!.TextContent.Trim();
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
