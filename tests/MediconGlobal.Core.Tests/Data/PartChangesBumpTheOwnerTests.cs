using MediconGlobal.Core.Data;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Testing;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Tests.Data;

/// <summary>
/// A change to an entity's links or parts only (markets, expertise, contacts, advisors, consent, partners,
/// indicators, participants) bumps the owner's version, so a save of an older form of the owner is a conflict
/// and the links are not silently reverted (issue 10 item 4). One case per kind of part, on both databases.
/// </summary>
public sealed class PartChangesBumpTheOwnerTests
{
    private static readonly Dictionary<string, PartCase> Cases = new()
    {
        ["offer markets"] = new(
            async db => (await db.Offers.FirstAsync(o => o.SeedKey != null)).Id,
            async (db, id) => await db.Offers.Include(o => o.Terms).ThenInclude(t => t.Term).SingleAsync(o => o.Id == id),
            async (db, owner) => ((Offer)owner).SetTerms(TaxonomyKind.Market, [await TermAsync(db, TaxonomyKind.Market, "japan")]),
            owner => ((Offer)owner).Name += " (edited)"),
        ["organisation expertise"] = new(
            db => CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.Vinnova),
            async (db, id) => await db.Organisations.Include(o => o.Terms).ThenInclude(t => t.Term).SingleAsync(o => o.Id == id),
            async (db, owner) => ((Organisation)owner).SetTerms(TaxonomyKind.SupportCategory, [await TermAsync(db, TaxonomyKind.SupportCategory, "legal")]),
            owner => ((Organisation)owner).Description = "Edited"),
        ["organisation contacts"] = new(
            db => CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.Mva),
            async (db, id) => await db.Organisations.Include(o => o.Contacts).SingleAsync(o => o.Id == id),
            (_, owner) =>
            {
                ((Organisation)owner).Contacts.Add(new OrganisationContact { Name = "New Contact" });
                return Task.CompletedTask;
            },
            owner => ((Organisation)owner).Description = "Edited"),
        ["company markets"] = new(
            async db => (await CaseBuilder.CompanyAsync(db, "Markets Only AB", OrganisationSeed.SmiLe)).Id,
            async (db, id) => await db.Companies.Include(c => c.Terms).ThenInclude(t => t.Term).SingleAsync(c => c.Id == id),
            async (db, owner) => ((Company)owner).SetTerms(TaxonomyKind.Market, [await TermAsync(db, TaxonomyKind.Market, "usa")]),
            owner => ((Company)owner).Employees = 12),
        ["company advisors"] = new(
            async db => (await CaseBuilder.CompanyAsync(db, "Advisors Only AB", OrganisationSeed.SmiLe)).Id,
            async (db, id) => await db.Companies.Include(c => c.Advisors).SingleAsync(c => c.Id == id),
            async (db, owner) =>
            {
                var user = new ApplicationUser { Id = Guid.NewGuid().ToString(), UserName = $"{Guid.NewGuid():N}@advisor.test" };
                db.Users.Add(user);
                await db.SaveChangesAsync();
                ((Company)owner).Advisors.Add(new CompanyAdvisor { UserId = user.Id });
            },
            owner => ((Company)owner).Employees = 12),
        ["company consent"] = new(
            async db => (await CaseBuilder.CompanyAsync(db, "Consent Again AB", OrganisationSeed.SmiLe)).Id,
            async (db, id) => await db.Companies.SingleAsync(c => c.Id == id),
            (_, owner) =>
            {
                // Consent is already given: a second record leaves the company row itself unchanged.
                ((Company)owner).GiveConsent("Also share with investors.", new Actor(CaseBuilder.AdvisorId, CaseBuilder.AdvisorName), DateTime.UtcNow);
                return Task.CompletedTask;
            },
            owner => ((Company)owner).Employees = 12),
        ["programme partners"] = new(
            async db => (await db.Programmes.FirstAsync(p => p.SeedKey == ProgrammeSeed.ClustersOfSweden)).Id,
            async (db, id) => await db.Programmes.Include(p => p.Partners).SingleAsync(p => p.Id == id),
            async (db, owner) =>
            {
                var partner = new Organisation("New Partner Cluster", OrganisationType.ClusterOrganisation, "DK");
                db.Organisations.Add(partner);
                await db.SaveChangesAsync();
                ((Programme)owner).Partners.Add(new ProgrammePartner { OrganisationId = partner.Id, Role = "partner" });
            },
            owner => ((Programme)owner).LessonsLearned = "Edited"),
        ["programme indicators"] = new(
            async db => (await db.Programmes.FirstAsync(p => p.SeedKey == ProgrammeSeed.ClustersOfSweden)).Id,
            async (db, id) => await db.Programmes.Include(p => p.Indicators).SingleAsync(p => p.Id == id),
            (_, owner) =>
            {
                ((Programme)owner).Indicators.First().Funnel = "Renamed funnel";
                return Task.CompletedTask;
            },
            owner => ((Programme)owner).LessonsLearned = "Edited"),
        ["activity participants"] = new(
            async db =>
            {
                var activity = new Activity { Name = "Matchmaking day", Kind = ActivityKind.Matchmaking, Date = new DateOnly(2026, 3, 1) };
                db.Add(activity);
                await db.SaveChangesAsync();
                return activity.Id;
            },
            async (db, id) => await db.Set<Activity>().Include(a => a.Participants).SingleAsync(a => a.Id == id),
            async (db, owner) => ((Activity)owner).SetParticipants([(await CaseBuilder.CompanyAsync(db, "Participant AB", OrganisationSeed.SmiLe)).Id]),
            owner => ((Activity)owner).Outcome = "Edited"),
        ["activity organisations"] = new(
            async db =>
            {
                var activity = new Activity { Name = "Booster Board", Kind = ActivityKind.BoosterBoard, Date = new DateOnly(2026, 3, 1) };
                db.Add(activity);
                await db.SaveChangesAsync();
                return activity.Id;
            },
            async (db, id) => await db.Set<Activity>().Include(a => a.Organisations).SingleAsync(a => a.Id == id),
            async (db, owner) => ((Activity)owner).SetOrganisations([await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.RegionZealand)]),
            owner => ((Activity)owner).Outcome = "Edited"),
    };

    public static TheoryData<DatabaseProvider, string> Kinds()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            foreach (var kind in Cases.Keys)
            {
                data.Add(provider, kind);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task ChangingOnlyTheParts_BumpsTheOwnersVersion_AndAnOlderFormOfTheOwnerIsAConflict(DatabaseProvider provider, string kind)
    {
        var part = Cases[kind];
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        int id;
        await using (var db = database.CreateContext())
        {
            id = await part.CreateAsync(db);
        }

        await using var stale = database.CreateContext();
        var staleOwner = await part.LoadAsync(stale, id);
        var seen = staleOwner.Version;

        await using (var other = database.CreateContext())
        {
            await part.ChangePartsAsync(other, await part.LoadAsync(other, id));
            await other.SaveChangesAsync();
        }

        await using (var read = database.CreateContext())
        {
            Assert.Equal(seen + 1, (await part.LoadAsync(read, id)).Version);
        }

        var result = await stale.SaveVersionedAsync(staleOwner, seen, part.ChangeOwner);

        Assert.Equal(CommandOutcome.Conflict, result.Outcome);
        await using var after = database.CreateContext();
        Assert.Equal(seen + 1, (await part.LoadAsync(after, id)).Version);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task SettingTerms_ReplacesOnlyThatKind_KeepsLinksThatStay_AndLeavesTheVersionAloneWhenNothingChanged(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var db = database.CreateContext();
        var offer = await db.Offers.Include(o => o.Terms).ThenInclude(t => t.Term).FirstAsync(o => o.Terms.Any(t => t.Term!.Kind == TaxonomyKind.Region));
        var regions = offer.Terms.Where(t => t.Term!.Kind == TaxonomyKind.Region).Select(t => t.Term!).ToList();
        var version = offer.Version;

        offer.SetTerms(TaxonomyKind.Region, regions);
        await db.SaveChangesAsync();
        Assert.Equal(version, offer.Version);

        var usa = await TermAsync(db, TaxonomyKind.Market, "usa");
        offer.SetTerms(TaxonomyKind.Market, [usa, usa]);
        await db.SaveChangesAsync();

        await using var read = database.CreateContext();
        var saved = await read.Offers.Include(o => o.Terms).ThenInclude(t => t.Term).SingleAsync(o => o.Id == offer.Id);
        Assert.Equal([usa.Id], saved.Terms.Where(t => t.Term!.Kind == TaxonomyKind.Market).Select(t => t.TermId));
        Assert.Equal(regions.Select(r => r.Id).Order(), saved.Terms.Where(t => t.Term!.Kind == TaxonomyKind.Region).Select(t => t.TermId).Order());
        Assert.Equal(version + 1, saved.Version);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AnOffersContentChangedAt_MovesWithItsFieldsTermsAndStatus_ButNotWithAReviewThatOnlyConfirmsIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var db = database.CreateContext();
        var offer = await db.Offers.Where(Offer.Published).Include(o => o.Terms).ThenInclude(t => t.Term).FirstAsync(o => o.SeedKey != null);
        var created = offer.ContentChangedAt;
        var version = offer.Version;
        async Task<(DateTime SavedAt, DateTime Stored)> SaveAsync(Action<Offer> change)
        {
            database.Clock.Advance(TimeSpan.FromHours(1));
            change(offer);
            await db.SaveChangesAsync();
            await using var read = database.CreateContext();
            return (database.Clock.Now.UtcDateTime, await read.Offers.Where(o => o.Id == offer.Id).Select(o => o.ContentChangedAt).SingleAsync());
        }

        var reviewed = await SaveAsync(o => o.MarkReviewed(database.Clock.Now.UtcDateTime));
        Assert.Equal((created, version + 1), (reviewed.Stored, offer.Version));
        var linked = offer.Terms.Select(t => t.TermId).ToList();
        var market = await db.TaxonomyTerms.FirstAsync(t => t.Kind == TaxonomyKind.Market && !linked.Contains(t.Id));
        foreach (var change in new Action<Offer>[] { o => o.SetTerms(TaxonomyKind.Market, [market]), o => o.Archive(), o => o.Description = "Now also covers FDA submissions." })
        {
            var (savedAt, stored) = await SaveAsync(change);
            Assert.Equal(savedAt, stored);
        }
    }

    [Fact]
    public void SettingTerms_RefusesATermOfAnotherKind_AndACompanyLinksMarketsOnly()
    {
        var organisation = new Organisation("Test Hub", OrganisationType.Incubator, "SE");
        var legal = new TaxonomyTerm(TaxonomyKind.SupportCategory, "legal", "Legal advisory");

        Assert.Throws<ArgumentException>(() => organisation.SetTerms(TaxonomyKind.Sector, [legal]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Company("Test AB", "SE").SetTerms(TaxonomyKind.SupportCategory, [legal]));
    }

    private static Task<TaxonomyTerm> TermAsync(AppDbContext db, TaxonomyKind kind, string code) =>
        db.TaxonomyTerms.SingleAsync(t => t.Kind == kind && t.Code == code);

    /// <summary>How to make an owner, load it with its parts, change only its parts, and change one of its own columns.</summary>
    private sealed record PartCase(
        Func<AppDbContext, Task<int>> CreateAsync,
        Func<AppDbContext, int, Task<Entity>> LoadAsync,
        Func<AppDbContext, Entity, Task> ChangePartsAsync,
        Action<Entity> ChangeOwner);
}
