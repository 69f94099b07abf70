using MediconGlobal.Core.Clients;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Notifications;
using MediconGlobal.Testing;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Tests.Clients;

/// <summary>Founders' proposed profile corrections and consent withdrawals (issue 17 item 5), scoped in queries, on both databases.</summary>
public sealed class CompanyCorrectionsTests
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Propose_ByTheCompanysFounder_IsAnsweredOnce_ByItsAdvisors(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var db = database.CreateContext();
        var smile = await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.SmiLe);
        var company = await CaseBuilder.CompanyAsync(db, "Proposing Medtech", OrganisationSeed.SmiLe);
        var corrections = new CompanyCorrections(db, database.Clock);

        var proposed = await corrections.ProposeAsync(Viewers.Founder(company.Id), company.Id, "  Our stage is clinical trials.  ", new Actor("founder-under-test", "Frida Founder"));
        var id = proposed.Id!.Value;
        var byFounder = await corrections.AnswerAsync(Viewers.Founder(company.Id), id, 1, CorrectionStatus.Resolved, null, new Actor("founder-under-test", "Frida Founder"));
        var accepted = await corrections.AnswerAsync(Viewers.Advisor(smile), id, 1, CorrectionStatus.Resolved, "Done.", new Actor(CaseBuilder.AdvisorId, "Ada Advisor"));
        var again = await corrections.AnswerAsync(Viewers.Advisor(smile), id, 2, CorrectionStatus.Dismissed, "No.", new Actor(CaseBuilder.AdvisorId, "Ada Advisor"));

        Assert.Equal(CommandOutcome.NotFound, byFounder.Outcome);
        Assert.True(accepted.IsDone);
        Assert.Equal(CommandOutcome.Refused, again.Outcome);
        db.ChangeTracker.Clear();
        var line = Assert.Single(await corrections.ListAsync(Viewers.Founder(company.Id), company.Id));
        Assert.Equal(("Our stage is clinical trials.", CorrectionStatus.Resolved, "Done.", "Ada Advisor"), (line.Message, line.Status, line.Response, line.AnsweredBy));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task OtherCompaniesAndOrganisations_AreNotFound(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var db = database.CreateContext();
        var skane = await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.InnovationSkane);
        var mine = await CaseBuilder.CompanyAsync(db, "Mine Medtech", OrganisationSeed.SmiLe);
        var theirs = await CaseBuilder.CompanyAsync(db, "Theirs Medtech", OrganisationSeed.SmiLe);
        var corrections = new CompanyCorrections(db, database.Clock);
        var founder = new Actor("founder-under-test", "Frida Founder");

        var intoTheirs = await corrections.ProposeAsync(Viewers.Founder(mine.Id), theirs.Id, "Hello", founder);
        var byAdvisor = await corrections.ProposeAsync(Viewers.Advisor(skane), mine.Id, "Hello", founder);
        var id = (await corrections.ProposeAsync(Viewers.Founder(mine.Id), mine.Id, "Fix our website", founder)).Id!.Value;
        var byStranger = await corrections.AnswerAsync(Viewers.Advisor(skane), id, 1, CorrectionStatus.Dismissed, null, new Actor("stranger", "Stranger"));

        Assert.Equal((CommandOutcome.NotFound, CommandOutcome.NotFound, CommandOutcome.NotFound), (intoTheirs.Outcome, byAdvisor.Outcome, byStranger.Outcome));
        Assert.Empty(await corrections.ListAsync(Viewers.Advisor(skane), mine.Id));
        Assert.Empty(await corrections.ListAsync(Viewers.Founder(theirs.Id), mine.Id));
        Assert.Equal(1, await db.CompanyCorrections.CountAsync());
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Feed_TellsAdvisorsOfAWithdrawalAndAProposal_AndTheFounderOfTheAnswer(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var db = database.CreateContext();
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var (smile, skane) = (await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.SmiLe), await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.InnovationSkane));
        var company = await CaseBuilder.CompanyAsync(db, "Withdrawing Medtech", OrganisationSeed.SmiLe);
        var founder = new Actor("founder-under-test", "Frida Founder");
        var withdrawn = await new CompanyRecords(db, database.Clock).WithdrawConsentAsync(Viewers.Founder(company.Id), company.Id, company.Version, "Stealth mode.", founder);
        var corrections = new CompanyCorrections(db, database.Clock);
        var id = (await corrections.ProposeAsync(Viewers.Founder(company.Id), company.Id, "Wrong sector.", founder)).Id!.Value;
        await corrections.AnswerAsync(Viewers.Advisor(smile), id, 1, CorrectionStatus.Dismissed, "It is right.", new Actor(CaseBuilder.AdvisorId, "Ada Advisor"));

        var advisorFeed = await NotificationFeed.LoadAsync(db, Viewers.Advisor(smile, "another-advisor"), now.AddDays(-1), now.AddDays(1));
        var founderFeed = await NotificationFeed.LoadAsync(db, Viewers.Founder(company.Id), now.AddDays(-1), now.AddDays(1));
        var partnerFeed = await NotificationFeed.LoadAsync(db, Viewers.Partner(skane), now.AddDays(-1), now.AddDays(1));

        Assert.True(withdrawn.IsDone);
        Assert.Equal(
            [(NotificationKind.ConsentWithdrawn, "Stealth mode."), (NotificationKind.CorrectionProposed, "Wrong sector.")],
            advisorFeed.Select(n => (n.Kind, n.Detail)).OrderBy(n => n.Kind).ToList());
        Assert.All(advisorFeed, n => Assert.Equal(("Withdrawing Medtech", "Frida Founder"), (n.Company, n.Actor)));
        var answer = Assert.Single(founderFeed);
        Assert.Equal((NotificationKind.CorrectionAnswered, false, "It is right."), (answer.Kind, answer.Accepted, answer.Detail));
        Assert.Empty(partnerFeed);
    }
}
