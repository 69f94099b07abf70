using MediconGlobal.Core.Clients;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Testing;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Tests.Clients;

/// <summary>Logging, referring and closing needs through the workflow the pages use, on real databases.</summary>
public sealed class NeedWorkflowTests
{
    private static readonly Actor Advisor = new(CaseBuilder.AdvisorId, CaseBuilder.AdvisorName);

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task LogThenRefer_ToAMatchingOffer_CreatesASentReferralAndMarksTheNeedReferred(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var db = database.CreateContext();
        var smile = await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.SmiLe);
        var company = await CaseBuilder.CompanyAsync(db, "Lund Legal Bio", OrganisationSeed.SmiLe);
        var workflow = new NeedWorkflow(db, database.Clock);
        var legal = await CaseBuilder.TermIdAsync(db, TaxonomyKind.SupportCategory, "legal");
        var usa = await CaseBuilder.TermIdAsync(db, TaxonomyKind.Market, "usa");

        var logged = await workflow.LogAsync(Viewers.Advisor(smile), company.Id, new NewNeed(legal, usa, "US contracts", NeedPriority.High), Advisor);
        var suggestions = await NeedSuggestions.LoadAsync(db, logged.Id!.Value, database.Clock.GetUtcNow().UtcDateTime);
        var offer = Assert.Single(suggestions!.Offers);
        Assert.StartsWith("It offers legal advisory", offer.Why.ToString(), StringComparison.Ordinal);
        var referred = await workflow.ReferAsync(Viewers.Advisor(smile), company.Id, logged.Id.Value, 1, offer.OfferId, "Please help", Advisor);

        Assert.Equal(CommandOutcome.Done, referred.Outcome);
        await using var check = database.CreateContext();
        var need = await check.Needs.Include(n => n.Referrals).Include(n => n.StatusHistory).SingleAsync(n => n.Id == logged.Id);
        Assert.Equal(NeedStatus.Referred, need.Status);
        var referral = Assert.Single(need.Referrals);
        Assert.Equal((ReferralStatus.Sent, await CaseBuilder.OrganisationIdAsync(check, OrganisationSeed.InnovationSkane)), (referral.Status, referral.ReceivingOrganisationId));
        Assert.Equal(2, need.StatusHistory.Count);
        Assert.True(await check.AuditEntries.AnyAsync(a => a.EntityType == nameof(Referral) && a.EntityId == referral.Id.ToString() && a.Action == "Added"));
    }

    [Fact]
    public async Task Refer_ToAnOfferThatDoesNotMatch_IsRefused()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var smile = await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.SmiLe);
        var company = await CaseBuilder.CompanyAsync(db, "Lund Legal Bio", OrganisationSeed.SmiLe);
        var need = await CaseBuilder.NeedAsync(db, company, "legal", "usa", database.Clock.GetUtcNow().UtcDateTime);
        var boosterBoard = await CaseBuilder.OfferIdAsync(db, "dlsc-booster-board");

        var result = await new NeedWorkflow(db, database.Clock).ReferAsync(Viewers.Advisor(smile), company.Id, need.Id, need.Version, boosterBoard, null, Advisor);

        Assert.Equal(CommandOutcome.Refused, result.Outcome);
        Assert.False(await db.Referrals.AnyAsync());
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task CloseAsNotAvailable_WhenNothingMatches_RecordsUnmetNotAvailable(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var db = database.CreateContext();
        var smile = await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.SmiLe);
        var company = await CaseBuilder.CompanyAsync(db, "Japan Bound", OrganisationSeed.SmiLe);
        var need = await CaseBuilder.NeedAsync(db, company, "events", "japan", database.Clock.GetUtcNow().UtcDateTime);
        Assert.Empty((await NeedSuggestions.LoadAsync(db, need.Id, database.Clock.GetUtcNow().UtcDateTime))!.Offers);

        var result = await new NeedWorkflow(db, database.Clock).CloseAsNotAvailableAsync(Viewers.Advisor(smile), company.Id, need.Id, need.Version, Advisor);

        Assert.Equal(CommandOutcome.Done, result.Outcome);
        await using var check = database.CreateContext();
        var closed = await check.Needs.Include(n => n.StatusHistory).SingleAsync(n => n.Id == need.Id);
        Assert.Equal((NeedStatus.Unmet, UnmetReason.NotAvailable), (closed.Status, closed.UnmetReason));
        Assert.Equal(CaseBuilder.AdvisorName, closed.StatusHistory.OrderBy(h => h.Id).Last().ChangedByName);
    }

    [Fact]
    public async Task CloseAsNotAvailable_WhenAnOfferMatches_IsRefused()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var smile = await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.SmiLe);
        var company = await CaseBuilder.CompanyAsync(db, "Lund Legal Bio", OrganisationSeed.SmiLe);
        var need = await CaseBuilder.NeedAsync(db, company, "legal", "usa", database.Clock.GetUtcNow().UtcDateTime);

        var result = await new NeedWorkflow(db, database.Clock).CloseAsNotAvailableAsync(Viewers.Advisor(smile), company.Id, need.Id, need.Version, Advisor);

        Assert.Equal(CommandOutcome.Refused, result.Outcome);
        Assert.Equal(NeedStatus.Open, (await db.Needs.AsNoTracking().SingleAsync(n => n.Id == need.Id)).Status);
    }

    [Fact]
    public async Task ChangeStatus_AnotherOrganisationsNeed_IsNotFound_AndUnchanged()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var skane = await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.InnovationSkane);
        var company = await CaseBuilder.CompanyAsync(db, "SmiLe Client", OrganisationSeed.SmiLe);
        var need = await CaseBuilder.NeedAsync(db, company, "legal", "usa", database.Clock.GetUtcNow().UtcDateTime);

        var result = await new NeedWorkflow(db, database.Clock).ChangeStatusAsync(Viewers.Advisor(skane, "other-advisor"), company.Id, need.Id, need.Version, NeedStatus.Withdrawn, null, null, Advisor);

        Assert.Equal(CommandOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task ChangeStatus_InvalidTransitionOrStaleVersion_IsRefused()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var smile = await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.SmiLe);
        var company = await CaseBuilder.CompanyAsync(db, "Busy Bio", OrganisationSeed.SmiLe);
        var need = await CaseBuilder.NeedAsync(db, company, "legal", "usa", database.Clock.GetUtcNow().UtcDateTime);
        var workflow = new NeedWorkflow(db, database.Clock);
        var viewer = Viewers.Advisor(smile);

        Assert.Equal(CommandOutcome.Done, (await workflow.ChangeStatusAsync(viewer, company.Id, need.Id, 1, NeedStatus.Met, null, "Solved", Advisor)).Outcome);
        Assert.Equal(CommandOutcome.Conflict, (await workflow.ChangeStatusAsync(viewer, company.Id, need.Id, 1, NeedStatus.Open, null, null, Advisor)).Outcome);
        var invalid = await workflow.ChangeStatusAsync(viewer, company.Id, need.Id, 2, NeedStatus.InProgress, null, null, Advisor);
        Assert.Equal(CommandOutcome.Refused, invalid.Outcome);
        Assert.Contains("cannot move to that status", invalid.Message, StringComparison.Ordinal);
        Assert.Equal(CommandOutcome.Refused, (await workflow.ChangeStatusAsync(viewer, company.Id, need.Id, 2, NeedStatus.Unmet, null, null, Advisor)).Outcome);
    }
}
