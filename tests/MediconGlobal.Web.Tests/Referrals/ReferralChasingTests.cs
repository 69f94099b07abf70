using MediconGlobal.Core.Data;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Testing;
using MediconGlobal.Web.Pages.Referrals;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediconGlobal.Web.Tests.Referrals;

/// <summary>
/// Chasing unanswered referrals (issue 19 item 2, ADR 1762): at the due time the receiving side is reminded, at twice
/// the promise the advisor is told, each exactly once through the mail outbox — on SQLite with the job run again and
/// again, and on PostgreSQL with two portal instances racing.
/// </summary>
public sealed class ReferralChasingTests
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Reminder_AtThePromise_AndNoAnswerNotice_AtTwiceThePromise_GoOutOnce(DatabaseProvider provider)
    {
        await using var database = provider == DatabaseProvider.Postgres ? TestDatabase.Create(provider) : null;
        if (database is not null)
        {
            await database.InitializeAsync();
        }

        // Whole seconds: PostgreSQL keeps microseconds, and the test compares the stored claim times.
        var clock = new TestClock { Now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()) };
        await using var first = new PortalFactory(postgres: database) { Clock = clock };
        await using var second = database is null ? null : new PortalFactory(postgres: database) { Clock = clock };
        var partnerEmail = $"chased-{Guid.NewGuid():N}@test.example";
        var advisorEmail = $"chaser-{Guid.NewGuid():N}@test.example";
        await first.CreateUserAsync(partnerEmail, Roles.PartnerStaff, OrganisationSeed.InnovationSkane);
        var advisor = await first.CreateUserAsync(advisorEmail, Roles.Advisor, OrganisationSeed.SmiLe);
        var sent = clock.GetUtcNow().UtcDateTime;
        var referral = await first.WithDbAsync(async db =>
            await CaseBuilder.ReferAsync(db, await CaseBuilder.NeedAsync(db, await CaseBuilder.CompanyAsync(db, CasePortal.Unique("Chased AB"), OrganisationSeed.SmiLe, at: sent), "legal", "usa", sent), "is-advisory-legal", sent, advisor.Id));
        var instances = second is null ? new[] { first } : [first, second];

        await ChaseAsync(instances);
        Assert.Empty(first.Mailbox.To(partnerEmail));

        clock.Now = referral.AnswerDueAt!.Value.AddMinutes(1);
        await ChaseAsync(instances);
        await ChaseAsync(instances);

        var reminder = Assert.Single(AllMail(instances, partnerEmail));
        Assert.Contains("Reminder", reminder.Subject, StringComparison.Ordinal);
        Assert.Contains($"/referrals/{referral.Id}", reminder.TextBody, StringComparison.Ordinal);
        Assert.Empty(AllMail(instances, advisorEmail));

        clock.Now = referral.EscalatesAt!.Value.AddMinutes(1);
        await ChaseAsync(instances);
        await ChaseAsync(instances);

        var notice = Assert.Single(AllMail(instances, advisorEmail));
        Assert.Contains("No answer from Innovation Skåne", notice.Subject, StringComparison.Ordinal);
        Assert.Single(AllMail(instances, partnerEmail));
        var chased = await first.WithDbAsync(db => db.Referrals.AsNoTracking().SingleAsync(r => r.Id == referral.Id));
        Assert.Equal((referral.AnswerDueAt.Value.AddMinutes(1), referral.EscalatesAt.Value.AddMinutes(1)), (chased.ReceiverRemindedAt!.Value, chased.AdvisorToldAt!.Value));
        Assert.Equal(1, await first.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == advisorEmail)));
    }

    [Fact]
    public async Task AnAnsweredReferral_IsNeverChased()
    {
        var clock = new TestClock { Now = DateTimeOffset.UtcNow };
        await using var portal = new PortalFactory { Clock = clock };
        var partnerEmail = $"prompt-{Guid.NewGuid():N}@test.example";
        await portal.CreateUserAsync(partnerEmail, Roles.PartnerStaff, OrganisationSeed.InnovationSkane);
        var sent = clock.GetUtcNow().UtcDateTime;
        var referral = await portal.WithDbAsync(async db =>
        {
            var r = await CaseBuilder.ReferAsync(db, await CaseBuilder.NeedAsync(db, await CaseBuilder.CompanyAsync(db, CasePortal.Unique("Prompt AB"), OrganisationSeed.SmiLe, at: sent), "legal", "usa", sent), "is-advisory-legal", sent);
            r.Accept("Gladly", new Actor("p", "Partner"), sent.AddDays(1));
            await db.SaveChangesAsync();
            return r;
        });

        clock.Now = referral.EscalatesAt!.Value.AddDays(1);
        await ChaseAsync([portal]);

        Assert.Empty(portal.Mailbox.To(partnerEmail));
        Assert.Null((await portal.WithDbAsync(db => db.Referrals.AsNoTracking().SingleAsync(r => r.Id == referral.Id))).ReceiverRemindedAt);
    }

    /// <summary>Every instance chases at the same moment (the chasing job's work, as its Quartz trigger runs it).</summary>
    internal static Task ChaseAsync(IEnumerable<PortalFactory> instances) => Task.WhenAll(instances.Select(async portal =>
    {
        using var scope = portal.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ReferralChasing>().ChaseDueAsync(CancellationToken.None);
    }));

    private static List<Web.Infrastructure.Mail.PickedUpMail> AllMail(IEnumerable<PortalFactory> instances, string address) =>
        [.. instances.SelectMany(i => i.Mailbox.To(address))];
}
