using MediconGlobal.Core.Data;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Notifications;
using MediconGlobal.Core.Security;
using MediconGlobal.Testing;
using MediconGlobal.Web.Pages.SavedSearches;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediconGlobal.Web.Tests.SavedSearches;

/// <summary>
/// An alert goes out once (issue 17 item 2, ADR 1760): two portal instances on one PostgreSQL database both run the
/// alert job every second, and on top of that are made to send at the same moment again and again; the founder gets
/// one e-mail about the new offer, recorded once, and a later change of the offer is one more e-mail; a review that
/// only confirms the offer is none.
/// </summary>
public sealed class AlertsExactlyOnceTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Create(DatabaseProvider.Postgres);

    public Task InitializeAsync() => _database.InitializeAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task TwoInstances_SendEachAlertExactlyOnce()
    {
        var settings = new Dictionary<string, string?> { [SavedSearchAlertJob.PollSecondsKey] = "1" };
        await using var first = new PortalFactory(postgres: _database, settings: settings);
        await using var second = new PortalFactory(postgres: _database, settings: settings);
        var email = $"founder-{Guid.NewGuid():N}@test.example";
        var companyId = await first.WithDbAsync(async db => (await CaseBuilder.CompanyAsync(db, "Twice Alerted AB", OrganisationSeed.SmiLe, consent: true)).Id);
        var founder = await first.CreateUserAsync(email, Roles.Startup, companyId: companyId);
        _ = second.Services; // the second instance starts and runs its alert job too
        var searchId = await first.WithDbAsync(async db =>
        {
            var search = new SavedSearch(founder.Id, "Legal help in the USA", SavedSearchKind.Guided, "market=usa&help=legal", AlertFrequency.Immediately, DateTime.UtcNow);
            db.SavedSearches.Add(search);
            await db.SaveChangesAsync();
            return search.Id;
        });

        var offerId = await first.WithDbAsync(async db =>
        {
            var offer = new Offer("Twice-checked US counsel", await db.Organisations.SingleAsync(o => o.SeedKey == OrganisationSeed.InnovationSkane), await db.TaxonomyTerms.SingleAsync(t => t.Kind == TaxonomyKind.SupportCategory && t.Code == "legal"));
            offer.SetTerms(TaxonomyKind.Market, [await db.TaxonomyTerms.SingleAsync(t => t.Kind == TaxonomyKind.Market && t.Code == "usa")]);
            offer.Publish(DateTime.UtcNow);
            db.Offers.Add(offer);
            await db.SaveChangesAsync();
            return offer.Id;
        });
        await RaceAsync(first, second);
        await WaitForAlertsAsync(first, searchId, 1);
        await Task.Delay(TimeSpan.FromSeconds(3)); // several more runs of both instances' jobs
        await RaceAsync(first, second);

        Assert.Equal(1, await first.WithDbAsync(db => db.SavedSearchAlerts.CountAsync(a => a.SavedSearchId == searchId)));
        Assert.Equal(1, await first.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == email)));
        Assert.Single(first.Mailbox.To(email).Concat(second.Mailbox.To(email)));

        await first.WithDbAsync(async db =>
        {
            (await db.Offers.SingleAsync(o => o.Id == offerId)).Description = "Now also covers FDA submissions.";
            return await db.SaveChangesAsync();
        });
        await RaceAsync(first, second);
        await WaitForAlertsAsync(first, searchId, 2);
        await RaceAsync(first, second);

        Assert.Equal(2, await first.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == email)));

        // A review that only confirms the offer (a new version, nothing a reader sees changed) is no news (ADR 1761).
        await first.WithDbAsync(async db =>
        {
            (await db.Offers.SingleAsync(o => o.Id == offerId)).MarkReviewed(DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });
        await Task.Delay(TimeSpan.FromSeconds(2));
        await RaceAsync(first, second);

        Assert.Equal(2, await first.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == email)));
    }

    /// <summary>Both instances send at the same moment, a few times over.</summary>
    private static async Task RaceAsync(PortalFactory first, PortalFactory second)
    {
        for (var round = 0; round < 3; round++)
        {
            await Task.WhenAll(SendAsync(first), SendAsync(second));
        }

        static async Task SendAsync(PortalFactory portal)
        {
            using var scope = portal.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<SavedSearchAlerts>().SendDueAsync(CancellationToken.None);
        }
    }

    private static async Task WaitForAlertsAsync(PortalFactory portal, int searchId, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await portal.WithDbAsync(db => db.SavedSearchAlerts.CountAsync(a => a.SavedSearchId == searchId)) < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Fewer than {count} alerts were recorded.");
            await Task.Delay(200);
        }
    }
}
