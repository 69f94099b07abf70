using System.Net;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Programmes;

public sealed class CompareAndResultsTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Compare_ShowsFundingDurationReachAndFunnels_ToAnyone()
    {
        var anonymous = _portal.CreatePortalClient();
        var id = await ProgrammeIdAsync(ProgrammeSeed.ClustersOfSweden);

        var page = await anonymous.GetPageAsync($"/programmes/compare?ids={id}");

        var table = page.QuerySelector("#comparison")!.TextContent;
        Assert.Contains("SEK 2,138,347", table, StringComparison.Ordinal);
        Assert.Contains("9 months", table, StringComparison.Ordinal);
        Assert.Contains("200", table, StringComparison.Ordinal);
        Assert.Contains("Companies that implemented Leap (2.5%)", System.Text.RegularExpressions.Regex.Replace(table, @"\s+", " "), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("a[href$='/results']"));
    }

    [Fact]
    public async Task Compare_WithoutAChoice_ComparesEveryStartedInitiative()
    {
        var page = await _portal.CreatePortalClient().GetPageAsync("/programmes/compare?ids=abc");

        Assert.Equal(5, page.QuerySelectorAll("#comparison thead th").Length);
    }

    [Fact]
    public async Task Results_ProjectManagerRecordsLessonsAndAFunnel()
    {
        var client = await _portal.SignedInClientAsync("pm@example.test", Roles.ProjectManager, OrganisationSeed.SmiLe);
        var id = await ProgrammeIdAsync(ProgrammeSeed.GoingGlobal);
        await _portal.WithDbAsync(async db =>
        {
            var programme = await db.Programmes.Include(p => p.Indicators).SingleAsync(p => p.Id == id);
            programme.Indicators.Add(new() { Metric = "Organisations mapped", Actual = 16, SortOrder = 1 });
            programme.Indicators.Add(new() { Metric = "Organisations engaged", Actual = 4, SortOrder = 2 });
            await db.SaveChangesAsync();
        });
        var page = await client.GetPageAsync($"/programmes/{id}/results");

        var response = await client.SubmitAsync(page, "#results-form", new Dictionary<string, string>
        {
            ["Input.LessonsLearned"] = "Meet partners in person first.",
            ["Input.Indicators[0].Funnel"] = "Partners",
            ["Input.Indicators[1].Funnel"] = "Partners",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var compare = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        var text = System.Text.RegularExpressions.Regex.Replace(compare.QuerySelector("#comparison")!.TextContent, @"\s+", " ");
        Assert.Contains("Meet partners in person first.", text, StringComparison.Ordinal);
        Assert.Contains("4 Organisations engaged (25.0%)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_TooLongOrStale_ShowsTheErrorAndKeepsTheStoredText()
    {
        var client = await _portal.SignedInClientAsync("pm@example.test", Roles.ProjectManager, OrganisationSeed.SmiLe);
        var id = await ProgrammeIdAsync(ProgrammeSeed.ClustersOfSweden);
        var page = await client.GetPageAsync($"/programmes/{id}/results");

        var tooLong = await client.SubmitAsync(page, "#results-form", new Dictionary<string, string> { ["Input.LessonsLearned"] = new string('x', 8001) });
        Assert.Contains("Keep the lessons under 8000 characters.", (await tooLong.ParseBodyAsync()).ValidationMessages());

        await client.SubmitAsync(await client.GetPageAsync($"/programmes/{id}/results"), "#results-form", new Dictionary<string, string> { ["Input.LessonsLearned"] = "First edit." });
        var stale = await client.SubmitAsync(page, "#results-form", new Dictionary<string, string> { ["Input.LessonsLearned"] = "Stale edit." });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("saved a change here", (await stale.ParseBodyAsync()).QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("First edit.", await _portal.WithDbAsync(db => db.Programmes.Where(p => p.Id == id).Select(p => p.LessonsLearned).SingleAsync()));
    }

    [Fact]
    public async Task Results_MissingProgramme_Is404_AndOtherRolesAreRefused()
    {
        var manager = await _portal.SignedInClientAsync("pm@example.test", Roles.ProjectManager, OrganisationSeed.SmiLe);
        var partner = await _portal.SignedInClientAsync("partner@example.test", Roles.PartnerStaff, OrganisationSeed.Dlsc);
        var id = await ProgrammeIdAsync(ProgrammeSeed.DlscInnovationProgram);

        await manager.GetPageAsync("/programmes/424242/results", HttpStatusCode.NotFound);
        var refused = await partner.GetAsync($"/programmes/{id}/results");
        Assert.StartsWith("/Identity/Account/AccessDenied", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private Task<int> ProgrammeIdAsync(string seedKey) =>
        _portal.WithDbAsync(db => db.Programmes.Where(p => p.SeedKey == seedKey).Select(p => p.Id).SingleAsync());
}
