using MediconGlobal.Core.Clients;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Referrals;
using MediconGlobal.Core.Reports;
using MediconGlobal.Testing;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Tests.Referrals;

/// <summary>Response promises on the referral, re-routing and the share answered in time (issue 19 items 1–2, ADR 1762), on both databases.</summary>
public sealed class ResponsePromiseTests
{
    // Thursday 24 June 2027, 10:00 in Stockholm: the day before Swedish midsummer eve.
    private static readonly DateTimeOffset ThursdayBeforeMidsummer = new(2027, 6, 24, 8, 0, 0, TimeSpan.Zero);
    private static readonly Actor Advisor = new(CaseBuilder.AdvisorId, CaseBuilder.AdvisorName);

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Refer_StoresTheDueTimesOfTheReceiversPromise_InItsWorkingDays(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        database.Clock.Now = ThursdayBeforeMidsummer;
        await using var db = database.CreateContext();
        await SetPromiseAsync(db, OrganisationSeed.InnovationSkane, 2);
        var (company, need) = await NeedAsync(db, "legal", "usa");

        var sent = await new NeedWorkflow(db, database.Clock).ReferAsync(Viewers.Advisor(await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.SmiLe)), company.Id, need.Id, need.Version, await CaseBuilder.OfferIdAsync(db, "is-advisory-legal"), null, Advisor);

        Assert.True(sent.IsDone);
        await using var check = database.CreateContext();
        var referral = await check.Referrals.SingleAsync(r => r.Id == sent.Id);
        Assert.Equal((2, new DateTime(2027, 6, 29, 22, 0, 0, DateTimeKind.Utc), new DateTime(2027, 7, 1, 22, 0, 0, DateTimeKind.Utc)), (referral.PromisedWorkingDays, referral.AnswerDueAt, referral.EscalatesAt));
        Assert.Empty(await check.Referrals.Overdue(new DateTime(2027, 6, 29, 21, 59, 0, DateTimeKind.Utc)).Where(r => r.Id == sent.Id).ToListAsync());
        Assert.Single(await check.Referrals.Overdue(new DateTime(2027, 6, 29, 22, 1, 0, DateTimeKind.Utc)).Where(r => r.Id == sent.Id).ToListAsync());
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task WithoutItsOwnPromise_TheDefaultApplies_WhichIsSavedVersionChecked(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var db = database.CreateContext();
        var skane = await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.InnovationSkane);

        Assert.Equal(new OrganisationPromise(PortalSettings.DefaultAnswerWorkingDaysInitially, false), (await ResponsePromises.OfOrganisationsAsync(db, [skane]))[skane]);
        Assert.Equal(CommandOutcome.Done, (await ResponsePromises.SetDefaultAsync(db, 5, version: 0)).Outcome);
        Assert.Equal(CommandOutcome.Conflict, (await ResponsePromises.SetDefaultAsync(db, 6, version: 0)).Outcome);
        Assert.Equal(CommandOutcome.Refused, (await ResponsePromises.SetDefaultAsync(db, 31, version: (await ResponsePromises.SettingsAsync(db))!.Version)).Outcome);

        await using var check = database.CreateContext();
        Assert.Equal(5, await ResponsePromises.DefaultAsync(check));
        Assert.Single(await check.PortalSettings.ToListAsync());
        Assert.True(await check.AuditEntries.AnyAsync(a => a.EntityType == nameof(PortalSettings)));
        await SetPromiseAsync(check, OrganisationSeed.InnovationSkane, 3);
        Assert.Equal(new OrganisationPromise(3, true), (await ResponsePromises.OfOrganisationsAsync(check, [skane]))[skane]);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Reroute_AfterTwiceThePromise_ClosesAsNoAnswer_AndRefersTheNextMatchingOffer(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        database.Clock.Now = ThursdayBeforeMidsummer;
        await using var db = database.CreateContext();
        await SetPromiseAsync(db, OrganisationSeed.InnovationSkane, 2);
        var smile = Viewers.Advisor(await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.SmiLe));
        var (company, need) = await NeedAsync(db, "partnering", "eu");
        var quiet = await CaseBuilder.OfferIdAsync(db, "is-innovation-management");
        var een = await CaseBuilder.OfferIdAsync(db, "een-partnering");
        var first = (await new NeedWorkflow(db, database.Clock).ReferAsync(smile, company.Id, need.Id, need.Version, quiet, null, Advisor)).Id!.Value;
        var rerouting = new Rerouting(db, database.Clock);

