using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Matching;
using MediconGlobal.Testing;
using MediconGlobal.Testing.Synthetic;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Tests.Catalogue;

/// <summary>
/// The catalogue's read model (<see cref="CatalogueIndex"/> kept by <see cref="CatalogueCache"/>, words through the
/// database's text index) gives exactly the answers of <see cref="ReferenceCatalogue"/> — items and their order,
/// totals, pages, every facet count, the ways to widen an empty search — on both databases, for a fixed set and a
/// seeded random set of searches, before and right after offers are edited, published, archived or re-tagged.
/// </summary>
public sealed class CatalogueReadModelTests
{
    private static readonly DateTime Now = new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);

    private static readonly string[] Texts =
    [
        "advisory", "skane", "SKÅNE", "usa", "boston", "zealand", "sjælland", "oresund", "fda ce", "test bed", "ip", "a", "ce",
        "danish life science cluster", "visory", "nosuchword", "usa legal", "malmö clinic", "synthetic offer 1", "massachusetts",
    ];

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Search_GivesTheReferenceAnswers(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        var cache = new CatalogueCache(clock: database.Clock);

        await AssertSameAnswersAsync(database, cache, Queries(seed: 1, random: 60));

        Assert.Equal(1, cache.Builds);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Search_GivesTheReferenceAnswers_RightAfterOffersChange(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        var cache = new CatalogueCache(clock: database.Clock);
        var queries = Queries(seed: 2, random: 15);
        await AssertSameAnswersAsync(database, cache, queries);

        // Edited: a new name and description.
        await using (var db = database.CreateContext())
        {
            var offer = await db.Offers.SingleAsync(o => o.Name == "Regulatory clinic");
            offer.Name = "Zebra regulatory clinic";
            offer.Description = "Now also in Göteborg; FDA and CE marking.";
            await db.SaveChangesAsync();
        }

        await AssertSameAnswersAsync(database, cache, [.. queries, Query("zebra"), Query("goteborg")]);

        // Published: a draft appears.
        await using (var db = database.CreateContext())
        {
            (await db.Offers.SingleAsync(o => o.Name == "Draft zebra desk")).Publish(Now);
            await db.SaveChangesAsync();
        }

        await AssertSameAnswersAsync(database, cache, [.. queries, Query("zebra")]);

        // Archived: a published offer disappears.
        await using (var db = database.CreateContext())
        {
            (await db.Offers.SingleAsync(o => o.Name == "Øresund soft landing desk")).Archive();
            await db.SaveChangesAsync();
        }

        await AssertSameAnswersAsync(database, cache, [.. queries, Query("oresund")]);

        // Re-tagged: only the offer's terms change; and a provider is renamed.
        await using (var db = database.CreateContext())
        {
            var offer = await db.Offers.Include(o => o.Terms).ThenInclude(t => t.Term).SingleAsync(o => o.Name == "Advisory for advisory boards");
            offer.SetTerms(TaxonomyKind.Market, [await db.TaxonomyTerms.SingleAsync(t => t.Code == "japan")]);
            (await db.Organisations.SingleAsync(o => o.SeedKey == OrganisationSeed.Mva)).Name = "Medicon Valley Alliance Zebra";
            await db.SaveChangesAsync();
        }

        await AssertSameAnswersAsync(database, cache, [.. queries, Query("japan"), Query("zebra")]);
        Assert.Equal(5, cache.Builds);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AChangeMadeThroughOneInstance_IsSeenByTheNextRequestOnAnother(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        var (first, second) = (new CatalogueCache(clock: database.Clock), new CatalogueCache(clock: database.Clock));
        await using (var db = database.CreateContext())
        {
            Assert.Equal(0, (await OfferSearch.RunAsync(db, first, Query("zebra"), Now)).Total);
            Assert.Equal(0, (await OfferSearch.RunAsync(db, second, Query("zebra"), Now)).Total);

            (await db.Offers.SingleAsync(o => o.Name == "Draft zebra desk")).Publish(Now);
            await db.SaveChangesAsync();
        }

        await using var other = database.CreateContext();
        Assert.Equal(1, (await OfferSearch.RunAsync(other, second, Query("zebra"), Now)).Total);
        Assert.Equal(1, (await OfferSearch.RunAsync(other, first, Query("zebra"), Now)).Total);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Facets_AreTheMatchingRule_ForEveryOfferAndEveryValue(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        await using var db = database.CreateContext();
        await AssertFacetsAreTheRuleAsync(database, db);
    }

    /// <summary>
    /// The same on the portal's own seeded catalogue (issue 15 item 2): every seeded offer, loaded by
    /// <see cref="OfferProfiles"/> as matching loads it, against every value of the kind of help and the four
    /// eligibility facets.
    /// </summary>
    [Fact]
    public async Task Facets_AreTheMatchingRule_ForEverySeededOfferAndEveryValue()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var profiles = await OfferProfiles.LoadAsync(db);
        Assert.NotEmpty(profiles);

        var index = await AssertFacetsAreTheRuleAsync(database, db);

        Assert.Equal(profiles.Select(p => p.OfferId).Order(), index.Offers.Select(o => o.Id).Order());
        Assert.All(profiles, p => Assert.Equivalent(p, index.At(index.PositionOf(p.OfferId)!.Value).Profile));
    }

    /// <summary>
    /// The guided path (<see cref="GuidedSearch"/>) finds exactly the offers the rule matches and in the rule's
    /// ranking (<see cref="MatchingRule.Rank"/>): for a chosen kind of help, the rule's ranking of a need of that kind;
    /// with the kind left open, every offer against its own kind, in the rule's order. Its pages, put together, are
    /// that ranking; a page out of range is the nearest one.
    /// </summary>
    [Fact]
    public async Task TheGuidedPath_FindsAndRanksByTheMatchingRule()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var cache = new CatalogueCache(clock: database.Clock);
        var index = await cache.GetAsync(db);
        var rule = await OfferProfiles.LoadRuleAsync(db, index.Day);
        var profiles = await OfferProfiles.LoadAsync(db);
        var random = new Random(11);
        string? Code(Facet facet) => random.Next(4) == 0 ? null : index.Options[facet][random.Next(index.Options[facet].Count)].Code;
        int? IdOf(Facet facet, string? code) => code is null ? null : index.Options[facet].Single(o => o.Code == code).Value;

        for (var i = 0; i < 60; i++)
        {
            var answers = new GuidedAnswers(Code(Facet.Stage), Code(Facet.Sector), Code(Facet.Market), Code(Facet.Category), Code(Facet.Region));
            NeedProfile NeedOf(int category) => new(category, IdOf(Facet.Market, answers.Market), IdOf(Facet.Stage, answers.Stage), IdOf(Facet.Sector, answers.Sector), IdOf(Facet.Region, answers.Region));
            var expected = IdOf(Facet.Category, answers.Help) is { } help
                ? rule.Rank(NeedOf(help), profiles)
                : MatchingRule.InRankOrder(profiles.Select(p => rule.Match(NeedOf(p.CategoryId), p)).OfType<MatchExplanation>(), m => m).ToList();

            var found = await GuidedSearch.RunAsync(db, answers, Now, cache, pageSize: int.MaxValue);

            Assert.Equal(expected.Select(m => m.OfferId), found.Items.Select(m => m.Offer.Id));
            Assert.Equal(expected, found.Items.Select(m => m.Match));
            Assert.Equal(found.OfferIds, await GuidedSearch.OfferIdsAsync(db, answers, Now, cache));

            var pageCount = Math.Max(1, (found.Total + 2) / 3);
            var pages = new List<GuidedMatch>();
            for (var number = 1; number <= pageCount; number++)
            {
                var page = await GuidedSearch.RunAsync(db, answers, Now, cache, page: number, pageSize: 3);
                Assert.Equal((number, pageCount, found.Total), (page.Page, page.PageCount, page.Total));
                pages.AddRange(page.Items);
            }

            Assert.Equivalent(found.Items, pages, strict: true);
            Assert.Equal(pageCount, (await GuidedSearch.RunAsync(db, answers, Now, cache, page: pageCount + 5, pageSize: 3)).Page);
            Assert.Equal(1, (await GuidedSearch.RunAsync(db, answers, Now, cache, page: -1, pageSize: 3)).Page);
        }
    }

    /// <summary>Every offer of the catalogue's index counts under a facet value exactly when the rule matches a need that names only that value.</summary>
    private static async Task<CatalogueIndex> AssertFacetsAreTheRuleAsync(TestDatabase database, AppDbContext db)
    {
        var index = await new CatalogueCache(clock: database.Clock).GetAsync(db);
        var rule = await OfferProfiles.LoadRuleAsync(db, index.Day);

        foreach (var (facet, probe) in Probes)
        {
            foreach (var option in index.Options[facet])
            {
                var covering = index.Covering(facet, option.Value);
                for (var position = 0; position < index.Count; position++)
                {
                    var offer = index.At(position).Profile;
                    var matched = rule.Match(probe(offer.CategoryId, option.Value), offer) is not null;
                    Assert.True(matched == OfferBits.Has(covering, position), $"{facet} {option.Code}, offer {offer.OfferId}: rule says {matched}");
                }
            }
        }

        return index;
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ANeedsValuesAsFilters_GiveTheOffersTheRuleMatches(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        await using var db = database.CreateContext();
        var cache = new CatalogueCache(clock: database.Clock);
        var index = await cache.GetAsync(db);
        var profiles = await OfferProfiles.LoadAsync(db);
        var random = new Random(7);
        string Code(Facet facet) => index.Options[facet][random.Next(index.Options[facet].Count)].Code;
        int IdOf(Facet facet, string code) => index.Options[facet].Single(o => o.Code == code).Value;

        for (var i = 0; i < 40; i++)
        {
            var codes = new[] { Facet.Category, Facet.Market, Facet.Stage, Facet.Sector, Facet.Region }.ToDictionary(f => f, Code);
            var need = new NeedProfile(IdOf(Facet.Category, codes[Facet.Category]), IdOf(Facet.Market, codes[Facet.Market]),
                IdOf(Facet.Stage, codes[Facet.Stage]), IdOf(Facet.Sector, codes[Facet.Sector]), IdOf(Facet.Region, codes[Facet.Region]));
            var query = OfferQuery.From(null, codes.ToDictionary(c => c.Key, c => (string[]?)[c.Value]), null, null) with { PageSize = 10_000 };

            var found = (await OfferSearch.RunAsync(db, cache, query, Now)).Items.Select(o => o.Id).Order();

            Assert.Equal(index.Rule.Rank(need, profiles).Select(m => m.OfferId).Order(), found);
        }
    }

    private static readonly (Facet Facet, Func<int, int, NeedProfile> Probe)[] Probes =
    [
        (Facet.Category, (_, value) => new NeedProfile(value, null, null, null, null)),
        (Facet.Market, (category, value) => new NeedProfile(category, value, null, null, null)),
        (Facet.Stage, (category, value) => new NeedProfile(category, null, value, null, null)),
        (Facet.Sector, (category, value) => new NeedProfile(category, null, null, value, null)),
        (Facet.Region, (category, value) => new NeedProfile(category, null, null, null, value)),
    ];

    private static async Task AssertSameAnswersAsync(TestDatabase database, CatalogueCache cache, IReadOnlyList<OfferQuery> queries)
    {
        await using var db = database.CreateContext();
        var reference = await ReferenceCatalogue.LoadAsync(db, cache.Today());
        foreach (var query in queries)
        {
            var expected = reference.Run(query);
            var actual = CatalogueAnswer.Of(await OfferSearch.RunAsync(db, cache, query, Now));
            Assert.True(expected.Items.SequenceEqual(actual.Items), $"{query.ToQueryString()}: items {string.Join(",", actual.Items)}, expected {string.Join(",", expected.Items)}");
            Assert.Equal((expected.Total, expected.Page, expected.PageCount), (actual.Total, actual.Page, actual.PageCount));
            Assert.Equal(expected.Counts, actual.Counts);
            Assert.Equal(expected.Widenings, actual.Widenings);
            Assert.Equal(expected.Places, actual.Places);
        }
    }

    /// <summary>Every text alone, with a filter and sorted each way, then seeded random mixes of words, facets, sorts and pages.</summary>
    private static List<OfferQuery> Queries(int seed, int random)
    {
        var queries = new List<OfferQuery> { Query(null), Query(null, page: 2), Query(null, page: 99), Query(null, sort: "name", page: 3), Query(null, sort: "recentlyreviewed") };
        foreach (var text in Texts)
        {
            queries.Add(Query(text));
            queries.Add(Query(text, sort: "recentlyreviewed"));
            queries.Add(Query(text, (Facet.Category, "legal")));
        }

        queries.Add(Query(null, (Facet.Market, "usa-boston")));
        queries.Add(Query(null, (Facet.Region, "dk-sjaelland"), (Facet.Stage, "clinical")));
        queries.Add(Query("usa", (Facet.Category, "legal"), (Facet.Format, "Funding")));
        queries.Add(Query("boston webinar", (Facet.Market, "japan")));

        var rng = new Random(seed);
        var facetValues = new Dictionary<Facet, string[]>
        {
            [Facet.Category] = ["legal", "financial", "regulatory", "soft-landing", "funding"],
            [Facet.Market] = ["usa", "usa-boston", "japan", "germany", "any"],
            [Facet.Stage] = ["idea", "clinical", "scale-up"],
            [Facet.Sector] = ["medtech", "diagnostics"],
            [Facet.Region] = ["se-skane", "dk-sjaelland", "no-oslo"],
            [Facet.Format] = ["Workshop", "Webinar", "OneToOneAdvisory"],
            [Facet.Cost] = ["Free", "Paid"],
            [Facet.Language] = ["en", "sv"],
            [Facet.ProviderType] = ["Incubator", "ClusterOrganisation"],
        };
        string[] sorts = ["relevance", "name", "recentlyreviewed"];
        for (var i = 0; i < random; i++)
        {
            var picked = facetValues.Where(_ => rng.Next(4) == 0)
                .SelectMany(f => f.Value.Where(_ => rng.Next(2) == 0).Select(v => (f.Key, v)))
                .ToArray();
            var text = rng.Next(3) == 0 ? null : string.Join(' ', Enumerable.Range(0, 1 + rng.Next(2)).Select(_ => Texts[rng.Next(Texts.Length)]));
            queries.Add(Query(text, sorts[rng.Next(sorts.Length)], 1 + rng.Next(3), picked));
        }

        return queries;
    }

    private static OfferQuery Query(string? text, params (Facet Facet, string Code)[] selected) => Query(text, null, 1, selected);

    private static OfferQuery Query(string? text, string? sort = null, int page = 1, params (Facet Facet, string Code)[] selected) =>
        OfferQuery.From(text, selected.GroupBy(s => s.Facet).ToDictionary(g => g.Key, g => (string[]?)g.Select(s => s.Code).ToArray()), sort, page);

    /// <summary>The reference data, a small generated catalogue and offers chosen for the text rules (diacritics, places, a word in name and description).</summary>
    private static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var db = database.CreateContext();
        await new SyntheticData(db, database.Clock).GenerateAsync(SyntheticScale.Full.Times(0.01));
        await CatalogueBuilder.AddOfferAsync(db, "Øresund soft landing desk", category: "soft-landing", markets: ["usa-boston"], regions: ["dk-sjaelland"]);
        await CatalogueBuilder.AddOfferAsync(db, "Regulatory clinic", category: "regulatory", description: "Monthly drop-in at the Malmö science park: FDA, CE marking, advisory.", markets: ["usa"]);
        await CatalogueBuilder.AddOfferAsync(db, "Advisory for advisory boards", category: "legal", description: "Board advisory in Skåne and Zealand.", stages: ["clinical"], sectors: ["medtech"]);
        await CatalogueBuilder.AddOfferAsync(db, "Webinar series", providerKey: OrganisationSeed.Mva, programmeKey: ProgrammeSeed.Massachusetts, format: OfferFormat.Webinar, markets: ["any"]);
        await CatalogueBuilder.AddOfferAsync(db, "Draft zebra desk", publish: false);
        return database;
    }
}
