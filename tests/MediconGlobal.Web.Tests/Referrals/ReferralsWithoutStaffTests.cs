using System.Net;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Testing;
using MediconGlobal.Web.Tests.Clients;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Referrals;

/// <summary>
/// Referrals to organisations with no staff accounts (issue 11 item 7): the advisor is told before sending, the
/// referral goes by e-mail to a contact there, who accepts or declines through the signed link without an account;
/// the advisor is told; a used, forged or foreign link changes nothing.
/// </summary>
public sealed class ReferralsWithoutStaffTests(CasePortal cases) : IClassFixture<CasePortal>
{
    [Fact]
    public async Task NeedPage_SaysBeforeSending_ThatNobodyAtTheOrganisationAnswersInThePortal()
    {
        var (advisor, need, een, _) = await NeedMatchingEenAsync();

        var page = await advisor.GetPageAsync($"/clients/{need.CompanyId}/needs/{need.Id}");

        Assert.Contains("Nobody at Enterprise Europe Network answers referrals in the portal", page.QuerySelector($"[data-offer-id='{een}'] .no-staff-note")!.TextContent, StringComparison.Ordinal);
        var others = page.QuerySelectorAll(".suggestion").Select(s => int.Parse(s.GetAttribute("data-offer-id")!, System.Globalization.CultureInfo.InvariantCulture)).Where(id => id != een).ToList();
        Assert.NotEmpty(others);
        foreach (var provider in await cases.DbAsync(db => db.Offers.Where(o => others.Contains(o.Id)).Select(o => o.ProviderId).Distinct().ToListAsync()))
        {
            await cases.Portal.CreateUserAsync($"staff-{Guid.NewGuid():N}@test.example", Roles.PartnerStaff, organisationId: provider);
        }

        var staffed = await advisor.GetPageAsync($"/clients/{need.CompanyId}/needs/{need.Id}");
        Assert.All(others, id => Assert.Null(staffed.QuerySelector($"[data-offer-id='{id}'] .no-staff-note")));
        Assert.NotNull(staffed.QuerySelector($"[data-offer-id='{een}'] .no-staff-note"));
    }

    [Fact]
    public async Task ReferralByEmail_IsAnsweredThroughTheLink_AndTheAdvisorIsTold()
    {
        var (advisor, need, een, company) = await NeedMatchingEenAsync();
        var contact = $"contact-{Guid.NewGuid():N}@een.test";
        var page = await advisor.GetPageAsync($"/clients/{need.CompanyId}/needs/{need.Id}");

        var sent = await advisor.SubmitAsync(page, $"[data-offer-id='{een}'] .refer-form", new Dictionary<string, string> { ["Refer.ContactEmail"] = contact, ["Refer.Message"] = "Could you help with EU partners?" });

        sent.AssertRedirectsTo($"/clients/{need.CompanyId}/needs/{need.Id}");
        var referral = await cases.DbAsync(db => db.Referrals.AsNoTracking().SingleAsync(r => r.NeedId == need.Id));
        Assert.Equal((ReferralStatus.Sent, contact), (referral.Status, referral.ExternalContactEmail));
        var mail = await cases.Portal.Mailbox.WaitForAsync(contact);
        var link = Mailbox.LinkIn(mail, "/referrals/answer");
        Assert.StartsWith(Mailbox.PublicUrl + "/", link, StringComparison.Ordinal);

        var outsider = cases.Portal.CreatePortalClient();
        var answerPage = await outsider.GetPageAsync(Mailbox.Local(link));
        Assert.DoesNotContain(company, answerPage.Body!.TextContent, StringComparison.Ordinal);
        var accepted = await outsider.SubmitAsync(answerPage, "#answer-form", new Dictionary<string, string> { ["Answer.Text"] = "Yes, we will call them." }, "Accept");

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var answered = await cases.ReloadReferralAsync(referral.Id);
        Assert.Equal((ReferralStatus.Accepted, "Yes, we will call them.", null as string), (answered.Status, answered.Answer, answered.AnsweredByUserId));
        Assert.Contains(contact, answered.AnsweredByName, StringComparison.Ordinal);
        await cases.Portal.Mailbox.WaitForAsync(AdvisorEmail, m => m.Subject.Contains("accepted", StringComparison.Ordinal));

        var again = await outsider.SubmitAsync(answerPage, "#answer-form", new Dictionary<string, string> { ["Answer.Text"] = "Actually no." }, "Decline");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(ReferralStatus.Accepted, (await cases.ReloadReferralAsync(referral.Id)).Status);
    }

    [Fact]
    public async Task ReferralToAnOrganisationWithoutStaff_NeedsAContactAddress()
    {
        var (advisor, need, een, _) = await NeedMatchingEenAsync();
        var page = await advisor.GetPageAsync($"/clients/{need.CompanyId}/needs/{need.Id}");

        var response = await advisor.SubmitAsync(page, $"[data-offer-id='{een}'] .refer-form", new Dictionary<string, string> { ["Refer.ContactEmail"] = "" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nobody at this organisation answers in the portal: give the e-mail address of someone there who can answer.", (await response.ParseBodyAsync()).ValidationMessages());
        Assert.False(await cases.DbAsync(db => db.Referrals.AnyAsync(r => r.NeedId == need.Id)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("CfDJ8forged")]
    public async Task AnswerPage_WithABrokenLink_IsABadRequest(string token)
    {
        var response = await cases.Portal.CreatePortalClient().GetAsync($"/referrals/answer?token={token}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("This link has expired or is not complete.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decline_WithoutAReason_ShowsTheMessage_AndChangesNothing()
    {
        var (advisor, need, een, _) = await NeedMatchingEenAsync();
        var contact = $"decliner-{Guid.NewGuid():N}@een.test";
        await advisor.SubmitAsync(await advisor.GetPageAsync($"/clients/{need.CompanyId}/needs/{need.Id}"), $"[data-offer-id='{een}'] .refer-form", new Dictionary<string, string> { ["Refer.ContactEmail"] = contact });
        var link = Mailbox.LinkIn(await cases.Portal.Mailbox.WaitForAsync(contact), "/referrals/answer");
        var outsider = cases.Portal.CreatePortalClient();

        var response = await outsider.SubmitAsync(await outsider.GetPageAsync(Mailbox.Local(link)), "#answer-form", new Dictionary<string, string> { ["Answer.Text"] = "" }, "Decline");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Say why you decline, so the advisor can find another way.", (await response.ParseBodyAsync()).ValidationMessages());
        Assert.Equal(ReferralStatus.Sent, (await cases.DbAsync(db => db.Referrals.AsNoTracking().SingleAsync(r => r.NeedId == need.Id))).Status);
    }

    private static readonly string AdvisorEmail = $"een-advisor-{Guid.NewGuid():N}@test.example";

    private async Task<(HttpClient Advisor, Need Need, int EenOffer, string Company)> NeedMatchingEenAsync()
    {
        if (!await cases.DbAsync(db => db.Users.AnyAsync(u => u.Email == AdvisorEmail)))
        {
            await cases.Portal.CreateUserAsync(AdvisorEmail, Roles.Advisor, OrganisationSeed.SmiLe);
        }

        var advisor = cases.Portal.CreatePortalClient();
        await advisor.SignInAsync(AdvisorEmail, PortalFactory.Password);
        var company = await cases.CompanyAsync(CasePortal.Unique("Een Client"));
        var need = await cases.NeedAsync(company, category: "partnering", market: "eu");
        return (advisor, need, await cases.DbAsync(db => CaseBuilder.OfferIdAsync(db, "een-partnering")), company.Name);
    }
}
