using System.Net;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Clients;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.MyCompany;

/// <summary>/my-company (issue 17 item 5): a founder sees their company, withdraws consent and proposes corrections; advisors answer.</summary>
public sealed class MyCompanyTests(CasePortal cases) : IClassFixture<CasePortal>
{
    [Fact]
    public async Task Get_ShowsTheProfileAndConsent_ButNotTheAdvisorsNotes()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Profile Visible AB"));
        await cases.DbAsync(async db =>
        {
            db.CompanyNotes.Add(new CompanyNote { CompanyId = company.Id, Text = "Internal: founder seems hesitant.", AuthorUserId = "advisor", AuthorName = "Ada Advisor", CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        var founder = await cases.FounderAsync(company.Id);

        var page = await founder.GetPageAsync("/my-company");

        Assert.Contains(company.Name, page.Text(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#withdrawal-form"));
        Assert.NotNull(page.QuerySelector(".consent-history li"));
        Assert.DoesNotContain("founder seems hesitant", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithdrawConsent_TakesEffectAtOnce_PartnerLosesTheIdentity_AndAdvisorsAreToldByMailAndInApp()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Withdrawing Diagnostics"));
        var referral = await cases.ReferralAsync(await cases.NeedAsync(company));
        var partner = await cases.PartnerAsync(OrganisationSeed.InnovationSkane);
        var advisorEmail = $"advisor-{Guid.NewGuid():N}@test.example";
        var advisor = await cases.Portal.SignedInClientAsync(advisorEmail, Roles.Advisor, OrganisationSeed.SmiLe);
        Assert.Contains(company.Name, (await partner.GetPageAsync($"/referrals/{referral.Id}")).Text(), StringComparison.Ordinal);
        var founder = await cases.FounderAsync(company.Id);

        var response = await founder.SubmitAsync(await founder.GetPageAsync("/my-company"), "#withdrawal-form", new Dictionary<string, string> { ["Withdrawal.Reason"] = "We are in stealth mode." });

        response.AssertRedirectsTo("/my-company");
        Assert.False(await cases.DbAsync(db => db.Companies.Where(c => c.Id == company.Id).Select(c => c.SharesDataWithPartners).SingleAsync()));
        var detail = await partner.GetPageAsync($"/referrals/{referral.Id}");
        Assert.DoesNotContain(company.Name, detail.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.NotNull(detail.QuerySelector(".company-anonymous"));
        var mail = Assert.Single(cases.Portal.Mailbox.To(advisorEmail));
        Assert.Contains($"{Mailbox.PublicUrl}/clients/{company.Id}#consent", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(company.Name, mail.TextBody, StringComparison.Ordinal);
        var notifications = (await advisor.GetPageAsync("/notifications")).Text();
        Assert.Contains($"withdrew the consent of {company.Name}", notifications, StringComparison.Ordinal);
        Assert.Contains("We are in stealth mode.", notifications, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithdrawConsent_WithAnOldVersion_ChangesNothing_AndSaysSo()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Stale Form AB"));
        var founder = await cases.FounderAsync(company.Id);
        var page = await founder.GetPageAsync("/my-company");
        await cases.DbAsync(async db =>
        {
            var row = await db.Companies.SingleAsync(c => c.Id == company.Id);
            row.Website = "https://changed.example";
            return await db.SaveChangesAsync();
        });

        var response = await founder.SubmitAsync(page, "#withdrawal-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nothing was changed", (await response.ParseBodyAsync()).Text(), StringComparison.Ordinal);
        Assert.True(await cases.DbAsync(db => db.Companies.Where(c => c.Id == company.Id).Select(c => c.SharesDataWithPartners).SingleAsync()));
    }

    [Fact]
    public async Task Propose_Empty_ShowsTheError_AndSavesNothing()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Terse Proposal AB"));
        var founder = await cases.FounderAsync(company.Id);

        var response = await founder.SubmitAsync(await founder.GetPageAsync("/my-company"), "#proposal-form", new Dictionary<string, string> { ["Proposal.Message"] = " " });

        Assert.Contains("Say what is wrong and what it should say.", (await response.ParseBodyAsync()).ValidationMessages());
        Assert.False(await cases.DbAsync(db => db.CompanyCorrections.AnyAsync(c => c.CompanyId == company.Id)));
    }

    [Fact]
    public async Task Propose_ThenAdvisorAccepts_FounderSeesTheAnswer()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Corrected Medtech"));
        var advisorEmail = $"advisor-{Guid.NewGuid():N}@test.example";
        var advisor = await cases.Portal.SignedInClientAsync(advisorEmail, Roles.Advisor, OrganisationSeed.SmiLe);
        var founder = await cases.FounderAsync(company.Id);

        var proposed = await founder.SubmitAsync(await founder.GetPageAsync("/my-company"), "#proposal-form", new Dictionary<string, string> { ["Proposal.Message"] = "We have 12 employees now, not 3." });

        proposed.AssertRedirectsTo("/my-company");
        Assert.Contains($"{Mailbox.PublicUrl}/clients/{company.Id}#corrections", Assert.Single(cases.Portal.Mailbox.To(advisorEmail)).TextBody, StringComparison.Ordinal);
        var clientPage = await advisor.GetPageAsync($"/clients/{company.Id}");
        Assert.Contains("We have 12 employees now, not 3.", clientPage.Text(), StringComparison.Ordinal);
        var answered = await advisor.SubmitAsync(clientPage, "form.correction-answer", new Dictionary<string, string> { ["Answer.Response"] = "Thanks, corrected.", ["Answer.Outcome"] = "Resolved" });
        answered.AssertRedirectsTo($"/clients/{company.Id}");
        var correction = await cases.DbAsync(db => db.CompanyCorrections.SingleAsync(c => c.CompanyId == company.Id));
        Assert.Equal((CorrectionStatus.Resolved, "Thanks, corrected."), (correction.Status, correction.Response));
        var mine = (await founder.GetPageAsync("/my-company")).Text();
        Assert.Contains("Accepted", mine, StringComparison.Ordinal);
        Assert.Contains("Thanks, corrected.", mine, StringComparison.Ordinal);
        Assert.Contains("Your advisors accepted your proposed correction", (await founder.GetPageAsync("/notifications")).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerCorrection_ByAnotherOrganisationsAdvisorOrTheFounder_IsRefused()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Guarded Proposal AB"));
        var founder = await cases.FounderAsync(company.Id);
        await founder.SubmitAsync(await founder.GetPageAsync("/my-company"), "#proposal-form", new Dictionary<string, string> { ["Proposal.Message"] = "Our sector is wrong." });
        var correction = await cases.DbAsync(db => db.CompanyCorrections.SingleAsync(c => c.CompanyId == company.Id));
        var stranger = await cases.AdvisorAsync(OrganisationSeed.InnovationSkane);
        var values = new Dictionary<string, string> { ["Answer.CorrectionId"] = correction.Id.ToString(), ["Answer.Version"] = correction.Version.ToString(), ["Answer.Outcome"] = "Dismissed" };

        var byStranger = await stranger.PostAsync($"/clients/{company.Id}?handler=AnswerCorrection", values);
        var byFounder = await founder.PostAsync($"/clients/{company.Id}?handler=AnswerCorrection", values);

        Assert.Equal(HttpStatusCode.NotFound, byStranger.StatusCode);
        byFounder.AssertRedirectsTo("/Identity/Account/AccessDenied");
        Assert.Equal(CorrectionStatus.Open, await cases.DbAsync(db => db.CompanyCorrections.Where(c => c.Id == correction.Id).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task MyCompany_StaffAreRefused_AndAFounderReachesOnlyTheirOwnCompany()
    {
        var mine = await cases.CompanyAsync(CasePortal.Unique("Own Company AB"));
        var theirs = await cases.CompanyAsync(CasePortal.Unique("Other Company AB"));
        var founder = await cases.FounderAsync(mine.Id);
        var advisor = await cases.AdvisorAsync();

        (await advisor.GetAsync("/my-company")).AssertRedirectsTo("/Identity/Account/AccessDenied");
        var page = (await founder.GetPageAsync("/my-company")).Text();
        Assert.DoesNotContain(theirs.Name, page, StringComparison.Ordinal);
        (await founder.GetAsync($"/clients/{theirs.Id}")).AssertRedirectsTo("/Identity/Account/AccessDenied");
    }
}
