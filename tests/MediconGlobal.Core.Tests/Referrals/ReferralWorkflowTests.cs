using MediconGlobal.Core.Data;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Referrals;
using MediconGlobal.Testing;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Tests.Referrals;

public sealed class ReferralWorkflowTests
{
    private static readonly Actor Partner = new("partner-under-test", "Nora Partner");
    private static readonly Actor Advisor = new(CaseBuilder.AdvisorId, CaseBuilder.AdvisorName);

    [Fact]
    public async Task AcceptThenComplete_MarksTheNeedMet()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var (smile, skane) = (await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.SmiLe), await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.InnovationSkane));
        var company = await CaseBuilder.CompanyAsync(db, "Client", OrganisationSeed.SmiLe);
        var referral = await CaseBuilder.ReferAsync(db, await CaseBuilder.NeedAsync(db, company, "legal", "usa", now), "is-advisory-legal", now);
        var workflow = new ReferralWorkflow(db, database.Clock);

        Assert.Equal(CommandOutcome.Done, (await workflow.AcceptAsync(Viewers.Partner(skane), referral.Id, 1, "Welcome", Partner)).Outcome);
        Assert.Equal(CommandOutcome.Done, (await workflow.CompleteAsync(Viewers.Advisor(smile), referral.Id, 2, "Two sessions held", null, needIsMet: true, Advisor)).Outcome);

        await using var check = database.CreateContext();
        var done = await check.Referrals.Include(r => r.Need).SingleAsync(r => r.Id == referral.Id);
        Assert.Equal((ReferralStatus.Completed, "Nora Partner", "Two sessions held"), (done.Status, done.AnsweredByName, done.Outcome));
        Assert.Equal(NeedStatus.Met, done.Need!.Status);
    }

    [Fact]
    public async Task Steps_ByTheWrongSideOrOutOfOrder_AreRefused()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var (smile, skane, dlsc) = (await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.SmiLe), await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.InnovationSkane), await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.Dlsc));
        var company = await CaseBuilder.CompanyAsync(db, "Client", OrganisationSeed.SmiLe);
        var referral = await CaseBuilder.ReferAsync(db, await CaseBuilder.NeedAsync(db, company, "legal", "usa", now), "is-advisory-legal", now);
        var workflow = new ReferralWorkflow(db, database.Clock);

        Assert.Equal(CommandOutcome.NotFound, (await workflow.AcceptAsync(Viewers.Partner(dlsc), referral.Id, 1, null, Partner)).Outcome);
        Assert.Equal(CommandOutcome.Refused, (await workflow.AcceptAsync(Viewers.Advisor(smile), referral.Id, 1, null, Advisor)).Outcome);
        Assert.Equal(CommandOutcome.Refused, (await workflow.CompleteAsync(Viewers.Advisor(smile), referral.Id, 1, "Too early", null, true, Advisor)).Outcome);
        Assert.Equal(CommandOutcome.Refused, (await workflow.CompleteAsync(Viewers.Partner(skane), referral.Id, 1, "Not mine", null, true, Partner)).Outcome);
        Assert.Equal(CommandOutcome.Done, (await workflow.DeclineAsync(Viewers.Partner(skane), referral.Id, 1, "Outside our intake", Partner)).Outcome);
        var again = await workflow.AcceptAsync(Viewers.Partner(skane), referral.Id, 2, null, Partner);
        Assert.Equal(CommandOutcome.Refused, again.Outcome);
        Assert.Contains("can be accepted", again.Message, StringComparison.Ordinal);
        Assert.Equal(CommandOutcome.Conflict, (await workflow.AcceptAsync(Viewers.Partner(skane), referral.Id, 1, null, Partner)).Outcome);
    }
}
