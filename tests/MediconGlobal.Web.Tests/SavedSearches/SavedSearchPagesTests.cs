using System.Net;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Notifications;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Pages.SavedSearches;
using MediconGlobal.Web.Tests.Clients;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace MediconGlobal.Web.Tests.SavedSearches;

/// <summary>
/// Saved searches and alerts (issue 17 item 2, ADR 1760): a founder saves, lists, renames and deletes their searches;
/// another founder's are not found; visitors are asked to sign in; the alert job e-mails a matching new offer once,
/// with a one-click unsubscribe that works without signing in.
/// </summary>
public sealed class SavedSearchPagesTests(CasePortal cases) : IClassFixture<CasePortal>
{
    [Fact]
    public async Task Save_FromTheCatalogue_StoresTheSearchInCanonicalForm_AndListsIt()
    {
        var (founder, userId, _) = await FounderAsync();

        var form = await founder.GetPageAsync("/saved-searches/new?kind=Catalogue&criteria=" + Uri.EscapeDataString("sort=name&category=legal&q=FDA&page=3"));
        Assert.Equal("FDA, Legal advisory", form.QuerySelector("#Input_Name")!.GetAttribute("value"));
        var response = await founder.SubmitAsync(form, "#save-search-form", new Dictionary<string, string> { ["Input.Name"] = "US legal help", ["Input.Frequency"] = "Weekly" });

        response.AssertRedirectsTo("/saved-searches");
        var saved = await cases.DbAsync(db => db.SavedSearches.AsNoTracking().SingleAsync(s => s.UserId == userId));
        Assert.Equal(("US legal help", SavedSearchKind.Catalogue, "q=FDA&category=legal", AlertFrequency.Weekly), (saved.Name, saved.Kind, saved.Criteria, saved.Frequency));
        var list = await founder.GetPageAsync("/saved-searches");
        Assert.Contains("US legal help", list.Text(), StringComparison.Ordinal);
        Assert.NotNull(list.QuerySelector("a[href='/offers?q=FDA&category=legal']"));
    }

    [Fact]
    public async Task Save_WithoutAName_ShowsTheError_AndSavesNothing()
    {
        var (founder, userId, _) = await FounderAsync();

        var form = await founder.GetPageAsync("/saved-searches/new?kind=Guided&criteria=help%3Dlegal");
        var response = await founder.SubmitAsync(form, "#save-search-form", new Dictionary<string, string> { ["Input.Name"] = "  " });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Give the search a name", (await response.ParseBodyAsync()).Text(), StringComparison.Ordinal);
        Assert.False(await cases.DbAsync(db => db.SavedSearches.AnyAsync(s => s.UserId == userId)));
    }

    [Fact]
    public async Task Rename_AndChangeTheAlerts_AreSaved()
    {
        var (founder, userId, _) = await FounderAsync();
        var id = await SaveAsync(founder, userId, "help=legal&market=usa", SavedSearchKind.Guided);

        var response = await founder.SubmitAsync(await founder.GetPageAsync($"/saved-searches/{id}/edit"), "#saved-search-form",
            new Dictionary<string, string> { ["Input.Name"] = "Legal help for the USA", ["Input.Frequency"] = "Off" });

        response.AssertRedirectsTo("/saved-searches");
        var saved = await cases.DbAsync(db => db.SavedSearches.AsNoTracking().SingleAsync(s => s.Id == id));
        Assert.Equal(("Legal help for the USA", AlertFrequency.Off), (saved.Name, saved.Frequency));
    }

    [Fact]
    public async Task Delete_RemovesTheSearch()
    {
        var (founder, userId, _) = await FounderAsync();
        var id = await SaveAsync(founder, userId, "q=ce", SavedSearchKind.Catalogue);

        var response = await founder.SubmitAsync(await founder.GetPageAsync($"/saved-searches/{id}/edit"), "#delete-search-form");

        response.AssertRedirectsTo("/saved-searches");
        Assert.False(await cases.DbAsync(db => db.SavedSearches.AnyAsync(s => s.Id == id)));
    }

