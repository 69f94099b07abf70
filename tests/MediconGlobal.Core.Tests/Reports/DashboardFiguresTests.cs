using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Reports.Dashboard;
using MediconGlobal.Core.Reports.Gaps;
using MediconGlobal.Testing;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Tests.Reports;

public sealed class DashboardFiguresTests
{
    private static readonly DateTime Now = new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Figures_AreCountedByHand(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider, withReferenceData: false);
        await using (var db = database.CreateContext())
        {
            await SeedAsync(db);
        }

        await using var read = database.CreateContext();
        var f = await DashboardFigures.LoadAsync(read, Now, new NeedFactsCache());

        Assert.Equal((1, 1, 5), (f.ActiveOffers, f.StaleOffers, f.OpenNeeds)); // the draft offer counts as neither; referred needs are open
        Assert.Equal((2, 3), (f.AcceptedReferrals, f.AnsweredReferrals)); // the answer of 2025 is too old
        Assert.Equal(4, f.MedianDaysToAnswer); // 2, 4 and 6 days
        Assert.Equal(2.0 / 3, f.AcceptanceRate);
        Assert.Equal([new CategoryUnmet("Legal", 5, 1), new CategoryUnmet("Funding", 2, 0)], f.UnmetByCategory); // withdrawn left out
        Assert.Equal(12, f.NewNeedsByMonth.Count);
        Assert.Equal(new MonthCount(new DateOnly(2026, 11, 1), 1), f.NewNeedsByMonth[^1]);
        Assert.Equal(7, f.NewNeedsByMonth.Sum(m => m.Needs)); // the need of 2025-06 is older than twelve months
        var busiest = Assert.Single(f.MostOpenReferrals);
        Assert.Equal(("Provider", 3, 1), (busiest.Name, busiest.Open, busiest.Overdue));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task KeptReferrals_FollowAnAnswer_AndAreLoadedOncePerChange(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider, withReferenceData: false);
        await using (var db = database.CreateContext())
        {
            await SeedAsync(db);
        }

        var needFacts = new NeedFactsCache();
        await using (var read = database.CreateContext())
        {
            await DashboardFigures.LoadAsync(read, Now, needFacts);
            await DashboardFigures.LoadAsync(read, Now, needFacts);
        }

        Assert.Equal(1, needFacts.ReferralBuilds);
        await using (var db = database.CreateContext())
        {
            // The overdue referral is accepted after 20 days.
            var waiting = await db.Referrals.SingleAsync(r => r.Status == ReferralStatus.Sent);
            waiting.Accept(null, new Actor("p", "P"), Now);
            await db.SaveChangesAsync();
        }

        await using var after = database.CreateContext();
        var f = await DashboardFigures.LoadAsync(after, Now, needFacts);
        Assert.Equal(2, needFacts.ReferralBuilds);
        Assert.Equal((3, 4, 5), (f.AcceptedReferrals, f.AnsweredReferrals, f.MedianDaysToAnswer)); // 2, 4, 6 and 20 days
        var busiest = Assert.Single(f.MostOpenReferrals);
        Assert.Equal(("Provider", 3, 0), (busiest.Name, busiest.Open, busiest.Overdue)); // accepted is still open, no longer overdue
    }

    [Fact]
    public void Median_OfAnEvenCount_IsTheMeanOfTheMiddleTwo() =>
        Assert.Equal(2.5, DashboardFigures.Median([4, 1, 2, 3]));

    private static async Task SeedAsync(AppDbContext db)
    {
        var legal = new TaxonomyTerm(TaxonomyKind.SupportCategory, "legal", "Legal");
        var funding = new TaxonomyTerm(TaxonomyKind.SupportCategory, "funding", "Funding");
        var provider = new Organisation("Provider", OrganisationType.ClusterOrganisation, "SE");
        var fresh = new Offer("Fresh", provider, legal);
        fresh.Publish(Now.AddDays(-10));
        var stale = new Offer("Stale", provider, legal);
        stale.Publish(Now.AddDays(-400));
        var draft = new Offer("Draft", provider, funding);
        db.AddRange(legal, funding, provider, fresh, stale, draft);
        var company = new Company("Client", "SE");
        db.Companies.Add(company);
        await db.SaveChangesAsync();

        Need Add(TaxonomyTerm category, DateTime at)
        {
            var need = new Need(company, category, null, "need", NeedPriority.Medium, new Actor("u", "U"), at);
            db.Needs.Add(need);
            return need;
        }

        // Referrals: accepted after 2 days, declined after 4, accepted and completed after 6, one sent 20 days ago
        // and unanswered (overdue), one answered in 2025 (outside the twelve months).
        Add(legal, Now.AddDays(-30)).Refer(provider, fresh, null, new Actor("u", "U"), Now.AddDays(-30)).Accept(null, new Actor("p", "P"), Now.AddDays(-28));
        Add(legal, Now.AddDays(-60)).Refer(provider, fresh, null, new Actor("u", "U"), Now.AddDays(-60)).Decline("full", new Actor("p", "P"), Now.AddDays(-56));
        var completed = Add(funding, Now.AddDays(-90)).Refer(provider, fresh, null, new Actor("u", "U"), Now.AddDays(-90));
        completed.Accept(null, new Actor("p", "P"), Now.AddDays(-84));
        completed.Complete("done", null, new Actor("u", "U"), Now.AddDays(-70));
        Add(legal, Now.AddDays(-1)).Refer(provider, fresh, null, new Actor("u", "U"), Now.AddDays(-20));
        var old = Add(legal, new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc));
        old.Refer(provider, fresh, null, new Actor("u", "U"), old.LoggedAt).Accept(null, new Actor("p", "P"), old.LoggedAt.AddDays(1));
        Add(funding, Now.AddDays(-100)).MarkMet(null, new Actor("u", "U"), Now.AddDays(-99));
        Add(legal, Now.AddDays(-120)).Withdraw(null, new Actor("u", "U"), Now.AddDays(-119));
        Add(legal, Now.AddDays(-150)).MarkUnmet(UnmetReason.NotAvailable, null, new Actor("u", "U"), Now.AddDays(-149));
        await db.SaveChangesAsync();
    }
}
