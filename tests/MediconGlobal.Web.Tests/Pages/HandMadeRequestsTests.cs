using System.Net;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Clients;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Pages;

/// <summary>
/// Requests no browser would send — empty required fields, a tick box with a made-up value, an empty
/// password — get the form back with a message, never an error page, and change nothing.
/// </summary>
public sealed class HandMadeRequestsTests(CasePortal cases) : IClassFixture<CasePortal>
{
    private const string TickBoxMessage = ": tick the box or leave it clear.";

    [Fact]
    public async Task SignIn_WithAMadeUpTickBoxValue_ShowsTheForm()
    {
        var client = cases.Portal.CreatePortalClient();
        var page = await client.GetPageAsync("/Identity/Account/Login");

        var response = await client.SubmitAsync(page, "#account", new Dictionary<string, string>
        {
            ["Input.Email"] = "nobody@test.example",
            ["Input.Password"] = "wrong",
            ["Input.RememberMe"] = "abc",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains((await response.ParseBodyAsync()).ValidationMessages(), m => m.EndsWith(TickBoxMessage, StringComparison.Ordinal) && m.Length > TickBoxMessage.Length);
    }

    [Fact]
    public async Task NewClient_WithEveryFieldEmpty_ShowsMessages_AndSavesNothing()
    {
        var advisor = await cases.AdvisorAsync();
        var page = await advisor.GetPageAsync("/clients/new");
        var before = await cases.DbAsync(db => db.Companies.CountAsync());

        var response = await advisor.SubmitAsync(page, "#company-form", new Dictionary<string, string>
        {
            ["Input.Name"] = "",
            ["Input.CountryCode"] = "",
            ["Input.ConsentGiven"] = "2020-13-45",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var messages = (await response.ParseBodyAsync()).ValidationMessages();
        Assert.Contains("Choose a country from the list.", messages);
        Assert.Contains(messages, m => m.EndsWith(TickBoxMessage, StringComparison.Ordinal) && m.Length > TickBoxMessage.Length);
        Assert.Equal(before, await cases.DbAsync(db => db.Companies.CountAsync()));
    }

    [Fact]
    public async Task EditClient_WithAnEmptyCountry_ShowsAMessage_AndKeepsTheRecord()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Empty Country"));
        var advisor = await cases.AdvisorAsync();
        var page = await advisor.GetPageAsync($"/clients/{company.Id}/edit");

        var response = await advisor.SubmitAsync(page, "#company-form", new Dictionary<string, string> { ["Input.CountryCode"] = "" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose a country from the list.", (await response.ParseBodyAsync()).ValidationMessages());
        var saved = await cases.DbAsync(db => db.Companies.AsNoTracking().SingleAsync(c => c.Id == company.Id));
        Assert.Equal((company.CountryCode, company.Version), (saved.CountryCode, saved.Version));
    }

    [Fact]
    public async Task CompleteReferral_WithAMadeUpTickBoxValue_ShowsTheForm_AndLeavesItAccepted()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Tick Box Client"));
        var email = $"tickbox-{Guid.NewGuid():N}@test.example";
        var sender = await cases.Portal.CreateUserAsync(email, Roles.Advisor, OrganisationSeed.SmiLe);
        var referral = await cases.DbAsync(async db => await Testing.CaseBuilder.ReferAsync(db, await Testing.CaseBuilder.NeedAsync(db, company, "legal", "usa", DateTime.UtcNow), "is-advisory-legal", DateTime.UtcNow, sender.Id));
        var partner = await cases.PartnerAsync(OrganisationSeed.InnovationSkane);
        await partner.PostAsync($"/referrals/{referral.Id}?handler=Accept", new Dictionary<string, string> { ["Answer.Version"] = "1" });
        var advisor = cases.Portal.CreatePortalClient();
        await advisor.SignInAsync(email, PortalFactory.Password);
        var page = await advisor.GetPageAsync($"/referrals/{referral.Id}");

        var response = await advisor.SubmitAsync(page, "#complete-form", new Dictionary<string, string>
        {
            ["Completion.Outcome"] = "Met a Boston distributor.",
            ["Completion.NeedIsMet"] = "abc",
        }, submitter: "Complete");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains((await response.ParseBodyAsync()).ValidationMessages(), m => m.EndsWith(TickBoxMessage, StringComparison.Ordinal) && m.Length > TickBoxMessage.Length);
        Assert.Equal(ReferralStatus.Accepted, (await cases.ReloadReferralAsync(referral.Id)).Status);
    }

    [Fact]
    public async Task DeleteAccount_WithAnEmptyOrWrongPassword_ShowsAMessage_WithTheRightOne_DeletesAndSignsOut()
    {
        var email = $"leaver-{Guid.NewGuid():N}@test.example";
        await cases.Portal.CreateUserAsync(email, Roles.Advisor, OrganisationSeed.SmiLe);
        var client = cases.Portal.CreatePortalClient();
        await client.SignInAsync(email, PortalFactory.Password);
        var page = await client.GetPageAsync("/Identity/Account/Manage/DeletePersonalData");

        foreach (var password in new[] { "", "not-my-password" })
        {
            var refused = await client.SubmitAsync(page, "#delete-user", new Dictionary<string, string> { ["Input.Password"] = password });
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Enter your current password to delete your account.", (await refused.ParseBodyAsync()).ValidationMessages());
        }

        Assert.True(await cases.DbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        (await client.SubmitAsync(page, "#delete-user", new Dictionary<string, string> { ["Input.Password"] = PortalFactory.Password })).AssertRedirectsTo("/");
        Assert.False(await cases.DbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        (await client.GetAsync("/clients")).AssertRedirectsTo("/Identity/Account/Login");
    }
}
