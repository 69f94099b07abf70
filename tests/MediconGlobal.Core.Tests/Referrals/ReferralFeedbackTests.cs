using MediconGlobal.Core.Data;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Programmes;
using MediconGlobal.Core.Referrals;
using MediconGlobal.Core.Security;
using MediconGlobal.Testing;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Tests.Referrals;

/// <summary>
/// The founder's confirmation (ADR 1776) and the follow-up (ADR 1777): who may answer, through the scopes, on both
/// databases; the entity's rules with plain objects.
/// </summary>
public sealed class ReferralFeedbackTests
{
    private static readonly DateTime Now = new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task OnlyTheCompanysFounder_Confirms_AndOnlyTheReferringSideAndTheFounder_AnswerTheFollowUp(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        int referralId, companyId, otherCompanyId, smile, innovationSkane;
        await using (var db = database.CreateContext())
        {
            var company = await CaseBuilder.CompanyAsync(db, "Confirming AB", OrganisationSeed.SmiLe, at: Now);
            companyId = company.Id;
            otherCompanyId = (await CaseBuilder.CompanyAsync(db, "Bystander AB", OrganisationSeed.SmiLe, at: Now)).Id;
            referralId = (await CaseBuilder.ReferAsync(db, await CaseBuilder.NeedAsync(db, company, "legal", "usa", Now), "is-advisory-legal", Now)).Id;
            smile = await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.SmiLe);
            innovationSkane = await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.InnovationSkane);
        }

        var clock = new TestClock { Now = new DateTimeOffset(Now.AddDays(20)) };
        async Task<CommandResult> ConfirmAsync(Viewer viewer)
        {
            await using var db = database.CreateContext();
            var version = await db.Referrals.Where(r => r.Id == referralId).Select(r => r.Version).SingleAsync();
            return await new ReferralFeedback(db, clock).ConfirmByFounderAsync(viewer, referralId, version, FounderConfirmation.NobodyContacted, " No call yet. ", new Actor(viewer.UserId, "Someone"));
        }

        Assert.Equal(CommandOutcome.NotFound, (await ConfirmAsync(Viewers.Founder(otherCompanyId))).Outcome);
        Assert.Equal(CommandOutcome.NotFound, (await ConfirmAsync(Viewers.Advisor(smile))).Outcome); // advisors do not speak for the founder
        Assert.Equal(CommandOutcome.Done, (await ConfirmAsync(Viewers.Founder(companyId))).Outcome);
        await using (var db = database.CreateContext())
        {
            var saved = await db.Referrals.SingleAsync(r => r.Id == referralId);
            Assert.Equal((FounderConfirmation.NobodyContacted, "No call yet.", Now.AddDays(20), "founder-under-test"), (saved.FounderConfirmation, saved.FounderComment, saved.FounderConfirmedAt, saved.FounderConfirmedByUserId));
            saved.Accept(null, new Actor("p", "P"), Now.AddDays(21));
            saved.Complete("Helped after all.", null, new Actor(CaseBuilder.AdvisorId, CaseBuilder.AdvisorName), Now.AddDays(30));
            await db.SaveChangesAsync();
        }

        async Task<CommandResult> AnswerAsync(Viewer viewer)
        {
            await using var db = database.CreateContext();
            var version = await db.Referrals.Where(r => r.Id == referralId).Select(r => r.Version).SingleAsync();
            return await new ReferralFeedback(db, clock).AnswerFollowUpAsync(viewer, referralId, version, FollowUpResults.PartnerFound, null, new Actor(viewer.UserId, "Someone"));
        }

        Assert.Equal(CommandOutcome.Refused, (await AnswerAsync(Viewers.Partner(innovationSkane))).Outcome);
        Assert.Equal(CommandOutcome.NotFound, (await AnswerAsync(Viewers.Founder(otherCompanyId))).Outcome);
        Assert.Equal(CommandOutcome.Done, (await AnswerAsync(Viewers.Advisor(smile))).Outcome);
        Assert.Equal(CommandOutcome.Done, (await AnswerAsync(Viewers.Founder(companyId))).Outcome);
        await using var read = database.CreateContext();
        var answered = await read.Referrals.SingleAsync(r => r.Id == referralId);
        Assert.Equal((FollowUpResults.PartnerFound, FollowUpResults.PartnerFound), (answered.AdvisorFollowUp, answered.FounderFollowUp));
    }

    [Fact]
    public void FollowUp_IsRefusedBeforeCompletion_AndNothingYetStandsAlone()
    {
        var need = new Need(new Company("Plain AB", "SE"), new TaxonomyTerm(TaxonomyKind.SupportCategory, "legal", "Legal"), null, "Help.", NeedPriority.Medium, new Actor("a", "A"), Now);
        var referral = need.Refer(new Organisation("Provider", OrganisationType.ClusterOrganisation, "SE"), null, null, new Actor("a", "A"), Now);

        Assert.Throws<DomainRuleException>(() => referral.AnswerFollowUp(FollowUpRespondent.Advisor, FollowUpResults.NothingYet, null, new Actor("a", "A"), Now));
        referral.Accept(null, new Actor("p", "P"), Now);
        referral.Complete("Done.", null, new Actor("a", "A"), Now);
        Assert.Throws<DomainRuleException>(() => referral.AnswerFollowUp(FollowUpRespondent.Advisor, FollowUpResults.NothingYet | FollowUpResults.FundingRaised, null, new Actor("a", "A"), Now));
        Assert.Throws<DomainRuleException>(() => referral.AnswerFollowUp(FollowUpRespondent.Advisor, FollowUpResults.None, null, new Actor("a", "A"), Now));
        referral.AnswerFollowUp(FollowUpRespondent.Founder, FollowUpResults.NothingYet, "  ", new Actor("f", "F"), Now);
        Assert.Equal((FollowUpResults.NothingYet, (string?)null), (referral.FounderFollowUp, referral.FounderFollowUpComment));
    }

    [Fact]
    public void Results_CountAResultEitherSideReported_AndNothingYetOnlyWithoutOne()
    {
        Assert.Equal(FollowUpResults.MarketEntered | FollowUpResults.FundingRaised, ReferralResults.Combined(FollowUpResults.MarketEntered, FollowUpResults.FundingRaised));
        Assert.Equal(FollowUpResults.PartnerFound, ReferralResults.Combined(FollowUpResults.NothingYet, FollowUpResults.PartnerFound));
        Assert.Equal(FollowUpResults.NothingYet, ReferralResults.Combined(null, FollowUpResults.NothingYet));
        var results = ReferralResults.Of(10, 4, [FollowUpResults.MarketEntered, FollowUpResults.MarketEntered | FollowUpResults.PartnerFound, FollowUpResults.NothingYet]);
        Assert.Equal(new ReferralResults(10, 4, 3, 2, 1, 0, 1), results);
        Assert.True(results.ResultsShown);
        Assert.False(ReferralResults.Of(10, 4, [FollowUpResults.MarketEntered]).ResultsShown);
    }
}
