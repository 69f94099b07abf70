using System.Net;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Web.Tests.Clients;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Referrals;

/// <summary>/referrals (inbox and sent list) and /referrals/{id}: answering, completing, scoping, anonymity.</summary>
public sealed class ReferralPagesTests(CasePortal cases) : IClassFixture<CasePortal>
{
    [Fact]
    public async Task Inbox_WithoutConsent_ShowsTheNeedButNotWhoTheCompanyIs()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Hush Hush Therapeutics"), consent: false, organisationNumber: "5560125790");
        var need = await cases.NeedAsync(company);
        var referral = await cases.ReferralAsync(need);
        var partner = await cases.PartnerAsync(OrganisationSeed.InnovationSkane);

        var inbox = await partner.GetPageAsync("/referrals");
        var detail = await partner.GetPageAsync($"/referrals/{referral.Id}");

        Assert.NotNull(inbox.QuerySelector($"a[href='/referrals/{referral.Id}']"));
        foreach (var html in new[] { inbox.DocumentElement.OuterHtml, detail.DocumentElement.OuterHtml })
        {
            Assert.DoesNotContain(company.Name, html, StringComparison.Ordinal);
            Assert.DoesNotContain("556012-5790", html, StringComparison.Ordinal);
            Assert.DoesNotContain($"/clients/{company.Id}", html, StringComparison.Ordinal);
        }

