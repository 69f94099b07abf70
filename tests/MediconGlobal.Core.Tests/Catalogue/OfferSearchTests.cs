using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Testing;

namespace MediconGlobal.Core.Tests.Catalogue;

/// <summary>The catalogue search on real databases: diacritic-insensitive text and facet counts that follow the other filters.</summary>
public sealed class OfferSearchTests
{
    private static readonly DateTime Now = new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Search_IgnoresCaseAndDiacritics(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var db = database.CreateContext();
        var oresund = await CatalogueBuilder.AddOfferAsync(db, "Øresund soft landing desk", category: "soft-landing");
        var malmo = await CatalogueBuilder.AddOfferAsync(db, "Regulatory clinic", category: "regulatory", description: "Monthly drop-in at the Malmö science park.");

        Assert.Equal([oresund.Id], await IdsAsync(db, "oresund"));
        Assert.Equal([oresund.Id], await IdsAsync(db, "ØRESUND"));
        Assert.Equal([malmo.Id], await IdsAsync(db, "malmo"));
        Assert.Equal([malmo.Id], await IdsAsync(db, "Malmö clinic"));
        var skane = await IdsAsync(db, "skane");
        Assert.Contains(skane, id => id != oresund.Id);
        Assert.Equal(skane, await IdsAsync(db, "Skåne"));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Search_FindsOffersByProviderAndProgrammeName(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var db = database.CreateContext();
        var byProgramme = await CatalogueBuilder.AddOfferAsync(db, "Webinar series", providerKey: OrganisationSeed.Mva, programmeKey: ProgrammeSeed.Massachusetts);

        var byProvider = await IdsAsync(db, "danish life science cluster");
        Assert.Equal(4, byProvider.Count);
        Assert.Contains(byProgramme.Id, await IdsAsync(db, "collaboration agreement massachusetts"));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Facets_CountEachValueWithTheOtherFiltersApplied(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var db = database.CreateContext();
        await CatalogueBuilder.AddOfferAsync(db, "US legal clinic", category: "legal", markets: ["usa"], format: OfferFormat.Webinar);
        await CatalogueBuilder.AddOfferAsync(db, "Boston legal desk", category: "legal", markets: ["usa-boston"], format: OfferFormat.OneToOneAdvisory);
        await CatalogueBuilder.AddOfferAsync(db, "Japan legal desk", category: "legal", markets: ["japan"], format: OfferFormat.OneToOneAdvisory);

        var all = await OfferSearch.RunAsync(db, Query(), Now);
        var legal = await OfferSearch.RunAsync(db, Query((Facet.Category, "legal")), Now);
        var legalUsa = await OfferSearch.RunAsync(db, Query((Facet.Category, "legal"), (Facet.Market, "usa")), Now);

        // Seed: one legal offer (Innovation Skåne, any market); plus the three above.
        Assert.Equal(4, legal.Total);
        Assert.Equal(4, Count(all, Facet.Category, "legal"));
        // Within "legal": USA is covered by the any-market offer and the US offer; Boston also by the US-wide offer.
        Assert.Equal(2, Count(legal, Facet.Market, "usa"));
        Assert.Equal(3, Count(legal, Facet.Market, "usa-boston"));
        Assert.Equal(2, Count(legal, Facet.Market, "japan"));
        Assert.Equal(2, legalUsa.Total);
        // The category facet ignores its own selection but follows the market filter.
        Assert.Equal(2, Count(legalUsa, Facet.Category, "legal"));
        Assert.True(Count(legalUsa, Facet.Category, "financial") >= 1);
        Assert.Equal(1, Count(legalUsa, Facet.Format, "Webinar"));
        Assert.Equal(1, Count(legalUsa, Facet.Format, "OneToOneAdvisory"));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task EmptyResult_OffersWaysToWidenTheSearch(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var db = database.CreateContext();

        var query = Query((Facet.Category, "legal"), (Facet.Format, "Funding")) with { Text = "skane" };
        var result = await OfferSearch.RunAsync(db, query, Now);

        Assert.Equal(0, result.Total);
        var dropFormat = Assert.Single(result.Widenings, w => w.Facet == Facet.Format);
        Assert.Equal(1, dropFormat.Count);
        Assert.Contains(result.Widenings, w => w.Facet is null && w.Label == "skane");
    }

    [Fact]
    public async Task DraftsAndArchivedOffers_AreNotInTheCatalogue()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        await CatalogueBuilder.AddOfferAsync(db, "Hidden draft zebra", publish: false);
        var archived = await CatalogueBuilder.AddOfferAsync(db, "Archived zebra");
        archived.Archive();
        await db.SaveChangesAsync();

        Assert.Empty(await IdsAsync(db, "zebra"));
    }

    [Fact]
    public async Task Paging_SplitsTheResultsAndClampsThePageNumber()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();

        var first = await OfferSearch.RunAsync(db, Query() with { PageSize = 10 }, Now);
        var beyond = await OfferSearch.RunAsync(db, Query() with { PageSize = 10, Page = 9 }, Now);

        Assert.Equal(15, first.Total);
        Assert.Equal(2, first.PageCount);
        Assert.Equal(10, first.Items.Count);
        Assert.Equal(2, beyond.Page);
        Assert.Equal(5, beyond.Items.Count);
    }

    private static OfferQuery Query(params (Facet Facet, string Code)[] selected) =>
        OfferQuery.From(null, selected.GroupBy(s => s.Facet).ToDictionary(g => g.Key, g => (string[]?)g.Select(s => s.Code).ToArray()), null, null);

    private static int Count(OfferSearchResult result, Facet facet, string code) =>
        result.Facets.Single(f => f.Facet == facet).Values.Single(v => v.Code == code).Count;

    private static async Task<List<int>> IdsAsync(AppDbContext db, string text) =>
        (await OfferSearch.RunAsync(db, OfferQuery.From(text, new Dictionary<Facet, string[]?>(), null, null) with { PageSize = 100 }, Now)).Items.Select(i => i.Id).Order().ToList();
}
