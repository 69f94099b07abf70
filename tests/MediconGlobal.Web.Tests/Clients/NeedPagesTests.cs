using System.Net;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Clients;

/// <summary>Logging a need, its suggestions, referring it, closing it as not available and status changes.</summary>
public sealed class NeedPagesTests(CasePortal cases) : IClassFixture<CasePortal>
{
    [Fact]
    public async Task Post_LogNeed_MissingCategoryAndDescription_ShowsErrors()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Needy"));
        var advisor = await cases.AdvisorAsync();
        var form = await advisor.GetPageAsync($"/clients/{company.Id}/needs/new");

        var response = await advisor.SubmitAsync(form, "#need-form", new Dictionary<string, string> { ["Input.CategoryId"] = "0", ["Input.Description"] = "" });

        var messages = (await response.ParseBodyAsync()).ValidationMessages();
        Assert.Contains("Choose the kind of help the company needs.", messages);
        Assert.Contains("Describe the need in a sentence or two.", messages);
        Assert.False(await cases.DbAsync(db => db.Needs.AnyAsync(n => n.CompanyId == company.Id)));
    }

    [Fact]
    public async Task Post_LogNeed_Valid_OpensTheNeedWithRankedSuggestionsAndWhyEachMatched()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Legal Needs"));
        var advisor = await cases.AdvisorAsync();
        var form = await advisor.GetPageAsync($"/clients/{company.Id}/needs/new");
        var (legal, usa) = await cases.DbAsync(async db => (
            await db.TaxonomyTerms.Where(t => t.Code == "legal").Select(t => t.Id).SingleAsync(),
            await db.TaxonomyTerms.Where(t => t.Code == "usa").Select(t => t.Id).SingleAsync()));

        var response = await advisor.SubmitAsync(form, "#need-form", new Dictionary<string, string>
        {
            ["Input.CategoryId"] = legal.ToString(),
            ["Input.MarketId"] = usa.ToString(),
            ["Input.Description"] = "Distribution agreements for the US.",
            ["Input.Priority"] = "High",
        });

        var need = await cases.DbAsync(db => db.Needs.Include(n => n.StatusHistory).SingleAsync(n => n.CompanyId == company.Id));
        response.AssertRedirectsTo($"/clients/{company.Id}/needs/{need.Id}");
        Assert.Equal((NeedStatus.Open, NeedPriority.High), (need.Status, need.Priority));
        Assert.StartsWith("advisor-", Assert.Single(need.StatusHistory).ChangedByName, StringComparison.Ordinal);
        var page = await advisor.GetPageAsync($"/clients/{company.Id}/needs/{need.Id}");
        var suggestion = Assert.Single(page.QuerySelectorAll(".suggestion"));
        Assert.Contains("Business advisory: legal", suggestion.TextContent, StringComparison.Ordinal);
        Assert.Contains("It offers legal advisory, is open to any target market", suggestion.QuerySelector(".match-reason")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Refer_FromASuggestion_SendsTheReferral_AndEmailsTheReceivingStaff()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Referred"));
        var need = await cases.NeedAsync(company);
        var partnerEmail = $"partner-{Guid.NewGuid():N}@test.example";
        await cases.Portal.CreateUserAsync(partnerEmail, Core.Security.Roles.PartnerStaff, OrganisationSeed.InnovationSkane);
        var advisor = await cases.AdvisorAsync();
        var page = await advisor.GetPageAsync($"/clients/{company.Id}/needs/{need.Id}");

        var response = await advisor.SubmitAsync(page, ".refer-form", new Dictionary<string, string> { ["Refer.Message"] = "Could you help with US contracts?" });

        response.AssertRedirectsTo($"/clients/{company.Id}/needs/{need.Id}");
        var referral = await cases.DbAsync(db => db.Referrals.Include(r => r.ReceivingOrganisation).Include(r => r.Need).SingleAsync(r => r.NeedId == need.Id));
        Assert.Equal((ReferralStatus.Sent, OrganisationSeed.InnovationSkane, NeedStatus.Referred), (referral.Status, referral.ReceivingOrganisation!.SeedKey, referral.Need!.Status));
        Assert.Equal("Could you help with US contracts?", referral.Message);
        // Only this referral's message: the portal's chaser may also remind the new Innovation Skåne staff
        // member of the demo content's overdue referrals to that organisation.
        var email = Assert.Single(cases.Portal.Mailbox.To(partnerEmail), m => Mailbox.LinksTo(m, $"/referrals/{referral.Id}"));
        Assert.Contains($"{Mailbox.PublicUrl}/referrals/{referral.Id}", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(company.Name, email.Subject + email.TextBody + email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_CloseNotAvailable_WhenNothingMatches_ClosesTheNeedInOneStep()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Japan Bound"));
        var need = await cases.NeedAsync(company, "events", "japan");
        var advisor = await cases.AdvisorAsync();
        var page = await advisor.GetPageAsync($"/clients/{company.Id}/needs/{need.Id}");
        Assert.NotNull(page.QuerySelector("#no-match"));

        var response = await advisor.SubmitAsync(page, "#close-not-available");

        response.AssertRedirectsTo($"/clients/{company.Id}/needs/{need.Id}");
        var closed = await cases.DbAsync(db => db.Needs.AsNoTracking().SingleAsync(n => n.Id == need.Id));
        Assert.Equal((NeedStatus.Unmet, UnmetReason.NotAvailable), (closed.Status, closed.UnmetReason));
    }

    [Fact]
    public async Task Post_CloseNotAvailable_WhenAnOfferMatches_IsRefusedWithAReason()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Has Match"));
        var need = await cases.NeedAsync(company, "legal", "usa");
        var advisor = await cases.AdvisorAsync();

        var response = await advisor.PostAsync($"/clients/{company.Id}/needs/{need.Id}?handler=CloseNotAvailable", new Dictionary<string, string> { ["Status.Version"] = "1" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("A published offer matches this need now", (await response.ParseBodyAsync()).Text(), StringComparison.Ordinal);
        Assert.Equal(NeedStatus.Open, await cases.DbAsync(db => db.Needs.Where(n => n.Id == need.Id).Select(n => n.Status).SingleAsync()));
    }

    [Fact]
    public async Task Post_Status_UnmetWithoutReason_OrInvalidTransition_ShowsError()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Status Steps"));
        var need = await cases.NeedAsync(company);
        var advisor = await cases.AdvisorAsync();
        var page = await advisor.GetPageAsync($"/clients/{company.Id}/needs/{need.Id}");

        var noReason = await advisor.SubmitAsync(page, "#status-form", new Dictionary<string, string> { ["Status.To"] = "Unmet" });
        Assert.Contains("Say why the need is unmet.", (await noReason.ParseBodyAsync()).ValidationMessages());

        (await advisor.SubmitAsync(page, "#status-form", new Dictionary<string, string> { ["Status.To"] = "Met", ["Status.Note"] = "Solved in-house" }))
            .AssertRedirectsTo($"/clients/{company.Id}/needs/{need.Id}");
        var invalid = await advisor.PostAsync($"/clients/{company.Id}/needs/{need.Id}?handler=Status", new Dictionary<string, string> { ["Status.To"] = "InProgress", ["Status.Version"] = "2" });

        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("The need cannot move to that status from the one it has now.", (await invalid.ParseBodyAsync()).Text(), StringComparison.Ordinal);
        Assert.Equal(NeedStatus.Met, await cases.DbAsync(db => db.Needs.Where(n => n.Id == need.Id).Select(n => n.Status).SingleAsync()));
    }

    [Fact]
    public async Task Post_StatusOrReferral_OnAnotherOrganisationsNeed_Is404()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Skåne Only"), OrganisationSeed.InnovationSkane);
        var need = await cases.NeedAsync(company);
        var advisor = await cases.AdvisorAsync(OrganisationSeed.SmiLe);
        var offer = await cases.DbAsync(db => db.Offers.Where(o => o.SeedKey == "is-advisory-legal").Select(o => o.Id).SingleAsync());

        var status = await advisor.PostAsync($"/clients/{company.Id}/needs/{need.Id}?handler=Status", new Dictionary<string, string> { ["Status.To"] = "Withdrawn", ["Status.Version"] = "1" });
        var refer = await advisor.PostAsync($"/clients/{company.Id}/needs/{need.Id}?handler=Refer", new Dictionary<string, string> { ["Refer.OfferId"] = offer.ToString(), ["Refer.Version"] = "1" });

        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, refer.StatusCode);
        Assert.Equal(NeedStatus.Open, await cases.DbAsync(db => db.Needs.Where(n => n.Id == need.Id).Select(n => n.Status).SingleAsync()));
    }
}