        Assert.Contains("Needs help to enter the market.", detail.Text(), StringComparison.Ordinal);
        Assert.NotNull(detail.QuerySelector(".company-anonymous"));
    }

    [Fact]
    public async Task Detail_WithConsent_ShowsTheCompany()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Open Book Diagnostics"), consent: true);
        var referral = await cases.ReferralAsync(await cases.NeedAsync(company));
        var partner = await cases.PartnerAsync(OrganisationSeed.InnovationSkane);

        Assert.Contains(company.Name, (await partner.GetPageAsync($"/referrals/{referral.Id}")).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Referral_ToAnotherOrganisation_Is404_ForPartnerAndAdvisorOfOthers()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Private Client"));
        var referral = await cases.ReferralAsync(await cases.NeedAsync(company));
        var dlscPartner = await cases.PartnerAsync(OrganisationSeed.Dlsc);
        var skaneAdvisor = await cases.AdvisorAsync(OrganisationSeed.InnovationSkane);

        Assert.Equal(HttpStatusCode.NotFound, (await dlscPartner.GetAsync($"/referrals/{referral.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await skaneAdvisor.GetAsync($"/referrals/{referral.Id}")).StatusCode);
        Assert.DoesNotContain($"/referrals/{referral.Id}'", (await dlscPartner.GetPageAsync("/referrals?focus=All")).DocumentElement.OuterHtml, StringComparison.Ordinal);
        var accept = await dlscPartner.PostAsync($"/referrals/{referral.Id}?handler=Accept", new Dictionary<string, string> { ["Answer.Version"] = "1" });
        Assert.Equal(HttpStatusCode.NotFound, accept.StatusCode);
        Assert.Equal(ReferralStatus.Sent, (await cases.ReloadReferralAsync(referral.Id)).Status);
    }

    [Fact]
    public async Task Post_WithoutAHandler_IsABadRequest_NotAnError()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("No Handler"));
        var referral = await cases.ReferralAsync(await cases.NeedAsync(company));
        var partner = await cases.PartnerAsync(OrganisationSeed.InnovationSkane);

        var response = await partner.PostAsync($"/referrals/{referral.Id}", new Dictionary<string, string> { ["Answer.Version"] = "1" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Referrals_Founder_IsRefused()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Founder Co"));
        var founder = await cases.FounderAsync(company.Id);

        (await founder.GetAsync("/referrals")).AssertRedirectsTo("/Identity/Account/AccessDenied");
    }

    [Fact]
    public async Task Decline_WithoutReason_ShowsError_WithReason_IsRecordedAndTheAdvisorEmailed()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Declined Client"));
        var advisorEmail = $"sender-{Guid.NewGuid():N}@test.example";
        var sender = await cases.Portal.CreateUserAsync(advisorEmail, Core.Security.Roles.Advisor, OrganisationSeed.SmiLe);
        var referral = await cases.DbAsync(async db => await Testing.CaseBuilder.ReferAsync(db, await Testing.CaseBuilder.NeedAsync(db, company, "legal", "usa", DateTime.UtcNow), "is-advisory-legal", DateTime.UtcNow, sender.Id));
        var partner = await cases.PartnerAsync(OrganisationSeed.InnovationSkane);
        var page = await partner.GetPageAsync($"/referrals/{referral.Id}");

        var noReason = await partner.SubmitAsync(page, "#answer-form", new Dictionary<string, string> { ["Answer.Text"] = "" }, submitter: "Decline");
        Assert.Contains("Say why you decline, so the advisor can find another way.", (await noReason.ParseBodyAsync()).ValidationMessages());

        (await partner.SubmitAsync(page, "#answer-form", new Dictionary<string, string> { ["Answer.Text"] = "Our intake is full until spring." }, submitter: "Decline"))
            .AssertRedirectsTo($"/referrals/{referral.Id}");
        var saved = await cases.ReloadReferralAsync(referral.Id);
        Assert.Equal((ReferralStatus.Declined, "Our intake is full until spring."), (saved.Status, saved.Answer));
        Assert.StartsWith("partner-", saved.AnsweredByName, StringComparison.Ordinal);
        Assert.NotNull(cases.Portal.Mailbox.NewestTo(advisorEmail, subject: "declined"));
    }

    [Fact]
    public async Task Accept_ByTheAdvisor_IsRefused_Complete_BeforeAccept_IsRefused()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Out Of Order"));
        var referral = await cases.ReferralAsync(await cases.NeedAsync(company));
        var advisor = await cases.AdvisorAsync();

        var accept = await advisor.PostAsync($"/referrals/{referral.Id}?handler=Accept", new Dictionary<string, string> { ["Answer.Version"] = "1" });
        var complete = await advisor.PostAsync($"/referrals/{referral.Id}?handler=Complete", new Dictionary<string, string> { ["Completion.Outcome"] = "Done", ["Completion.Version"] = "1" });

        Assert.Contains("Only staff of the receiving organisation", (await accept.ParseBodyAsync()).Text(), StringComparison.Ordinal);
        Assert.Contains("Only an accepted referral can be completed.", (await complete.ParseBodyAsync()).Text(), StringComparison.Ordinal);
        Assert.Equal(ReferralStatus.Sent, (await cases.ReloadReferralAsync(referral.Id)).Status);
    }

    [Fact]
    public async Task AcceptThenComplete_RecordsTheOutcome_AndMarksTheNeedMet()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Happy Ending"));
        var referral = await cases.ReferralAsync(await cases.NeedAsync(company));
        var partner = await cases.PartnerAsync(OrganisationSeed.InnovationSkane);
        var advisor = await cases.AdvisorAsync();

        var page = await partner.GetPageAsync($"/referrals/{referral.Id}");
        (await partner.SubmitAsync(page, "#answer-form", new Dictionary<string, string> { ["Answer.Text"] = "Welcome!" }, submitter: "Accept")).AssertRedirectsTo($"/referrals/{referral.Id}");
        var completeForm = await advisor.GetPageAsync($"/referrals/{referral.Id}");
        var empty = await advisor.SubmitAsync(completeForm, "#complete-form", new Dictionary<string, string> { ["Completion.Outcome"] = "" });
        Assert.Contains("Describe the outcome: what came of the referral?", (await empty.ParseBodyAsync()).ValidationMessages());
        (await advisor.SubmitAsync(completeForm, "#complete-form", new Dictionary<string, string> { ["Completion.Outcome"] = "Contract template reviewed." })).AssertRedirectsTo($"/referrals/{referral.Id}");

        var saved = await cases.ReloadReferralAsync(referral.Id);
        Assert.Equal((ReferralStatus.Completed, "Contract template reviewed.", NeedStatus.Met), (saved.Status, saved.Outcome, saved.Need!.Status));
        Assert.True(await cases.DbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Referral" && a.EntityId == referral.Id.ToString() && a.Changes.Contains("Completed"))));
    }

    [Fact]
    public async Task Overdue_IsFlaggedOnBothSides()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Long Wait"));
        var referral = await cases.ReferralAsync(await cases.NeedAsync(company, at: DateTime.UtcNow.AddDays(-20)), at: DateTime.UtcNow.AddDays(-15));
        var partner = await cases.PartnerAsync(OrganisationSeed.InnovationSkane);
        var advisor = await cases.AdvisorAsync();

        foreach (var client in new[] { partner, advisor })
        {
            var list = await client.GetPageAsync("/referrals?focus=Overdue");
            var row = list.QuerySelector($"a[href='/referrals/{referral.Id}']")?.Closest("tr");
            Assert.NotNull(row);
            Assert.Contains("Overdue", row.TextContent, StringComparison.Ordinal);
        }

        Assert.Contains("Overdue", (await advisor.GetPageAsync($"/clients?q={Uri.EscapeDataString(company.Name)}")).Text(), StringComparison.Ordinal);
    }
}
