using System.Net;
using System.Net.Sockets;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Testing;
using MediconGlobal.Web.Tests.Clients;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using netDumbster.smtp;

namespace MediconGlobal.Web.Tests.Mail;

/// <summary>
/// E-mail is never lost (issue 17 item 7, ADR 1701): with the SMTP server down a referral is saved and its e-mail
/// waits in the outbox; when a real SMTP listener comes back, two portal instances on one PostgreSQL database both
/// run the outbox job and the message arrives exactly once.
/// </summary>
public sealed class OutboxDeliveryTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Create(DatabaseProvider.Postgres);

    public Task InitializeAsync() => _database.InitializeAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task WithTheSmtpServerDown_TheReferralIsSaved_AndItsEmailWaits_ThenTwoInstancesDeliverItExactlyOnce()
    {
        var port = FreePort();
        var clock = new ShiftedClock();
        var settings = new Dictionary<string, string?>
        {
            ["Email:SmtpHost"] = "127.0.0.1",
            ["Email:SmtpPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:UseSsl"] = "false",
            ["Email:PickupFolder"] = null,
            ["Email:OutboxPollSeconds"] = "1",
        };
        await using var first = new PortalFactory(postgres: _database, settings: settings) { Clock = clock };
        await using var second = new PortalFactory(postgres: _database, settings: settings) { Clock = clock };
        var partnerEmail = $"partner-{Guid.NewGuid():N}@test.example";
        await first.CreateUserAsync(partnerEmail, Roles.PartnerStaff, OrganisationSeed.InnovationSkane);
        var (companyId, needId, offerId) = await first.WithDbAsync(async db =>
        {
            var company = await CaseBuilder.CompanyAsync(db, "Outbox Diagnostics", OrganisationSeed.SmiLe, consent: true);
            var need = await CaseBuilder.NeedAsync(db, company, "legal", "usa", DateTime.UtcNow.AddMinutes(-5));
            return (company.Id, need.Id, await db.Offers.Where(o => o.SeedKey == "is-advisory-legal").Select(o => o.Id).SingleAsync());
        });
        var advisor = await first.SignedInClientAsync($"advisor-{Guid.NewGuid():N}@test.example", Roles.Advisor, OrganisationSeed.SmiLe);
        _ = second.Services; // the second instance starts and runs its outbox job too

        var response = await advisor.PostAsync($"/clients/{companyId}/needs/{needId}?handler=Refer", new Dictionary<string, string> { ["Refer.OfferId"] = offerId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Refer.Version"] = "1" });

        response.AssertRedirectsTo($"/clients/{companyId}/needs/{needId}");
        var referralId = await first.WithDbAsync(db => db.Referrals.Where(r => r.NeedId == needId && r.Status == ReferralStatus.Sent).Select(r => r.Id).SingleAsync());
        var waiting = await first.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync());
        Assert.Equal((partnerEmail, 1, (DateTime?)null), (waiting.To, waiting.Attempts, waiting.SentAt));
        Assert.False(string.IsNullOrEmpty(waiting.LastError), "The failed attempt says why.");

        using var smtp = SimpleSmtpServer.Start(port);
        clock.Offset = OutboxBackoff; // the first retry is due
        await WaitUntilAsync(() => smtp.ReceivedEmailCount >= 1, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(4)); // several more runs of both instances' jobs

        var received = Assert.Single(smtp.ReceivedEmail);
        Assert.Contains(partnerEmail, received.ToAddresses.Select(a => a.Address), StringComparer.OrdinalIgnoreCase);
        Assert.Contains($"/referrals/{referralId}", received.MessageParts.First().BodyData, StringComparison.Ordinal);
        var sent = await first.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync());
        Assert.NotNull(sent.SentAt);
        Assert.Equal(2, sent.Attempts);
    }

    private static readonly TimeSpan OutboxBackoff = TimeSpan.FromMinutes(2);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "The e-mail did not arrive in time.");
            await Task.Delay(200);
        }
    }

    /// <summary>The real clock moved forward by <see cref="Offset"/>, so a retry's backoff can pass without waiting for it.</summary>
    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
    }
}
