using System.Net;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Reports;

public sealed class GapSnapshotPageTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new();
    private GapWebData _data = null!;

    public async Task InitializeAsync() => _data = await GapWebData.SeedAsync(_portal);

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task PostSnapshot_MissingTitle_ShowsTheError()
    {
        var client = await _portal.SignedInClientAsync("pm@example.test", Roles.ProjectManager, "mva");
        var page = await client.GetPageAsync("/reports/gaps");

        var response = await client.SubmitAsync(page, "#snapshot-form", new Dictionary<string, string> { ["Snapshot.Title"] = " " });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Give the snapshot a title.", (await HtmlClient.ParseAtAsync(await response.Content.ReadAsStringAsync(), "/reports/gaps")).ValidationMessages());
        Assert.Equal(0, await _portal.WithDbAsync(db => db.GapSnapshots.CountAsync()));
    }

    [Fact]
    public async Task PostSnapshot_Valid_SavesTheFullNumbers_AndShowsThem()
    {
        var client = await _portal.SignedInClientAsync("pm@example.test", Roles.ProjectManager, "mva");
        var page = await client.GetPageAsync($"/reports/gaps?rows=Category&cols=Market&region={_data.Skane}");

        var response = await client.SubmitAsync(page, "#snapshot-form", new Dictionary<string, string> { ["Snapshot.Title"] = "Baseline", ["Snapshot.Comment"] = "Before the main project." });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var snapshot = await _portal.WithDbAsync(db => db.GapSnapshots.SingleAsync());
        Assert.Equal($"/reports/gaps/snapshots/{snapshot.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal(("Baseline", "Before the main project."), (snapshot.Title, snapshot.Comment));
        Assert.Equal(_data.Skane, snapshot.Report().Query.Filters.RegionId);
        Assert.Equal(6, snapshot.Report().Total.Figures!.Needs);
        var details = await client.GetPageAsync(response.Headers.Location.OriginalString);
        Assert.Equal("Baseline", details.QuerySelector("h1")!.TextContent);
        Assert.Contains("Skåne", details.QuerySelector("#filters-used")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostSnapshot_PartnerStaff_AreForbidden()
    {
        var partner = await _portal.SignedInClientAsync("dorte@example.test", Roles.PartnerStaff, "dlsc");
        var page = await partner.GetPageAsync("/reports/gaps");
        var token = page.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!; // the sign-out form's

        var response = await partner.PostAsync("/reports/gaps?handler=Snapshot", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Snapshot.Title"] = "Sneaky",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.StartsWith("/Identity/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(0, await _portal.WithDbAsync(db => db.GapSnapshots.CountAsync()));
    }

    [Theory]
    [InlineData(Roles.PartnerStaff, "dlsc")]
    [InlineData(Roles.Advisor, "smile")]
    public async Task SnapshotPages_OtherRoles_AreRefused(string role, string organisation)
    {
        var client = await _portal.SignedInClientAsync("someone@example.test", role, organisation);

        foreach (var path in new[] { "/reports/gaps/snapshots", "/reports/gaps/snapshots/1", "/reports/gaps/snapshots/compare?a=1&b=2" })
        {
            var response = await client.GetAsync(path);
            Assert.StartsWith("/Identity/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Compare_TwoSnapshots_NamesTheCellThatGotBetter()
    {
        var client = await _portal.SignedInClientAsync("pm@example.test", Roles.ProjectManager, "mva");
        var before = await SaveAsync(client, "/reports/gaps", "Before");
        await _data.PublishRegulatoryOfferForGermanyAsync(_portal);
        var after = await SaveAsync(client, "/reports/gaps", "After");

        var list = await client.GetPageAsync("/reports/gaps/snapshots");
        Assert.Equal(["After", "Before"], list.QuerySelectorAll("#snapshots tbody tr td a").Select(a => a.TextContent));
        var page = await client.GetPageAsync($"/reports/gaps/snapshots/compare?a={before}&b={after}");

        var better = page.QuerySelectorAll("#changes tbody tr").Where(r => r.TextContent.Contains("Better", StringComparison.Ordinal)).ToList();
        Assert.Single(better);
        Assert.Contains("Germany", better[0].QuerySelector("th")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 better", page.QuerySelector("#change-counts")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_DifferentDimensions_ExplainsWhy_AndMissingSnapshotsAre404()
    {
        var client = await _portal.SignedInClientAsync("pm@example.test", Roles.ProjectManager, "mva");
        var a = await SaveAsync(client, "/reports/gaps?rows=Category&cols=Market", "A");
        var b = await SaveAsync(client, "/reports/gaps?rows=Stage&cols=Region", "B");

        var page = await client.GetPageAsync($"/reports/gaps/snapshots/compare?a={a}&b={b}");

        Assert.Contains("different dimensions", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/reports/gaps/snapshots/compare?a={a}&b=999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/reports/gaps/snapshots/999999")).StatusCode);
        Assert.Contains("Choose an earlier and a later snapshot.", (await client.GetPageAsync("/reports/gaps/snapshots/compare")).Body!.TextContent, StringComparison.Ordinal);
    }

    private static async Task<int> SaveAsync(HttpClient client, string url, string title)
    {
        var page = await client.GetPageAsync(url);
        var response = await client.SubmitAsync(page, "#snapshot-form", new Dictionary<string, string> { ["Snapshot.Title"] = title });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