        // Before twice the promise (end of Thursday 1 July) the referral still waits: no re-routing.
        database.Clock.Now = new DateTimeOffset(2027, 7, 1, 21, 0, 0, TimeSpan.Zero);
        db.ChangeTracker.Clear();
        Assert.Equal(CommandOutcome.Refused, (await rerouting.RerouteAsync(smile, first, 1, een, null, Advisor, "contact@een.example")).Outcome);

        database.Clock.Now = new DateTimeOffset(2027, 7, 2, 7, 0, 0, TimeSpan.Zero);
        var now = database.Clock.GetUtcNow().UtcDateTime;
        db.ChangeTracker.Clear();
        var options = await Rerouting.OptionsAsync(db, need.Id, await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.InnovationSkane), now);
        Assert.Contains(options, o => o.OfferId == een);
        Assert.DoesNotContain(options, o => o.OfferId == quiet);
        Assert.Equal(CommandOutcome.NotFound, (await rerouting.RerouteAsync(Viewers.Partner(await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.Dlsc)), first, 1, een, null, Advisor)).Outcome);
        Assert.Equal(CommandOutcome.Conflict, (await rerouting.RerouteAsync(smile, first, 7, een, null, Advisor, "contact@een.example")).Outcome);
        db.ChangeTracker.Clear();
        Assert.Equal(CommandOutcome.Refused, (await rerouting.RerouteAsync(smile, first, 1, quiet, null, Advisor)).Outcome);
        db.ChangeTracker.Clear();

        var rerouted = await rerouting.RerouteAsync(smile, first, 1, een, "Over to you", Advisor, "contact@een.example");

        Assert.True(rerouted.IsDone, rerouted.Message);
        await using var check = database.CreateContext();
        var referrals = await check.Referrals.Where(r => r.NeedId == need.Id).OrderBy(r => r.Id).ToListAsync();
        Assert.Equal([(ReferralStatus.Unanswered, quiet), (ReferralStatus.Sent, een)], referrals.Select(r => (r.Status, r.OfferId!.Value)));
        Assert.Equal((now, "contact@een.example"), (referrals[0].ClosedUnansweredAt!.Value, referrals[1].ExternalContactEmail!));
        Assert.Equal(rerouted.Id, referrals[1].Id);
        var history = await check.NeedStatusChanges.Where(h => h.NeedId == need.Id).OrderBy(h => h.Id).ToListAsync();
        Assert.Equal("No answer from Innovation Skåne; re-routed to Enterprise Europe Network", history[^1].Note);
        Assert.Equal(NeedStatus.Referred, (await check.Needs.SingleAsync(n => n.Id == need.Id)).Status);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ReferralFacts_CountPerOrganisation_TheAnswersWithinThePromise(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var db = database.CreateContext();
        var sent = database.Clock.GetUtcNow().UtcDateTime;
        var company = await CaseBuilder.CompanyAsync(db, "Timely AB", OrganisationSeed.SmiLe, at: sent);
        var partner = new Actor("p", "Partner");
        var offers = new[] { "is-advisory-legal", "is-advisory-financial", "is-advisory-marketing" };
        var answeredAfter = new[] { TimeSpan.FromDays(1), TimeSpan.FromDays(13), TimeSpan.FromDays(15) };
        for (var i = 0; i < offers.Length; i++)
        {
            var referral = await CaseBuilder.ReferAsync(db, await CaseBuilder.NeedAsync(db, company, "legal", "usa", sent), offers[i], sent);
            referral.Accept(null, partner, sent + answeredAfter[i]);
            await db.SaveChangesAsync();
        }

        await CaseBuilder.ReferAsync(db, await CaseBuilder.NeedAsync(db, company, "legal", "usa", sent), "is-deep-tech", sent); // still waiting: not counted

        var facts = await ReferralFacts.LoadAsync(db, 0);

        var skane = await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.InnovationSkane);
        Assert.Equal([new PromiseCount(skane, 3, 2)], facts.PromisesKept);
    }

    private static async Task SetPromiseAsync(AppDbContext db, string organisationKey, int workingDays)
    {
        var organisation = await db.Organisations.SingleAsync(o => o.SeedKey == organisationKey);
        organisation.AnswerWithinWorkingDays = workingDays;
        await db.SaveChangesAsync();
    }

    private static async Task<(Company Company, Need Need)> NeedAsync(AppDbContext db, string category, string market)
    {
        var company = await CaseBuilder.CompanyAsync(db, $"Promised {category} AB", OrganisationSeed.SmiLe, sector: "medtech");
        var need = await CaseBuilder.NeedAsync(db, company, category, market, DateTime.UtcNow);
        db.ChangeTracker.Clear();
        return (company, await db.Needs.SingleAsync(n => n.Id == need.Id));
    }
}
