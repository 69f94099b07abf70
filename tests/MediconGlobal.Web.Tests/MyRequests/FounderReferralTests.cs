using System.Net;
using MediconGlobal.Core.Domain;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.MyRequests;

/// <summary>
/// Issue 19 item 3 (ADR 1776): a founder sees a referral made for their company and says whether they got help; the
/// answer is recorded on the referral (who, when), changeable, version-checked, and shown to the advisors. Another
/// company's founder gets 404.
/// </summary>
public sealed class FounderReferralTests(CasePortal cases) : IClassFixture<CasePortal>
{
    [Fact]
    public async Task Founder_SaysNobodyContactedThem_TheReferralRecordsIt_AndTheAdvisorSeesTheSignal()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Waiting Startup"));
        var need = await cases.NeedAsync(company);
        var referral = await cases.ReferralAsync(need);
        var founder = await cases.FounderAsync(company.Id);

        var list = await founder.GetPageAsync("/my-requests");
        Assert.NotNull(list.QuerySelector($"a.referral-answer-link[href='/my-requests/referrals/{referral.Id}']"));
        var page = await founder.GetPageAsync($"/my-requests/referrals/{referral.Id}");
        Assert.DoesNotContain("Please help this client.", page.Text(), StringComparison.Ordinal); // the advisor's message is not the founder's
        var response = await founder.SubmitAsync(page, "#confirm-form", new Dictionary<string, string>
        {
            ["Confirmation.Answer"] = nameof(FounderConfirmation.NobodyContacted),
            ["Confirmation.Comment"] = "Three weeks and no call.",
        });

        response.AssertRedirectsTo($"/my-requests/referrals/{referral.Id}");
        var saved = await cases.ReloadReferralAsync(referral.Id);
        Assert.Equal((FounderConfirmation.NobodyContacted, "Three weeks and no call."), (saved.FounderConfirmation, saved.FounderComment));
        Assert.NotNull(saved.FounderConfirmedAt);
        Assert.False(string.IsNullOrEmpty(saved.FounderConfirmedByUserId));
        var advisor = await cases.AdvisorAsync();
        Assert.Contains("The founder says nobody contacted them.", (await advisor.GetPageAsync($"/referrals/{referral.Id}")).Text(), StringComparison.Ordinal);
        Assert.NotNull((await advisor.GetPageAsync($"/clients/{company.Id}/needs/{need.Id}")).QuerySelector(".founder-signal"));
        var partner = await cases.PartnerAsync();
        Assert.Null((await partner.GetPageAsync($"/referrals/{referral.Id}")).QuerySelector("#referral-feedback"));
    }

    [Fact]
    public async Task Founder_ChangesTheAnswer_TheLatestCounts()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Changing Startup"));
        var referral = await cases.ReferralAsync(await cases.NeedAsync(company));
        var founder = await cases.FounderAsync(company.Id);
        foreach (var answer in new[] { FounderConfirmation.NobodyContacted, FounderConfirmation.GotHelp })
        {
            var page = await founder.GetPageAsync($"/my-requests/referrals/{referral.Id}");
            (await founder.SubmitAsync(page, "#confirm-form", new Dictionary<string, string> { ["Confirmation.Answer"] = answer.ToString() })).AssertRedirectsTo("/my-requests/referrals/");
        }

        Assert.Equal(FounderConfirmation.GotHelp, (await cases.ReloadReferralAsync(referral.Id)).FounderConfirmation);
        Assert.Contains("You said: I got help", (await founder.GetPageAsync("/my-requests")).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithoutAnAnswer_ShowsTheError_AndSavesNothing()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Silent Startup"));
        var referral = await cases.ReferralAsync(await cases.NeedAsync(company));
        var founder = await cases.FounderAsync(company.Id);
        var page = await founder.GetPageAsync($"/my-requests/referrals/{referral.Id}");

        var response = await founder.SubmitAsync(page, "#confirm-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose whether you got help.", (await response.ParseBodyAsync()).ValidationMessages());
        Assert.Null((await cases.ReloadReferralAsync(referral.Id)).FounderConfirmation);
    }

    [Fact]
    public async Task Post_AfterTheReferralChanged_IsAConflict_AndSavesNothing()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Racing Startup"));
        var referral = await cases.ReferralAsync(await cases.NeedAsync(company));
        var founder = await cases.FounderAsync(company.Id);
        var page = await founder.GetPageAsync($"/my-requests/referrals/{referral.Id}");
        await cases.DbAsync(async db =>
        {
            var tracked = await db.Referrals.SingleAsync(r => r.Id == referral.Id);
            tracked.Accept("We will call.", new Actor("partner", "Partner"), DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });

        var response = await founder.SubmitAsync(page, "#confirm-form", new Dictionary<string, string> { ["Confirmation.Answer"] = nameof(FounderConfirmation.GotHelp) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("before your click arrived", (await response.ParseBodyAsync()).Text(), StringComparison.Ordinal);
        Assert.Null((await cases.ReloadReferralAsync(referral.Id)).FounderConfirmation);
    }

    [Fact]
    public async Task AnotherCompanysFounder_GetsNotFound_AndChangesNothing()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Own Startup"));
        var referral = await cases.ReferralAsync(await cases.NeedAsync(company));
        var other = await cases.FounderAsync((await cases.CompanyAsync(CasePortal.Unique("Other Startup"))).Id);

        await other.GetPageAsync($"/my-requests/referrals/{referral.Id}", HttpStatusCode.NotFound);
        var response = await other.PostAsync($"/my-requests/referrals/{referral.Id}", new Dictionary<string, string>
        {
            ["Confirmation.Answer"] = nameof(FounderConfirmation.NobodyContacted),
            ["Confirmation.Version"] = referral.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null((await cases.ReloadReferralAsync(referral.Id)).FounderConfirmation);
        var advisor = await cases.AdvisorAsync();
        (await advisor.GetAsync($"/my-requests/referrals/{referral.Id}")).AssertRedirectsTo("/Identity/Account/AccessDenied");
    }
}
