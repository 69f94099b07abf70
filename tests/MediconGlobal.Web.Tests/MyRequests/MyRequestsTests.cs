using System.Net;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Clients;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.MyRequests;

/// <summary>A founder asks for help and follows the request; advisors of the home incubator see it.</summary>
public sealed class MyRequestsTests(CasePortal cases) : IClassFixture<CasePortal>
{
    [Fact]
    public async Task RequestHelp_FromAnOffer_CreatesANeedForTheHomeIncubator_AndEmailsItsAdvisors()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Founder Startup"));
        var founder = await cases.FounderAsync(company.Id);
        var advisorEmail = $"advisor-{Guid.NewGuid():N}@test.example";
        await cases.Portal.CreateUserAsync(advisorEmail, Roles.Advisor, OrganisationSeed.SmiLe);
        var offer = await cases.DbAsync(db => db.Offers.Where(o => o.SeedKey == "is-advisory-ipr").Select(o => new { o.Id, o.CategoryId }).SingleAsync());
        var form = await founder.GetPageAsync($"/my-requests/new?offerId={offer.Id}");
        Assert.Equal(offer.CategoryId.ToString(), form.QuerySelector("#Input_CategoryId option[selected]")?.GetAttribute("value"));

        var response = await founder.SubmitAsync(form, "#request-form", new Dictionary<string, string> { ["Input.Description"] = "We need a patent strategy before our US launch." });

        response.AssertRedirectsTo("/my-requests");
        var need = await cases.DbAsync(db => db.Needs.SingleAsync(n => n.CompanyId == company.Id));
        Assert.Equal((true, offer.Id, offer.CategoryId, NeedStatus.Open), (need.RequestedByCompany, need.RequestedOfferId, need.CategoryId, need.Status));
        Assert.Contains(cases.Portal.Mailbox.To(advisorEmail), e => e.TextBody.Contains($"{Mailbox.PublicUrl}/clients/{company.Id}/needs/{need.Id}", StringComparison.Ordinal));
        Assert.Contains("We need a patent strategy", (await founder.GetPageAsync("/my-requests")).Text(), StringComparison.Ordinal);
        var advisor = await cases.AdvisorAsync();
        Assert.Contains("Asked by the company", (await advisor.GetPageAsync($"/clients/{company.Id}")).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OfferPage_OffersFoundersTheRequest_VisitorsASignIn_StaffNothing()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Browsing Startup"));
        var founder = await cases.FounderAsync(company.Id);
        var advisor = await cases.AdvisorAsync();
        var offer = await cases.DbAsync(db => db.Offers.Where(o => o.SeedKey == "is-advisory-ipr").Select(o => new { o.Id, o.CategoryId }).SingleAsync());
        var target = $"/my-requests/new?offerId={offer.Id}&categoryId={offer.CategoryId}";

        var forFounder = await founder.GetPageAsync($"/offers/{offer.Id}");
        var forVisitor = await cases.Portal.CreatePortalClient().GetPageAsync($"/offers/{offer.Id}");
        var forAdvisor = await advisor.GetPageAsync($"/offers/{offer.Id}");

        Assert.NotNull(forFounder.QuerySelector($".request-help a[href='{target}']"));
        Assert.NotNull(forVisitor.QuerySelector($".request-help a[href='/Identity/Account/Login?returnUrl={Uri.EscapeDataString(target)}']"));
        Assert.Null(forAdvisor.QuerySelector(".request-help"));
        var form = await founder.GetPageAsync(target);
        Assert.Equal(offer.Id.ToString(), form.QuerySelector("input[name='Input.OfferId']")?.GetAttribute("value"));
    }

    [Fact]
    public async Task GuidedPath_OffersTheRequest_WithTheAnswersFilledIn()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Guided Startup"));
        var founder = await cases.FounderAsync(company.Id);
        var (legal, usa) = await cases.DbAsync(async db => (
            await db.TaxonomyTerms.Where(t => t.Kind == TaxonomyKind.SupportCategory && t.Code == "legal").Select(t => t.Id).SingleAsync(),
            await db.TaxonomyTerms.Where(t => t.Kind == TaxonomyKind.Market && t.Code == "usa").Select(t => t.Id).SingleAsync()));

        var answers = await founder.GetPageAsync("/find-support?help=legal&market=usa");
        var link = answers.QuerySelector(".request-help a")?.GetAttribute("href");

        Assert.Equal($"/my-requests/new?categoryId={legal}&marketId={usa}", link);
        var form = await founder.GetPageAsync(link!);
        Assert.Equal(legal.ToString(), form.QuerySelector("#Input_CategoryId option[selected]")?.GetAttribute("value"));
        Assert.Equal(usa.ToString(), form.QuerySelector("#Input_MarketId option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task RequestHelp_WithoutDescription_ShowsError()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Terse Startup"));
        var founder = await cases.FounderAsync(company.Id);
        var form = await founder.GetPageAsync("/my-requests/new?category=legal&market=usa");

        var response = await founder.SubmitAsync(form, "#request-form", new Dictionary<string, string> { ["Input.Description"] = "" });

        Assert.Contains("Tell your advisors in a sentence or two what you need.", (await response.ParseBodyAsync()).ValidationMessages());
        Assert.False(await cases.DbAsync(db => db.Needs.AnyAsync(n => n.CompanyId == company.Id)));
    }

    [Fact]
    public async Task MyRequests_ShowOnlyTheFoundersOwnCompany_AndOthersCannotBeWithdrawn()
    {
        var mine = await cases.CompanyAsync(CasePortal.Unique("Mine AB"));
        var theirs = await cases.CompanyAsync(CasePortal.Unique("Theirs AB"));
        await cases.NeedAsync(mine, "legal", "usa");
        var theirNeed = await cases.DbAsync(async db =>
        {
            var need = await Testing.CaseBuilder.NeedAsync(db, theirs, "financial", "uk", DateTime.UtcNow, "Their secret plan.");
            need.RequestedByCompany = true;
            await db.SaveChangesAsync();
            return need;
        });
        var founder = await cases.FounderAsync(mine.Id);

        var text = (await founder.GetPageAsync("/my-requests")).Text();
        var withdraw = await founder.PostAsync("/my-requests?handler=Withdraw", new Dictionary<string, string> { ["needId"] = theirNeed.Id.ToString(), ["version"] = "2" });

        Assert.Contains("Needs help to enter the market.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Their secret plan.", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, withdraw.StatusCode);
        Assert.Equal(NeedStatus.Open, await cases.DbAsync(db => db.Needs.Where(n => n.Id == theirNeed.Id).Select(n => n.Status).SingleAsync()));
    }

    [Fact]
    public async Task MyRequests_StaffAreRefused()
    {
        var advisor = await cases.AdvisorAsync();

        (await advisor.GetAsync("/my-requests")).AssertRedirectsTo("/Identity/Account/AccessDenied");
        (await advisor.GetAsync("/my-requests/new")).AssertRedirectsTo("/Identity/Account/AccessDenied");
    }
}
