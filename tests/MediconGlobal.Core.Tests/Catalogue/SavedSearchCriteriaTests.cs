using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Notifications;
using MediconGlobal.Testing;

namespace MediconGlobal.Core.Tests.Catalogue;

/// <summary>
/// Which saved searches an offer change matches (issue 17 item 2, ADR 1760): the saved search is run as its page runs
/// it — the guided path through the matching rule, the catalogue through its rule-based facets and words — on real
/// databases; criteria are stored in one canonical form.
/// </summary>
public sealed class SavedSearchCriteriaTests
{
    private static readonly DateTime Now = new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);

    private static readonly (string Name, SavedSearchKind Kind, string Criteria)[] Searches =
    [
        ("guided: legal help for Boston", SavedSearchKind.Guided, "market=usa-boston&help=legal"),
        ("catalogue: legal, USA", SavedSearchKind.Catalogue, "category=legal&market=usa"),
        ("catalogue: the word japan", SavedSearchKind.Catalogue, "q=japan"),
        ("guided: every kind of help", SavedSearchKind.Guided, ""),
    ];

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AnOfferChange_MatchesTheSavedSearchesWhosePageWouldShowIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var db = database.CreateContext();
        var catalogue = new CatalogueCache(clock: database.Clock);
        var usWide = await CatalogueBuilder.AddOfferAsync(db, "US legal clinic", category: "legal", markets: ["usa"]);
        var boston = await CatalogueBuilder.AddOfferAsync(db, "Boston legal desk", category: "legal", markets: ["usa-boston"]);
        var japan = await CatalogueBuilder.AddOfferAsync(db, "Tokyo legal desk", category: "legal", markets: ["japan"], description: "Counsel for Japan.");
        var draft = await CatalogueBuilder.AddOfferAsync(db, "Draft US legal clinic", category: "legal", markets: ["usa"], publish: false);

        async Task<string[]> MatchedBy(int offerId)
        {
            var names = new List<string>();
            foreach (var search in Searches)
            {
                if ((await SavedSearchCriteria.MatchingAsync(db, catalogue, search.Kind, search.Criteria, [offerId], Now)).Contains(offerId))
                {
                    names.Add(search.Name);
                }
            }

            return [.. names];
        }

        // The rule: an offer for the whole USA covers Boston (broader), but one for Boston does not cover all of the USA.
        Assert.Equal(["guided: legal help for Boston", "catalogue: legal, USA", "guided: every kind of help"], await MatchedBy(usWide.Id));
        Assert.Equal(["guided: legal help for Boston", "guided: every kind of help"], await MatchedBy(boston.Id));
        Assert.Equal(["catalogue: the word japan", "guided: every kind of help"], await MatchedBy(japan.Id));
        Assert.Empty(await MatchedBy(draft.Id));
    }

    [Fact]
    public void Criteria_AreStoredInOneForm_WithoutSortPageOrUnknownKeys()
    {
        Assert.Equal("q=FDA&category=legal&market=japan&market=usa", SavedSearchCriteria.Normalise(SavedSearchKind.Catalogue, "page=4&market=usa&sort=name&utm=x&q=+FDA+&category=legal&market=japan"));
        Assert.Equal("stage=seed&market=usa&help=legal", SavedSearchCriteria.Normalise(SavedSearchKind.Guided, "help=legal&market=usa&stage=seed&q=ignored&sector="));
        Assert.Equal("", SavedSearchCriteria.Normalise(SavedSearchKind.Catalogue, null));
    }
}
