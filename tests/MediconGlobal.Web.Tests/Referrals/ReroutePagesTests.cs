using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Testing;
using MediconGlobal.Web.Tests.Infrastructure;
using MediconGlobal.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Referrals;

/// <summary>
/// Response promises on the pages (issue 19 items 1–2, ADR 1762): the need page shows each provider's promise before
/// sending; a referral past twice its promise offers the advisor the next matching offers and re-routes in one step;
/// before that, or for anyone but the referring side, re-routing is refused; project managers set the default promise.
/// </summary>
public sealed class ReroutePagesTests(CasePortal cases) : IClassFixture<CasePortal>
{
    [Fact]
    public async Task NeedPage_ShowsTheProvidersPromise_BeforeSending()
    {
        var need = await cases.NeedAsync(await cases.CompanyAsync(CasePortal.Unique("Promised Client")));
        await cases.DbAsync(async db =>
        {
            (await db.Organisations.SingleAsync(o => o.SeedKey == OrganisationSeed.InnovationSkane)).AnswerWithinWorkingDays = 3;
            return await db.SaveChangesAsync();
        });
        var legal = await cases.DbAsync(db => CaseBuilder.OfferIdAsync(db, "is-advisory-legal"));

        var page = await (await cases.AdvisorAsync()).GetPageAsync($"/clients/{need.CompanyId}/needs/{need.Id}");

        Assert.Contains("Usually answers within 3 working days", page.QuerySelector($"[data-offer-id='{legal}'] .response-promise")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PastTwiceThePromise_TheAdvisorReroutesInOneStep()
    {
        var (referral, een) = await BindingErrorsTests.UnansweredReferralAsync(cases);
        var contact = $"partnering-{Guid.NewGuid():N}@een.example";
        var advisor = await cases.AdvisorAsync();
        var page = await advisor.GetPageAsync($"/referrals/{referral.Id}");
        Assert.NotNull(page.QuerySelector($"#reroute [data-offer-id='{een}']"));
        Assert.Null(page.QuerySelector($"#reroute [data-offer-id='{referral.OfferId}']"));

        var response = await advisor.SubmitAsync(page, $"form.reroute-form:has(input[name='Reroute.OfferId'][value='{een}'])",
            new Dictionary<string, string> { ["Reroute.Message"] = "Could you help instead?", ["Reroute.ContactEmail"] = contact });

        var next = await cases.DbAsync(db => db.Referrals.AsNoTracking().Where(r => r.NeedId == referral.NeedId && r.OfferId == een).SingleAsync());
        response.AssertRedirectsTo($"/referrals/{next.Id}");
        Assert.Equal((ReferralStatus.Sent, contact, "Could you help instead?"), (next.Status, next.ExternalContactEmail!, next.Message!));
        Assert.Equal(ReferralStatus.Unanswered, (await cases.ReloadReferralAsync(referral.Id)).Status);
        Assert.NotNull(await cases.Portal.Mailbox.WaitForAsync(contact));
        var closed = await advisor.GetPageAsync($"/referrals/{referral.Id}");
        Assert.Null(closed.QuerySelector("#reroute"));
        Assert.Contains(closed.QuerySelectorAll(".badge"), b => b.TextContent.Contains("No answer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BeforeTwiceThePromise_OrByThePartner_ReroutingIsRefused()
    {
        var waiting = await cases.ReferralAsync(await cases.NeedAsync(await cases.CompanyAsync(CasePortal.Unique("Still Waiting"))));
        var advisor = await cases.AdvisorAsync();
        Assert.Null((await advisor.GetPageAsync($"/referrals/{waiting.Id}")).QuerySelector("#reroute"));
        var early = await advisor.PostAsync($"/referrals/{waiting.Id}?handler=Reroute", new Dictionary<string, string> { ["Reroute.OfferId"] = waiting.OfferId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Reroute.Version"] = "1", ["Reroute.ContactEmail"] = "someone@example.org" });
        Assert.Contains("not one of the next matching offers", (await early.ParseBodyAsync()).Text(), StringComparison.Ordinal);

        var (unanswered, een) = await BindingErrorsTests.UnansweredReferralAsync(cases);
        var partner = await cases.PartnerAsync(OrganisationSeed.InnovationSkane);
        Assert.Null((await partner.GetPageAsync($"/referrals/{unanswered.Id}")).QuerySelector("#reroute"));
        var byPartner = await partner.PostAsync($"/referrals/{unanswered.Id}?handler=Reroute", new Dictionary<string, string>
        {
            ["Reroute.OfferId"] = een.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Reroute.Version"] = "1",
            ["Reroute.ContactEmail"] = "someone@een.example",
        });
        Assert.Contains("Only the referring organisation's advisors can re-route a referral.", (await byPartner.ParseBodyAsync()).Text(), StringComparison.Ordinal);
        Assert.Equal(ReferralStatus.Sent, (await cases.ReloadReferralAsync(waiting.Id)).Status);
        Assert.Equal(ReferralStatus.Sent, (await cases.ReloadReferralAsync(unanswered.Id)).Status);
    }

    [Fact]
    public async Task Settings_TheProjectManagerSetsTheDefaultPromise_OthersMayNotOpenThem()
    {
        var pm = await cases.ProjectManagerAsync();
        var page = await pm.GetPageAsync("/settings/referrals");

        var empty = await pm.SubmitAsync(page, "#referral-settings-form", new Dictionary<string, string> { ["Input.DefaultAnswerWorkingDays"] = "45" });
        Assert.Contains("Give a whole number of working days from 1 to 30.", (await empty.ParseBodyAsync()).ValidationMessages());
        (await pm.SubmitAsync(page, "#referral-settings-form", new Dictionary<string, string> { ["Input.DefaultAnswerWorkingDays"] = "7" })).AssertRedirectsTo("/settings/referrals");

        Assert.Equal(7, await cases.DbAsync(db => Core.Referrals.ResponsePromises.DefaultAsync(db)));
        (await (await cases.AdvisorAsync()).GetAsync("/settings/referrals")).AssertRedirectsTo("/Identity/Account/AccessDenied");
        (await (await cases.PartnerAsync()).GetAsync("/settings/referrals")).AssertRedirectsTo("/Identity/Account/AccessDenied");
    }
}
