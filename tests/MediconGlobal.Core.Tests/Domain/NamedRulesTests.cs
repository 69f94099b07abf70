using MediconGlobal.Core.Data;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Testing;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Tests.Domain;

/// <summary>
/// Each named rule (ADR 1900) selects in SQL, on both databases, exactly the rows its compiled form holds for in
/// memory — on the same rows, which cover every side of the rule.
/// </summary>
public sealed class NamedRulesTests
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Published_SelectsInSqlTheOffersThatArePublishedInMemory(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var db = database.CreateContext();
        var offers = await db.Offers.OrderBy(o => o.Id).Take(3).ToListAsync();
        offers[0].Archive();
        offers[1].ReturnToDraft();
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var inSql = await db.Offers.Published().Select(o => o.Id).ToListAsync();
        var all = await db.Offers.ToListAsync();

        AssertSameRows(all.Where(o => o.IsPublished).Select(o => o.Id), inSql, all.Count);
        Assert.All(all, o => Assert.Equal(o.IsPublished, Offer.IsPublishedStatus(o.Status)));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task NeedRules_SelectInSqlTheNeedsTheyHoldForInMemory(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var db = database.CreateContext();
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var company = await CaseBuilder.CompanyAsync(db, "Rules Client", OrganisationSeed.SmiLe);
        var needs = new List<Need>();
        foreach (var _ in Enum.GetValues<NeedStatus>())
        {
            needs.Add(await CaseBuilder.NeedAsync(db, company, "legal", "usa", now));
        }

        var tracked = await db.Needs.Include(n => n.Referrals).Where(n => n.CompanyId == company.Id).OrderBy(n => n.Id).ToListAsync();
        var provider1 = await db.Organisations.FirstAsync(o => o.SeedKey == OrganisationSeed.InnovationSkane);
        tracked[1].StartWork(new Actor("u", "U"), now);
        tracked[2].Refer(provider1, null, null, new Actor("u", "U"), now);
        tracked[3].MarkMet(null, new Actor("u", "U"), now);
        tracked[4].MarkUnmet(UnmetReason.NotAvailable, null, new Actor("u", "U"), now);
        tracked[5].Withdraw(null, new Actor("u", "U"), now);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var all = await db.Needs.Include(n => n.Company).Where(n => n.CompanyId == company.Id).ToListAsync();
        Assert.Equal(Enum.GetValues<NeedStatus>().Order(), all.Select(n => n.Status).Order());
        var mine = db.Needs.Where(n => n.CompanyId == company.Id);
        AssertSameRows(all.Where(n => n.IsOpen).Select(n => n.Id), await mine.Open().Select(n => n.Id).ToListAsync(), all.Count);
        AssertSameRows(all.Where(n => n.IsActive).Select(n => n.Id), await mine.Active().Select(n => n.Id).ToListAsync(), all.Count);
        AssertSameRows(all.Where(n => Need.IsClosed(n.Status)).Select(n => n.Id), await mine.Where(Need.Closed).Select(n => n.Id).ToListAsync(), all.Count);
        Assert.All(all, n => Assert.Equal(n.IsOpen, Need.IsOpenStatus(n.Status)));
        Assert.All(all, n => Assert.Equal(n.IsActive, Need.IsActiveStatus(n.Status)));
        Assert.Equal(all.Select(n => n.Profile).Distinct().Single(), await mine.Select(Need.ProfileOf).Distinct().SingleAsync());
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task OverdueAt_SelectsInSqlTheReferralsOverdueInMemory(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var db = database.CreateContext();
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var company = await CaseBuilder.CompanyAsync(db, "Rules Client", OrganisationSeed.SmiLe);
        var due = Referral.LegacyAnswerDueWithin; // the builder refers without a promise: due 14 days after sending
        var sentAt = new[] { now, now - due + TimeSpan.FromSeconds(1), now - due, now - due - TimeSpan.FromSeconds(1), now.AddDays(-40), now.AddDays(-40) };
        var offers = new[] { "is-advisory-legal", "is-advisory-financial", "is-advisory-marketing", "is-advisory-ipr", "is-deep-tech", "is-advisory-legal" };
        for (var i = 0; i < sentAt.Length; i++)
        {
            await CaseBuilder.ReferAsync(db, await CaseBuilder.NeedAsync(db, company, "legal", "usa", sentAt[i]), offers[i], sentAt[i]);
        }

        var answered = await db.Referrals.OrderBy(r => r.Id).LastAsync();
        answered.Accept(null, new Actor("p", "P"), now);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var all = await db.Referrals.ToListAsync();
        var inSql = await db.Referrals.Overdue(now).Select(r => r.Id).ToListAsync();

        AssertSameRows(all.Where(r => r.IsOverdue(now)).Select(r => r.Id), inSql, all.Count);
        Assert.Equal(2, inSql.Count);

        // Twice the promise (ADR 1762): the same rule on EscalatesAt, in SQL as in memory.
        var escalated = await db.Referrals.Where(Referral.EscalatedAt(now)).Select(r => r.Id).ToListAsync();
        AssertSameRows(all.Where(r => r.IsEscalated(now)).Select(r => r.Id), escalated, all.Count);
        Assert.Single(escalated);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task IdentityShownTo_SelectsInSqlTheCompaniesItShowsInMemory(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var db = database.CreateContext();
        await CaseBuilder.CompanyAsync(db, "Own Client Consenting", OrganisationSeed.SmiLe);
        await CaseBuilder.CompanyAsync(db, "Own Client Not Consenting", OrganisationSeed.SmiLe, consent: false);
        await CaseBuilder.CompanyAsync(db, "Other Client Consenting", OrganisationSeed.InnovationSkane);
        await CaseBuilder.CompanyAsync(db, "Other Client Not Consenting", OrganisationSeed.InnovationSkane, consent: false);
        var advisor = new Viewer("a", new HashSet<string> { Roles.Advisor }, await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.SmiLe), null);
        db.ChangeTracker.Clear();

        var inSql = await db.Companies.Where(Company.IdentityShownTo(db.Companies.VisibleTo(advisor))).Select(c => c.Id).ToListAsync();
        var all = await db.Companies.ToListAsync();
        var visible = await db.Companies.VisibleTo(advisor).ToListAsync();
        var inMemory = Company.IdentityShownTo(visible.AsQueryable()).Compile();

        AssertSameRows(all.Where(inMemory).Select(c => c.Id), inSql, all.Count);
        Assert.Equal(3, inSql.Count);
    }

    private static void AssertSameRows(IEnumerable<int> inMemory, IEnumerable<int> inSql, int total)
    {
        var expected = inMemory.Order().ToList();
        Assert.Equal(expected, inSql.Order());
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < total, "the rows should include some the rule leaves out");
    }
}
