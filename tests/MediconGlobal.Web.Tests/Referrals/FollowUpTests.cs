using System.Net;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Testing;
using MediconGlobal.Web.Infrastructure.Mail;
using MediconGlobal.Web.Pages.Referrals;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediconGlobal.Web.Tests.Referrals;

/// <summary>
/// Issue 19 item 4 (ADR 1777): 90 days after completion the advisor who completed a referral and the company's founder
/// are asked what came of it, once even with two instances racing on one PostgreSQL database; each answers from the
/// e-mail's link; the answers feed the programme comparison.
/// </summary>
public sealed class FollowUpTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Create(DatabaseProvider.Postgres);

    public Task InitializeAsync() => _database.InitializeAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task TwoInstances_AskEachFollowUpOnce_AndBothSidesAnswerFromTheEmail()
    {
        await using var first = new PortalFactory(postgres: _database);
        await using var second = new PortalFactory(postgres: _database);
        var advisorEmail = $"advisor-{Guid.NewGuid():N}@test.example";
        var founderEmail = $"founder-{Guid.NewGuid():N}@test.example";
        var advisor = await first.SignedInClientAsync(advisorEmail, Roles.Advisor, OrganisationSeed.SmiLe);
        var advisorAccount = await first.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == advisorEmail));
        var completedAt = DateTime.UtcNow.AddDays(-100);
        var (companyId, referralId) = await first.WithDbAsync(async db =>
        {
            var company = await CaseBuilder.CompanyAsync(db, "Followed Up AB", OrganisationSeed.SmiLe);
            var need = await CaseBuilder.NeedAsync(db, company, "soft-landing", "usa", completedAt.AddDays(-30));
            var referral = await CaseBuilder.ReferAsync(db, need, "mva-ambassadors", completedAt.AddDays(-20));
            var tracked = await db.Referrals.SingleAsync(r => r.Id == referral.Id);
            tracked.Accept(null, new Actor("partner", "Partner"), completedAt.AddDays(-15));
            tracked.Complete("They met two US distributors.", null, new Actor(advisorAccount.Id, "Advisor"), completedAt);
            await db.SaveChangesAsync();
            return (company.Id, referral.Id);
        });
        var founder = await first.SignedInClientAsync(founderEmail, Roles.Startup, companyId: companyId);

        await RaceAsync(first, second);

        Assert.NotNull(await first.WithDbAsync(db => db.Referrals.Where(r => r.Id == referralId).Select(r => r.FollowUpAskedAt).SingleAsync()));
        Assert.Equal(1, await first.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == advisorEmail)));
        Assert.Equal(1, await first.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == founderEmail)));
        var advisorMail = await DeliveredOnceAsync(first, second, advisorEmail);
        var founderMail = await DeliveredOnceAsync(first, second, founderEmail);
        Assert.DoesNotContain("Followed Up AB", advisorMail.TextBody + founderMail.TextBody, StringComparison.Ordinal);
        var link = Mailbox.Local(Mailbox.LinkIn(advisorMail, "/follow-up"));
        Assert.Equal($"/referrals/{referralId}/follow-up", link);
        Assert.Equal(link, Mailbox.Local(Mailbox.LinkIn(founderMail, "/follow-up")));

        var form = await advisor.GetPageAsync(link);
        (await advisor.SubmitAsync(form, "#follow-up-form", new Dictionary<string, string>
        {
            ["FollowUp.MarketEntered"] = "true",
            ["FollowUp.PartnerFound"] = "true",
            ["FollowUp.Comment"] = "First US order signed.",
        })).AssertRedirectsTo(link);
        var founderForm = await founder.GetPageAsync(link);
        (await founder.SubmitAsync(founderForm, "#follow-up-form", new Dictionary<string, string> { ["FollowUp.FundingRaised"] = "true" })).AssertRedirectsTo(link);

        var saved = await first.WithDbAsync(db => db.Referrals.AsNoTracking().SingleAsync(r => r.Id == referralId));
        Assert.Equal((FollowUpResults.MarketEntered | FollowUpResults.PartnerFound, "First US order signed.", advisorAccount.Id), (saved.AdvisorFollowUp, saved.AdvisorFollowUpComment, saved.AdvisorFollowUpByUserId));
        Assert.Equal(FollowUpResults.FundingRaised, saved.FounderFollowUp);
        var programmeId = await first.WithDbAsync(db => db.Programmes.Where(p => p.SeedKey == ProgrammeSeed.Ambassadors).Select(p => p.Id).SingleAsync());
        var compare = await first.CreatePortalClient().GetPageAsync($"/programmes/compare?ids={programmeId}");
        Assert.Contains("1 follow-up answered", compare.QuerySelector(".referral-results")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Results are shown from three answers on.", compare.QuerySelector(".referral-results")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FollowUpForm_RefusesTheReceivingSide_AndAnotherFounder_AndShowsErrors()
    {
        await using var portal = new PortalFactory(postgres: _database);
        var advisorEmail = $"advisor-{Guid.NewGuid():N}@test.example";
        var advisor = await portal.SignedInClientAsync(advisorEmail, Roles.Advisor, OrganisationSeed.SmiLe);
        var advisorId = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == advisorEmail).Select(u => u.Id).SingleAsync());
        var referralId = await portal.WithDbAsync(async db =>
        {
            var company = await CaseBuilder.CompanyAsync(db, "Form Checked AB", OrganisationSeed.SmiLe);
            var referral = await CaseBuilder.ReferAsync(db, await CaseBuilder.NeedAsync(db, company, "legal", "usa", DateTime.UtcNow.AddDays(-3)), "is-advisory-legal", DateTime.UtcNow.AddDays(-2));
            var tracked = await db.Referrals.SingleAsync(r => r.Id == referral.Id);
            tracked.Accept(null, new Actor("partner", "Partner"), DateTime.UtcNow.AddDays(-1));
            tracked.Complete("Advice given.", null, new Actor(advisorId, "Advisor"), DateTime.UtcNow);
            await db.SaveChangesAsync();
            return referral.Id;
        });
        var partner = await portal.SignedInClientAsync($"partner-{Guid.NewGuid():N}@test.example", Roles.PartnerStaff, OrganisationSeed.InnovationSkane);
        var otherCompany = await portal.WithDbAsync(async db => (await CaseBuilder.CompanyAsync(db, "Not Theirs AB", OrganisationSeed.SmiLe)).Id);
        var otherFounder = await portal.SignedInClientAsync($"founder-{Guid.NewGuid():N}@test.example", Roles.Startup, companyId: otherCompany);

        await partner.GetPageAsync($"/referrals/{referralId}/follow-up", HttpStatusCode.NotFound);
        await otherFounder.GetPageAsync($"/referrals/{referralId}/follow-up", HttpStatusCode.NotFound);
        var form = await advisor.GetPageAsync($"/referrals/{referralId}/follow-up");
        var none = await advisor.SubmitAsync(form, "#follow-up-form");
        Assert.Contains("Tick what came of it, or \"nothing yet\".", (await none.ParseBodyAsync()).ValidationMessages());
        var both = await advisor.SubmitAsync(form, "#follow-up-form", new Dictionary<string, string> { ["FollowUp.NothingYet"] = "true", ["FollowUp.FundingRaised"] = "true" });
        Assert.Contains("\"Nothing yet\" cannot be ticked together with a result.", (await both.ParseBodyAsync()).ValidationMessages());
        Assert.Null(await portal.WithDbAsync(db => db.Referrals.Where(r => r.Id == referralId).Select(r => r.AdvisorFollowUp).SingleAsync()));
    }

    /// <summary>The one e-mail to <paramref name="address"/>, delivered by whichever instance asked (each writes to its own folder).</summary>
    private static async Task<PickedUpMail> DeliveredOnceAsync(PortalFactory first, PortalFactory second, string address)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (first.Mailbox.To(address).Count + second.Mailbox.To(address).Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"No e-mail to {address}.");
            await Task.Delay(200);
        }

        return Assert.Single(first.Mailbox.To(address).Concat(second.Mailbox.To(address)));
    }

    /// <summary>Both instances look for due follow-ups at the same moment, a few times over.</summary>
    private static async Task RaceAsync(PortalFactory first, PortalFactory second)
    {
        for (var round = 0; round < 3; round++)
        {
            await Task.WhenAll(SendAsync(first), SendAsync(second));
        }

        static async Task SendAsync(PortalFactory portal)
        {
            using var scope = portal.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<FollowUps>().SendDueAsync(CancellationToken.None);
        }
    }
}
