using System.Net;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Landscape;

public sealed class EngagementPageTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Get_ShowsStatusHistoryAndNeeds_WithTheNextStageSuggested()
    {
        var (client, id) = await ManagerAndOrganisationAsync(OrganisationSeed.InnovationSkane);

        var page = await client.GetPageAsync($"/landscape/organisations/{id}");

        Assert.Equal("Innovation Skåne", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("Engaged", page.QuerySelector("#Move_To option[selected]")!.GetAttribute("value"));
        Assert.Contains("Mapped → Contacted", page.QuerySelector(".history")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("250+ business advisory clients", page.QuerySelector("#Needs_CollaborationNeeds")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_MissingOrganisation_Is404()
    {
        var (client, _) = await ManagerAndOrganisationAsync(OrganisationSeed.Dlsc);

        await client.GetPageAsync("/landscape/organisations/987654", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PostMove_Valid_AppendsADatedAttributedStepAndRedirects()
    {
        var (client, id) = await ManagerAndOrganisationAsync(OrganisationSeed.Dlsc);
        var page = await client.GetPageAsync($"/landscape/organisations/{id}");

        var response = await client.SubmitAsync(page, "#move-form", new Dictionary<string, string> { ["Move.To"] = "Engaged", ["Move.Note"] = "Workshop on joint Booster Board agreed." });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var history = await _portal.WithDbAsync(db => db.PartnershipStatusChanges.Where(h => h.OrganisationId == id).OrderBy(h => h.Id).ToListAsync());
        Assert.Equal(2, history.Count);
        var step = history[^1];
        Assert.Equal((PartnershipStatus.Contacted, PartnershipStatus.Engaged), (step.From!.Value, step.To));
        Assert.Equal("Workshop on joint Booster Board agreed.", step.Note);
        Assert.Equal("pm", step.ChangedByName);
        Assert.Equal(PartnershipStatus.Engaged, await _portal.WithDbAsync(db => db.Organisations.Where(o => o.Id == id).Select(o => o.PartnershipStatus).SingleAsync()));
        var after = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Contacted → Engaged", after.QuerySelector(".history li")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostMove_ToTheCurrentStatus_ShowsTheErrorAndWritesNothing()
    {
        var (client, id) = await ManagerAndOrganisationAsync(OrganisationSeed.Dlsc);
        var page = await client.GetPageAsync($"/landscape/organisations/{id}");

        var response = await client.SubmitAsync(page, "#move-form", new Dictionary<string, string> { ["Move.To"] = "Contacted" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The organisation is already at that stage.", (await response.ParseBodyAsync()).ValidationMessages());
        Assert.Equal(1, await _portal.WithDbAsync(db => db.PartnershipStatusChanges.CountAsync(h => h.OrganisationId == id)));
    }

    [Fact]
    public async Task PostMove_NoStatusOrTooLongNote_ShowsErrors()
    {
        var (client, id) = await ManagerAndOrganisationAsync(OrganisationSeed.Dlsc);
        var page = await client.GetPageAsync($"/landscape/organisations/{id}");

        var response = await client.SubmitAsync(page, "#move-form", new Dictionary<string, string> { ["Move.To"] = "", ["Move.Note"] = new string('x', 4001) });

        var messages = (await response.ParseBodyAsync()).ValidationMessages();
        Assert.Contains("Choose the status to move the organisation to.", messages);
        Assert.Contains("Keep the note under 4000 characters.", messages);
    }

    [Fact]
    public async Task PostMove_AfterSomeoneElseMovedIt_SaysSoAndKeepsTheirChange()
    {
        var (client, id) = await ManagerAndOrganisationAsync(OrganisationSeed.Dlsc);
        var page = await client.GetPageAsync($"/landscape/organisations/{id}");
        var other = await _portal.SignedInClientAsync("pm2@example.test", Roles.ProjectManager, OrganisationSeed.Mva);
        await other.SubmitAsync(await other.GetPageAsync($"/landscape/organisations/{id}"), "#move-form", new Dictionary<string, string> { ["Move.To"] = "Partner" });

        var response = await client.SubmitAsync(page, "#move-form", new Dictionary<string, string> { ["Move.To"] = "Engaged" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains((await response.ParseBodyAsync()).ValidationMessages(), m => m.Contains(ConflictMessage, StringComparison.Ordinal));
        Assert.Equal(PartnershipStatus.Partner, await _portal.WithDbAsync(db => db.Organisations.Where(o => o.Id == id).Select(o => o.PartnershipStatus).SingleAsync()));
    }

    [Fact]
    public async Task PostNeeds_SavesTheTextAndKeepsTheHistory()
    {
        var (client, id) = await ManagerAndOrganisationAsync(OrganisationSeed.Vinnova);
        var page = await client.GetPageAsync($"/landscape/organisations/{id}");

        var response = await client.SubmitAsync(page, "#needs-form", new Dictionary<string, string> { ["Needs.CollaborationNeeds"] = "  Regional co-funding partners.  " });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Regional co-funding partners.", await _portal.WithDbAsync(db => db.Organisations.Where(o => o.Id == id).Select(o => o.CollaborationNeeds).SingleAsync()));
    }

    [Fact]
    public async Task PostNeeds_TooLong_ShowsTheErrorAndKeepsTheStoredText()
    {
        var (client, id) = await ManagerAndOrganisationAsync(OrganisationSeed.Dlsc);
        var page = await client.GetPageAsync($"/landscape/organisations/{id}");

        var response = await client.SubmitAsync(page, "#needs-form", new Dictionary<string, string> { ["Needs.CollaborationNeeds"] = new string('x', 4001) });

        Assert.Contains("Keep the text under 4000 characters.", (await response.ParseBodyAsync()).ValidationMessages());
        Assert.StartsWith("Companies with relevant products", await _portal.WithDbAsync(db => db.Organisations.Where(o => o.Id == id).Select(o => o.CollaborationNeeds!).SingleAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostMove_AsAdvisor_IsRefused()
    {
        var (manager, id) = await ManagerAndOrganisationAsync(OrganisationSeed.Dlsc);
        var page = await manager.GetPageAsync($"/landscape/organisations/{id}");
        var advisor = await _portal.SignedInClientAsync("advisor@example.test", Roles.Advisor, OrganisationSeed.SmiLe);

        var response = await advisor.SubmitAsync(page, "#move-form", new Dictionary<string, string> { ["Move.To"] = "Partner" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(PartnershipStatus.Contacted, await _portal.WithDbAsync(db => db.Organisations.Where(o => o.Id == id).Select(o => o.PartnershipStatus).SingleAsync()));
    }

    private const string ConflictMessage = "saved a change here";

    private async Task<(HttpClient Client, int OrganisationId)> ManagerAndOrganisationAsync(string seedKey)
    {
        var client = await _portal.SignedInClientAsync("pm@example.test", Roles.ProjectManager, OrganisationSeed.SmiLe);
        var id = await _portal.WithDbAsync(db => db.Organisations.Where(o => o.SeedKey == seedKey).Select(o => o.Id).SingleAsync());
        return (client, id);
    }
}
