using System.Net;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Catalogue;

/// <summary>Partner staff keep their own organisation's offers: scoping, validation, conflicts, status changes and the audit log.</summary>
public sealed class PartnerOfferTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private readonly PortalFactory _portal = fixture.Portal;

    [Fact]
    public async Task Get_Overview_ListsOnlyTheOwnOrganisationsOffers()
    {
        var client = await PartnerAsync("is-overview@example.test", OrganisationSeed.InnovationSkane);

        var page = await client.GetPageAsync("/partner");

        var names = page.QuerySelectorAll(".partner-offers tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("Test-bed services with Region Skåne", names);
        Assert.DoesNotContain("Booster Board expert panels", names);
        Assert.Equal("Innovation Skåne", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Theory]
    [InlineData(Roles.Advisor)]
    [InlineData(Roles.Startup)]
    [InlineData(Roles.ProjectManager)]
    public async Task Get_PartnerPages_WithoutThePartnerRole_AreRefused(string role)
    {
        var client = await _portal.SignedInClientAsync($"refused-{role}@example.test", role, role == Roles.Startup ? null : OrganisationSeed.SmiLe);
        var id = await OfferIdAsync("is-advisory-legal");

        foreach (var url in new[] { "/partner", $"/partner/offers/{id}/edit", "/partner/offers/new", "/partner/profile", "/partner/corrections" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Identity/Account/AccessDenied", response.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task Get_PartnerPages_Anonymously_RedirectToSignIn()
    {
        var response = await _portal.CreatePortalClient().GetAsync("/partner/offers/new");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Identity/Account/Login", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task AnotherOrganisationsOffer_CannotBeOpenedOrChanged()
    {
        var client = await PartnerAsync("is-scope@example.test", OrganisationSeed.InnovationSkane);
        var dlscOffer = await OfferIdAsync("dlsc-booster-board");
        var dlsc = await OrganisationIdAsync(OrganisationSeed.Dlsc);
        var own = await client.GetPageAsync($"/partner/offers/{await OfferIdAsync("is-deep-tech")}/edit");

        Assert.Contains("/Identity/Account/AccessDenied", (await client.GetAsync($"/partner/offers/{dlscOffer}/edit")).Headers.Location!.OriginalString);
        Assert.Contains("/Identity/Account/AccessDenied", (await client.GetAsync($"/partner?organisation={dlsc}")).Headers.Location!.OriginalString);
        Assert.Contains("/Identity/Account/AccessDenied", (await client.GetAsync($"/partner/profile?organisation={dlsc}")).Headers.Location!.OriginalString);
        var hijack = await PostToAsync(client, own, $"/partner/offers/{dlscOffer}/edit", new() { ["Input.Name"] = "Hijacked" });
        Assert.Contains("/Identity/Account/AccessDenied", hijack.Headers.Location!.OriginalString);
        var archive = await PostToAsync(client, own, $"/partner/offers/{dlscOffer}/edit?handler=Archive", []);
        Assert.Contains("/Identity/Account/AccessDenied", archive.Headers.Location!.OriginalString);
        Assert.Equal(OfferStatus.Published, await _portal.WithDbAsync(db => db.Offers.Where(o => o.Id == dlscOffer).Select(o => o.Status).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/partner/offers/999999/edit")).StatusCode);
    }

    [Fact]
    public async Task Administrator_ManagesAnyOrganisation()
    {
        var client = await _portal.SignedInClientAsync("admin-partner@example.test", Roles.Administrator, OrganisationSeed.SmiLe);
        var dlsc = await OrganisationIdAsync(OrganisationSeed.Dlsc);

        var choose = await client.GetPageAsync("/partner");
        var overview = await client.GetPageAsync($"/partner?organisation={dlsc}");
        await client.GetPageAsync($"/partner/offers/{await OfferIdAsync("dlsc-conferences")}/edit");

        Assert.Contains(choose.QuerySelectorAll("table a"), a => a.TextContent == "Danish Life Science Cluster");
        Assert.Contains("Booster Board expert panels", overview.QuerySelector(".partner-offers")!.TextContent);
    }

    [Fact]
    public async Task Post_EditWithInvalidValues_ShowsTheErrors()
    {
        var client = await PartnerAsync("is-invalid@example.test", OrganisationSeed.InnovationSkane);
        var id = await OfferIdAsync("is-advisory-marketing");
        var page = await client.GetPageAsync($"/partner/offers/{id}/edit");

        var response = await client.SubmitAsync(page, "#offer-form", new Dictionary<string, string>
        {
            ["Input.Name"] = "",
            ["Input.ContactEmail"] = "nope",
            ["Input.Website"] = "javascript:alert(1)",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var messages = (await response.ParseBodyAsync()).ValidationMessages();
        Assert.Contains("Give the offer a name.", messages);
        Assert.Contains("Enter an email address like name@example.com.", messages);
        Assert.Contains("Enter a web address starting with https://.", messages);
        Assert.Equal("Business advisory: marketing", await _portal.WithDbAsync(db => db.Offers.Where(o => o.Id == id).Select(o => o.Name).SingleAsync()));
    }

    [Fact]
    public async Task Post_Edit_SavesAndWritesWhoChangedWhatToTheAuditLog()
    {
        var client = await PartnerAsync("is-audit@example.test", OrganisationSeed.InnovationSkane);
        var id = await OfferIdAsync("is-advisory-financial");
        var page = await client.GetPageAsync($"/partner/offers/{id}/edit");
        var japan = await TermIdAsync(TaxonomyKind.Market, "japan");

        var response = await client.SubmitAsync(page, "#offer-form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Business advisory: finance and funding",
            ["Input.MarketIds"] = japan.ToString(),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (name, markets) = await _portal.WithDbAsync(async db => (
            await db.Offers.Where(o => o.Id == id).Select(o => o.Name).SingleAsync(),
            await db.OfferTerms.Where(t => t.OfferId == id && t.Term!.Kind == TaxonomyKind.Market).Select(t => t.TermId).ToListAsync()));
        Assert.Equal("Business advisory: finance and funding", name);
        Assert.Equal([japan], markets);
        var audit = await _portal.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(Offer) && a.EntityId == id.ToString() && a.Action == "Modified").OrderByDescending(a => a.Id).FirstAsync());
        Assert.Equal("is-audit@example.test", audit.UserName);
        Assert.Contains("Business advisory: financial", audit.Changes);
        Assert.Contains("Business advisory: finance and funding", audit.Changes);
        Assert.True(await _portal.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(OfferTerm) && a.EntityId == $"{id}/{japan}" && a.Action == "Added")));
    }

    [Fact]
    public async Task Post_EditAfterSomeoneElseSaved_ShowsTheirValuesKeepsMineAndSavesOnSecondTry()
    {
        var nora = await PartnerAsync("is-nora@example.test", OrganisationSeed.InnovationSkane);
        var olle = await PartnerAsync("is-olle@example.test", OrganisationSeed.InnovationSkane);
        var id = await OfferIdAsync("is-innovation-management");
        var norasForm = await nora.GetPageAsync($"/partner/offers/{id}/edit");
        var ollesForm = await olle.GetPageAsync($"/partner/offers/{id}/edit");

        var first = await nora.SubmitAsync(norasForm, "#offer-form", new Dictionary<string, string> { ["Input.Name"] = "Nora's name", ["Input.ContactName"] = "Nora Sand" });
        var second = await olle.SubmitAsync(ollesForm, "#offer-form", new Dictionary<string, string> { ["Input.Name"] = "Olle's name", ["Input.Dates"] = "Rolling intake" });

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var conflict = await second.ParseBodyAsync();
        Assert.Contains("is-nora@example.test saved a change here", conflict.QuerySelector(".validation-summary")!.TextContent);
        Assert.Equal("Olle's name", conflict.QuerySelector("#Input_Name")!.GetAttribute("value"));
        Assert.Equal("Rolling intake", conflict.QuerySelector("#Input_Dates")!.GetAttribute("value"));
        var theirs = conflict.QuerySelectorAll(".conflict-value").Select(e => e.TextContent).ToList();
        Assert.Contains(theirs, v => v.Contains("Nora's name"));
        Assert.Contains(theirs, v => v.Contains("Nora Sand"));
        Assert.Equal("Nora's name", await _portal.WithDbAsync(db => db.Offers.Where(o => o.Id == id).Select(o => o.Name).SingleAsync()));

        var conflictPage = await HtmlClient.ParseAtAsync(conflict.DocumentElement.OuterHtml, $"/partner/offers/{id}/edit");
        var again = await olle.SubmitAsync(conflictPage, "#offer-form");

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var saved = await _portal.WithDbAsync(db => db.Offers.Where(o => o.Id == id).Select(o => new { o.Name, o.Dates, o.ContactName }).SingleAsync());
        Assert.Equal(("Olle's name", "Rolling intake", (string?)null), (saved.Name, saved.Dates, saved.ContactName));
    }

    [Fact]
    public async Task AfterAStatusButtonsConflict_TheFormStillSavesTheEdit_AndDoesNotTakeTheButtonsStep()
    {
        var nora = await PartnerAsync("is-nora-status@example.test", OrganisationSeed.InnovationSkane);
        var olle = await PartnerAsync("is-olle-status@example.test", OrganisationSeed.InnovationSkane);
        var id = await OfferIdAsync("is-test-beds");
        var norasPage = await nora.GetPageAsync($"/partner/offers/{id}/edit");
        Assert.Equal(HttpStatusCode.Redirect, (await olle.SubmitAsync(await olle.GetPageAsync($"/partner/offers/{id}/edit"), "#offer-form", new Dictionary<string, string> { ["Input.Dates"] = "Rolling intake" })).StatusCode);

        var refused = await nora.SubmitAsync(norasPage, $"form[action='/partner/offers/{id}/edit?handler=Archive']");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);

        // The browser's address is now …/edit?handler=Archive; the offer form must still post to the form's own handler.
        var conflictPage = await HtmlClient.ParseAtAsync((await refused.ParseBodyAsync()).DocumentElement.OuterHtml, $"/partner/offers/{id}/edit?handler=Archive");
        var saved = await nora.SubmitAsync(conflictPage, "#offer-form", new Dictionary<string, string> { ["Input.Name"] = "Test beds, renamed" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var offer = await _portal.WithDbAsync(db => db.Offers.Where(o => o.Id == id).Select(o => new { o.Name, o.Status }).SingleAsync());
        Assert.Equal(("Test beds, renamed", OfferStatus.Published), (offer.Name, offer.Status));
    }

    [Fact]
    public async Task Post_EditAfterSomeoneElseChangedOnlyTheMarkets_IsAConflictToo()
    {
        var nora = await PartnerAsync("is-nora-markets@example.test", OrganisationSeed.InnovationSkane);
        var olle = await PartnerAsync("is-olle-markets@example.test", OrganisationSeed.InnovationSkane);
        var id = await OfferIdAsync("is-deep-tech");
        var japan = await TermIdAsync(TaxonomyKind.Market, "japan");
        var norasForm = await nora.GetPageAsync($"/partner/offers/{id}/edit");
        var ollesForm = await olle.GetPageAsync($"/partner/offers/{id}/edit");

        var first = await nora.SubmitAsync(norasForm, "#offer-form", new Dictionary<string, string> { ["Input.MarketIds"] = japan.ToString() });
        var second = await olle.SubmitAsync(ollesForm, "#offer-form", new Dictionary<string, string> { ["Input.Dates"] = "Every Monday" });

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var conflict = await second.ParseBodyAsync();
        Assert.Contains("is-nora-markets@example.test saved a change here", conflict.QuerySelector(".validation-summary")!.TextContent);
        Assert.Contains(conflict.QuerySelectorAll(".conflict-value").Select(e => e.TextContent), v => v.Contains("Japan"));
        var (dates, markets) = await _portal.WithDbAsync(async db => (
            await db.Offers.Where(o => o.Id == id).Select(o => o.Dates).SingleAsync(),
            await db.OfferTerms.Where(t => t.OfferId == id && t.Term!.Kind == TaxonomyKind.Market).Select(t => t.TermId).ToListAsync()));
        Assert.Null(dates);
        Assert.Equal([japan], markets);
    }

    [Fact]
    public async Task Post_CreateAndPublish_PutsTheOfferInTheCatalogue_ArchiveTakesItOut()
    {
        var client = await PartnerAsync("is-create@example.test", OrganisationSeed.InnovationSkane);
        var form = await client.GetPageAsync("/partner/offers/new");
        var legal = await TermIdAsync(TaxonomyKind.SupportCategory, "regulatory");

        var invalid = await client.SubmitAsync(form, "#offer-form");
        var created = await client.SubmitAsync(form, "#offer-form", new Dictionary<string, string>
        {
            ["Input.Name"] = "FDA readiness clinic",
            ["Input.Description"] = "Two sessions with a regulatory expert before your FDA pre-submission.",
            ["Input.CategoryId"] = legal.ToString(),
            ["Input.Format"] = "Workshop",
            ["Input.Cost"] = "Free",
            ["Input.HowToApply"] = "Email the regulatory team.",
            ["Publish"] = "true",
        });

        Assert.Contains("Give the offer a name.", (await invalid.ParseBodyAsync()).ValidationMessages());
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var offer = await _portal.WithDbAsync(db => db.Offers.Include(o => o.Provider).SingleAsync(o => o.Name == "FDA readiness clinic"));
        Assert.Equal(("Innovation Skåne", OfferStatus.Published), (offer.Provider!.Name, offer.Status));
        Assert.Equal("FDA readiness clinic", (await client.GetPageAsync("/offers?q=fda")).QuerySelector(".offer-card h3")!.TextContent.Trim());

        var edit = await client.GetPageAsync($"/partner/offers/{offer.Id}/edit");
        var archived = await client.SubmitAsync(edit, "form[action$='handler=Archive']");
        Assert.Equal(HttpStatusCode.Redirect, archived.StatusCode);
        Assert.Empty((await client.GetPageAsync("/offers?q=fda")).QuerySelectorAll(".offer-card"));
    }

    [Fact]
    public async Task Post_MarkReviewed_FromTheOverview_RefreshesTheReviewDate()
    {
        var client = await PartnerAsync("is-review@example.test", OrganisationSeed.InnovationSkane);
        var id = await OfferIdAsync("is-advisory-ipr");
        await _portal.WithDbAsync(async db =>
        {
            (await db.Offers.SingleAsync(o => o.Id == id)).MarkReviewed(DateTime.UtcNow.AddDays(-500));
            await db.SaveChangesAsync();
        });
        var overview = await client.GetPageAsync("/partner");

        var response = await client.SubmitAsync(overview, $"form[action='/partner/offers/{id}/edit?handler=Reviewed']");

        Assert.Equal("/partner", response.Headers.Location!.OriginalString);
        var reviewed = await _portal.WithDbAsync(db => db.Offers.Where(o => o.Id == id).Select(o => o.LastReviewedAt).SingleAsync());
        Assert.True(reviewed > DateTime.UtcNow.AddMinutes(-5));
    }

    private Task<HttpClient> PartnerAsync(string email, string organisation) => _portal.SignedInClientAsync(email, Roles.PartnerStaff, organisation);

    /// <summary>Posts a form of <paramref name="page"/> (for its antiforgery token) to another address.</summary>
    private static async Task<HttpResponseMessage> PostToAsync(HttpClient client, AngleSharp.Html.Dom.IHtmlDocument page, string url, Dictionary<string, string> values)
    {
        var token = page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        values["__RequestVerificationToken"] = token;
        return await client.PostAsync(url, new FormUrlEncodedContent(values));
    }

    private Task<int> OfferIdAsync(string seedKey) => _portal.WithDbAsync(db => db.Offers.Where(o => o.SeedKey == seedKey).Select(o => o.Id).SingleAsync());

    private Task<int> OrganisationIdAsync(string seedKey) => _portal.WithDbAsync(db => db.Organisations.Where(o => o.SeedKey == seedKey).Select(o => o.Id).SingleAsync());

    private Task<int> TermIdAsync(TaxonomyKind kind, string code) => _portal.WithDbAsync(db => db.TaxonomyTerms.Where(t => t.Kind == kind && t.Code == code).Select(t => t.Id).SingleAsync());
}
