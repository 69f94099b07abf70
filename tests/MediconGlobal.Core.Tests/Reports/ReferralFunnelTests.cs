using MediconGlobal.Core.Data;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Reports.Dashboard;
using MediconGlobal.Testing;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Tests.Reports;

/// <summary>
/// The dashboard's referral funnel (issue 19 item 8, ADR 1778) equals a count of the records, step by step, for every
/// filter, on both databases; a founder's "nobody contacted me" is counted on the next read of the kept facts.
/// </summary>
public sealed class ReferralFunnelTests
{
    private static readonly DateTime Start = new(2026, 9, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Actor Advisor = new(CaseBuilder.AdvisorId, CaseBuilder.AdvisorName);
    private static readonly Actor Partner = new("partner-user", "Partner");
    private static readonly Actor Founder = new("founder-user", "Founder");

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Funnel_EqualsACountOfTheRecords_ForEveryFilter(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using (var db = database.CreateContext())
        {
            await SeedAsync(db);
        }

        await using var read = database.CreateContext();
        var legal = await CaseBuilder.TermIdAsync(read, TaxonomyKind.SupportCategory, "legal");
        var halland = await CaseBuilder.TermIdAsync(read, TaxonomyKind.Region, "se-halland");
        var mva = await CaseBuilder.OrganisationIdAsync(read, OrganisationSeed.Mva);
        var cache = new ReferralFunnelCache();
        FunnelFilter[] filters = [new(), new(CategoryId: legal), new(RegionId: halland), new(OrganisationId: mva), new(legal, null, mva)];
        foreach (var filter in filters)
        {
            var funnel = await ReferralFunnel.LoadAsync(read, cache, filter);
            Assert.Equal(await CountAsync(read, filter), funnel.Stages.Select(s => s.Needs).Concat([funnel.FounderGotHelp, funnel.FounderNobodyContacted]).ToArray());
        }

        var all = await ReferralFunnel.LoadAsync(read, cache, new FunnelFilter());
        Assert.Equal([5, 4, 2, 2, 1, 1], all.Stages.Select(s => s.Needs)); // by hand: see SeedAsync
        Assert.Equal((1, 1), (all.FounderGotHelp, all.FounderNobodyContacted));
        Assert.Equal(1, cache.Builds);
        Assert.Equal(2, all.Stages[(int)FunnelStep.Referred].MedianDays); // 1, 2, 2, 3 and 4 days from logging to sending
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task FounderSaysNobodyContactedThem_TheKeptFunnelCountsIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        int referralId;
        await using (var db = database.CreateContext())
        {
            var company = await CaseBuilder.CompanyAsync(db, "Unheard AB", OrganisationSeed.SmiLe, at: Start);
            referralId = (await CaseBuilder.ReferAsync(db, await CaseBuilder.NeedAsync(db, company, "legal", "usa", Start), "is-advisory-legal", Start.AddDays(1))).Id;
        }

        var cache = new ReferralFunnelCache();
        await using (var read = database.CreateContext())
        {
            Assert.Equal(0, (await ReferralFunnel.LoadAsync(read, cache, new FunnelFilter())).FounderNobodyContacted);
        }

        await using (var db = database.CreateContext())
        {
            (await db.Referrals.SingleAsync(r => r.Id == referralId)).ConfirmByFounder(FounderConfirmation.NobodyContacted, null, Founder, Start.AddDays(20));
            await db.SaveChangesAsync();
        }

        await using var after = database.CreateContext();
        var funnel = await ReferralFunnel.LoadAsync(after, cache, new FunnelFilter());
        Assert.Equal((1, 1, 0), (funnel.FounderNobodyContacted, funnel[FunnelStep.Referred], funnel[FunnelStep.Accepted]));
        Assert.Equal(2, cache.Builds);

        // The unfiltered funnel comes with the facts (computed where they are loaded, issue 12); a filter's is
        // computed by the first request that asks for it, then kept.
        Assert.Equal(0, cache.ComputedInRequests);
        var organisation = await CaseBuilder.OrganisationIdAsync(after, OrganisationSeed.Mva);
        var filtered = await ReferralFunnel.LoadAsync(after, cache, new FunnelFilter(OrganisationId: organisation));
        Assert.Same(filtered, await ReferralFunnel.LoadAsync(after, cache, new FunnelFilter(OrganisationId: organisation)));
        Assert.Equal(1, cache.ComputedInRequests);
    }

    /// <summary>
    /// Five needs of two companies (Skåne, Halland): legal (Skåne) referred to Innovation Skåne, accepted, completed,
    /// the founder got help and the advisor answered the follow-up; legal (Skåne) referred to MVA, still waiting, the
    /// founder says nobody contacted them; funding (Skåne) never referred; legal (Halland) referred to MVA and declined;
    /// soft landing (Halland) referred to MVA, accepted and completed, and referred to Innovation Skåne as well.
    /// </summary>
    private static async Task SeedAsync(AppDbContext db)
    {
        var skane = await CaseBuilder.CompanyAsync(db, "Funnel Skåne AB", OrganisationSeed.SmiLe, at: Start);
        var halland = await CaseBuilder.CompanyAsync(db, "Funnel Halland AB", OrganisationSeed.SmiLe, region: "se-halland", at: Start);
        var helped = await CaseBuilder.ReferAsync(db, await CaseBuilder.NeedAsync(db, skane, "legal", "usa", Start), "is-advisory-legal", Start.AddDays(1));
        var waiting = await CaseBuilder.ReferAsync(db, await CaseBuilder.NeedAsync(db, skane, "legal", "usa", Start), "mva-ambassadors", Start.AddDays(2));
        await CaseBuilder.NeedAsync(db, skane, "funding", null, Start);
        var declined = await CaseBuilder.ReferAsync(db, await CaseBuilder.NeedAsync(db, halland, "legal", "usa", Start), "mva-ambassadors", Start.AddDays(3));
        var landing = await CaseBuilder.NeedAsync(db, halland, "soft-landing", "usa", Start);
        var served = await CaseBuilder.ReferAsync(db, landing, "mva-ambassadors", Start.AddDays(4));
        await CaseBuilder.ReferAsync(db, landing, "is-advisory-legal", Start.AddDays(2));

        var tracked = await db.Referrals.Where(r => new[] { helped.Id, waiting.Id, declined.Id, served.Id }.Contains(r.Id)).ToDictionaryAsync(r => r.Id);
        tracked[helped.Id].Accept(null, Partner, Start.AddDays(3));
        tracked[helped.Id].Complete("Contract reviewed.", null, Advisor, Start.AddDays(10));
        tracked[helped.Id].ConfirmByFounder(FounderConfirmation.GotHelp, "Very useful.", Founder, Start.AddDays(12));
        tracked[helped.Id].AnswerFollowUp(FollowUpRespondent.Advisor, FollowUpResults.MarketEntered, null, Advisor, Start.AddDays(100));
        tracked[waiting.Id].ConfirmByFounder(FounderConfirmation.NobodyContacted, null, Founder, Start.AddDays(20));
        tracked[declined.Id].Decline("Not our field.", Partner, Start.AddDays(5));
        tracked[served.Id].Accept(null, Partner, Start.AddDays(6));
        tracked[served.Id].Complete("Landed in Boston.", null, Advisor, Start.AddDays(30));
        await db.SaveChangesAsync();
    }

    /// <summary>The funnel's figures counted straight from the records, each step written out (not through the named rules).</summary>
    private static async Task<int[]> CountAsync(AppDbContext db, FunnelFilter filter)
    {
        var needs = db.Needs.AsNoTracking()
            .Where(n => (filter.CategoryId == null || n.CategoryId == filter.CategoryId) && (filter.RegionId == null || n.Company!.RegionId == filter.RegionId));
        var referrals = db.Referrals.AsNoTracking().Where(r => filter.OrganisationId == null || r.ReceivingOrganisationId == filter.OrganisationId);
        if (filter.OrganisationId is not null)
        {
            needs = needs.Where(n => referrals.Any(r => r.NeedId == n.Id));
        }

        return
        [
            await needs.CountAsync(),
            await needs.CountAsync(n => referrals.Any(r => r.NeedId == n.Id && r.SentAt != null)),
            await needs.CountAsync(n => referrals.Any(r => r.NeedId == n.Id && r.AnsweredAt != null && (r.Status == ReferralStatus.Accepted || r.Status == ReferralStatus.Completed))),
            await needs.CountAsync(n => referrals.Any(r => r.NeedId == n.Id && r.CompletedAt != null)),
            await needs.CountAsync(n => referrals.Any(r => r.NeedId == n.Id && r.CompletedAt != null && (r.FounderConfirmation != null || r.AdvisorFollowUpAt != null || r.FounderFollowUpAt != null))),
            await needs.CountAsync(n => referrals.Any(r => r.NeedId == n.Id && (r.AdvisorFollowUpAt != null || r.FounderFollowUpAt != null))),
            await needs.CountAsync(n => referrals.Any(r => r.NeedId == n.Id && r.FounderConfirmation == FounderConfirmation.GotHelp)),
            await needs.CountAsync(n => referrals.Any(r => r.NeedId == n.Id && r.FounderConfirmation == FounderConfirmation.NobodyContacted)),
        ];
    }
}