    [Fact]
    public async Task AnotherFoundersSearch_IsNotFound_AndCannotBeChangedOrDeleted()
    {
        var (owner, ownerId, _) = await FounderAsync();
        var id = await SaveAsync(owner, ownerId, "q=mdr", SavedSearchKind.Catalogue);
        var (other, _, _) = await FounderAsync();

        await other.GetPageAsync($"/saved-searches/{id}/edit", HttpStatusCode.NotFound);
        var rename = await other.PostAsync($"/saved-searches/{id}/edit", new Dictionary<string, string> { ["Input.Name"] = "Mine now", ["Input.Frequency"] = "Off", ["Input.Version"] = "1" });
        var delete = await other.PostAsync($"/saved-searches/{id}/edit?handler=Delete", new Dictionary<string, string>());

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (rename.StatusCode, delete.StatusCode));
        Assert.DoesNotContain("mdr", (await other.GetPageAsync("/saved-searches")).Text(), StringComparison.Ordinal);
        var saved = await cases.DbAsync(db => db.SavedSearches.AsNoTracking().SingleAsync(s => s.Id == id));
        Assert.Equal(AlertFrequency.Immediately, saved.Frequency);
        Assert.NotEqual("Mine now", saved.Name);
    }

    [Fact]
    public async Task AVisitor_IsOfferedToSignInToSave_AndStaffCannotSave()
    {
        var visitor = cases.Portal.CreatePortalClient();

        var catalogue = await visitor.GetPageAsync("/offers?category=legal");
        var link = catalogue.QuerySelector(".save-search a")!;
        Assert.Contains("Sign in to save this search", link.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("/Identity/Account/Login?returnUrl=", link.GetAttribute("href"), StringComparison.Ordinal);
        var guided = await visitor.GetPageAsync("/find-support?help=legal");
        Assert.NotNull(guided.QuerySelector(".save-search a[href^='/Identity/Account/Login']"));
        var save = await visitor.GetAsync("/saved-searches/new?kind=Catalogue&criteria=q%3Dfda");
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        Assert.Contains("/Identity/Account/Login", save.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var advisor = await cases.AdvisorAsync();
        Assert.Null((await advisor.GetPageAsync("/offers?category=legal")).QuerySelector(".save-search"));
        var staff = await advisor.GetAsync("/saved-searches");
        Assert.Contains("AccessDenied", staff.Headers.Location?.OriginalString ?? staff.StatusCode.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMatchingNewOffer_IsEmailedOnce_WithOneClickUnsubscribe_AndAnOtherOfferIsNot()
    {
        var (founder, userId, email) = await FounderAsync();
        var id = await SaveAsync(founder, userId, "help=legal&market=usa", SavedSearchKind.Guided);
        var matching = await PublishOfferAsync(CasePortal.Unique("Alerted US counsel"), "legal", "usa");
        await PublishOfferAsync(CasePortal.Unique("Not alerted funding"), "funding", "usa");

        await SendDueAsync();
        await SendDueAsync();

        var mail = Assert.Single(cases.Portal.Mailbox.To(email));
        Assert.Contains($"{Mailbox.PublicUrl}/offers/{matching}", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Not alerted funding", mail.TextBody, StringComparison.Ordinal);
        var token = await cases.DbAsync(db => db.SavedSearches.Where(s => s.Id == id).Select(s => s.UnsubscribeToken).SingleAsync());
        var unsubscribe = $"{Mailbox.PublicUrl}/saved-searches/unsubscribe?token={token}";
        Assert.Contains(unsubscribe, mail.Links);
        var message = MimeMessage.Load(Path.Combine(cases.Portal.Mailbox.Folder, mail.Id + ".eml"));
        Assert.Equal($"<{unsubscribe}>", message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Equal(1, await cases.DbAsync(db => db.SavedSearchAlerts.CountAsync(a => a.SavedSearchId == id)));
    }

    [Fact]
    public async Task Unsubscribe_WithABadToken_IsNotFound_AndChangesNothing()
    {
        var (founder, userId, _) = await FounderAsync();
        var id = await SaveAsync(founder, userId, "q=ivdr", SavedSearchKind.Catalogue);
        var token = await cases.DbAsync(db => db.SavedSearches.Where(s => s.Id == id).Select(s => s.UnsubscribeToken).SingleAsync());
        var visitor = cases.Portal.CreatePortalClient();
        var wrong = (token[0] == 'a' ? "b" : "a") + token[1..];

        var byId = await visitor.PostAsync($"/saved-searches/unsubscribe?token={id}", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        var guessed = await visitor.PostAsync($"/saved-searches/unsubscribe?token={wrong}", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (byId.StatusCode, guessed.StatusCode));
        await visitor.GetPageAsync($"/saved-searches/unsubscribe?token={wrong}", HttpStatusCode.NotFound);
        Assert.Equal(AlertFrequency.Immediately, await cases.DbAsync(db => db.SavedSearches.Where(s => s.Id == id).Select(s => s.Frequency).SingleAsync()));
    }

    [Fact]
    public async Task Unsubscribe_WithTheToken_WorksWithoutSigningIn_OneClickAndAgainIsTheSame()
    {
        var (founder, userId, _) = await FounderAsync();
        var id = await SaveAsync(founder, userId, "q=reimbursement", SavedSearchKind.Catalogue);
        var token = await cases.DbAsync(db => db.SavedSearches.Where(s => s.Id == id).Select(s => s.UnsubscribeToken).SingleAsync());
        var mailClient = cases.Portal.CreatePortalClient();

        var page = await mailClient.GetPageAsync($"/saved-searches/unsubscribe?token={token}");
        Assert.NotNull(page.QuerySelector("#unsubscribe-form"));
        Assert.Equal(AlertFrequency.Immediately, await cases.DbAsync(db => db.SavedSearches.Where(s => s.Id == id).Select(s => s.Frequency).SingleAsync()));
        var first = await mailClient.PostAsync($"/saved-searches/unsubscribe?token={token}", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        var again = await mailClient.PostAsync($"/saved-searches/unsubscribe?token={token}", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (first.StatusCode, again.StatusCode));
        Assert.Equal(AlertFrequency.Off, await cases.DbAsync(db => db.SavedSearches.Where(s => s.Id == id).Select(s => s.Frequency).SingleAsync()));
        Assert.Contains("You are unsubscribed", (await mailClient.GetPageAsync($"/saved-searches/unsubscribe?token={token}")).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonalData_HoldsTheSavedSearches_AndDeletingTheAccountDeletesThem()
    {
        var (founder, userId, _) = await FounderAsync();
        var id = await SaveAsync(founder, userId, "q=notified+body", SavedSearchKind.Catalogue);

        var download = await founder.SubmitAsync(await founder.GetPageAsync("/Identity/Account/Manage/PersonalData"), "#download-personal-data");
        Assert.Contains("\"criteria\": \"q=notified%20body\"", await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var response = await founder.SubmitAsync(await founder.GetPageAsync("/Identity/Account/Manage/DeletePersonalData"), "#delete-user", new Dictionary<string, string> { ["Input.Password"] = PortalFactory.Password });

        response.AssertRedirectsTo("/");
        Assert.False(await cases.DbAsync(db => db.SavedSearches.AnyAsync(s => s.Id == id)));
    }

    private async Task<(HttpClient Client, string UserId, string Email)> FounderAsync()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Alerted Medtech"));
        var email = $"founder-{Guid.NewGuid():N}@test.example";
        var client = await cases.Portal.SignedInClientAsync(email, Roles.Startup, companyId: company.Id);
        return (client, await cases.DbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync()), email);
    }

    private async Task<int> SaveAsync(HttpClient founder, string userId, string criteria, SavedSearchKind kind)
    {
        var form = await founder.GetPageAsync($"/saved-searches/new?kind={kind}&criteria={Uri.EscapeDataString(criteria)}");
        (await founder.SubmitAsync(form, "#save-search-form")).AssertRedirectsTo("/saved-searches");
        return await cases.DbAsync(db => db.SavedSearches.Where(s => s.UserId == userId).OrderByDescending(s => s.Id).Select(s => s.Id).FirstAsync());
    }

    private Task<int> PublishOfferAsync(string name, string category, string market) => cases.DbAsync(async db =>
    {
        var provider = await db.Organisations.SingleAsync(o => o.SeedKey == OrganisationSeed.InnovationSkane);
        var offer = new Offer(name, provider, await db.TaxonomyTerms.SingleAsync(t => t.Kind == TaxonomyKind.SupportCategory && t.Code == category));
        offer.SetTerms(TaxonomyKind.Market, [await db.TaxonomyTerms.SingleAsync(t => t.Kind == TaxonomyKind.Market && t.Code == market)]);
        offer.Publish(DateTime.UtcNow);
        db.Offers.Add(offer);
        await db.SaveChangesAsync();
        return offer.Id;
    });

    private async Task SendDueAsync()
    {
        using var scope = cases.Portal.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SavedSearchAlerts>().SendDueAsync(CancellationToken.None);
    }
}
