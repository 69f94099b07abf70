using System.Net;
using MediconGlobal.Core.Catalogue.FoundNothing;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Testing;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Catalogue;

/// <summary>
/// Which searches that found nothing are counted over HTTP (ADR 1779): a person's GET of the guided path or of the
/// catalogue's first page, with its filters and a phrase; not HEAD, a prefetch, a crawler, a later page, an empty or
/// invalid search; signed in exactly as anonymous. The gap report shows the layer exactly to project managers and
/// published to partner staff, and not under a country filter; the CSV download carries it.
/// </summary>
public sealed class EmptySearchRecordingTests : IAsyncLifetime
{
    private const string Browser = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
    /// <remarks>A fixed clock: the day is part of each count's cell key, so the published figures are the same on every run.</remarks>
    private readonly PortalFactory _portal = new() { Clock = new TestClock { Now = new DateTimeOffset(2027, 1, 9, 10, 0, 0, TimeSpan.Zero) } };
    private string _code = "";
    private int _category;

    public async Task InitializeAsync()
    {
        // A kind of help nobody offers: every search for it finds nothing.
        _code = $"space-law-{Guid.NewGuid():N}"[..20];
        _category = await _portal.WithDbAsync(async db =>
        {
            var term = new TaxonomyTerm(TaxonomyKind.SupportCategory, _code, "Space law", 999);
            db.TaxonomyTerms.Add(term);
            await db.SaveChangesAsync();
            return term.Id;
        });
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task GuidedPathWithNoResult_IsCountedWithItsAnswersOnly()
    {
        var client = Person();

        var page = await client.GetPageAsync($"/find-support?help={_code}&market=japan&stage=clinical");
        await client.GetAsync($"/find-support?help={_code}&market=japan&stage=clinical");

        Assert.Contains("No published offer fits all your answers yet.", page.Body!.TextContent, StringComparison.Ordinal);
        var tally = await _portal.WithDbAsync(db => db.EmptySearchTallies.SingleAsync(t => t.CategoryId == _category && t.Source == EmptySearchSource.GuidedPath));
        var (japan, clinical) = await _portal.WithDbAsync(async db => (await IdAsync(db, "japan"), await IdAsync(db, "clinical")));
        Assert.Equal((2, japan, clinical, (int?)null, (int?)null, (string?)null), (tally.Count, tally.MarketId!.Value, tally.StageId!.Value, tally.SectorId, tally.RegionId, tally.Phrase));
    }

    [Fact]
    public async Task SearchesThatAreNoPersonsOrFindSomethingOrCannotBePlaced_AreNotCounted()
    {
        var before = await TotalAsync();
        var guided = $"/find-support?help={_code}&market=usa";

        await Person().SendAsync(new HttpRequestMessage(HttpMethod.Head, guided));
        var prefetch = new HttpRequestMessage(HttpMethod.Get, guided);
        prefetch.Headers.Add("Sec-Purpose", "prefetch;prerender");
        await Person().SendAsync(prefetch);
        var crawler = _portal.CreatePortalClient();
        crawler.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
        await crawler.GetAsync(guided);
        await _portal.CreatePortalClient().GetAsync(guided); // no user agent at all
        await Person().GetAsync("/find-support?help="); // nothing chosen
        await Person().GetAsync($"/find-support?help={_code}&market=atlantis"); // not a market
        await Person().GetAsync("/find-support?help=soft-landing&market=usa-boston"); // finds offers
        await Person().GetAsync($"/offers?category={_code}&page=2"); // a later page of nothing
        await Person().GetAsync($"/find-support?help={_code}&market=usa&page=2"); // the same on the guided path
        await Person().GetAsync($"/offers?category={_code}&handler=Csv"); // a download

        Assert.Equal(before, await TotalAsync());
    }

    [Fact]
    public async Task CatalogueSearch_IsCountedWithANormalisedPhrase_AndWordsThatLookPersonalAreDropped()
    {
        await Person().GetAsync($"/offers?q={Uri.EscapeDataString("  Orbital   LAUNCH licences!")}&category={_code}&format=Workshop");
        await Person().GetAsync($"/offers?q={Uri.EscapeDataString("anna.svensson@example.se")}&category={_code}");
        await Person().GetAsync($"/offers?q={Uri.EscapeDataString("19850412-1234")}&category={_code}");

        var tallies = await _portal.WithDbAsync(db => db.EmptySearchTallies.Where(t => t.CategoryId == _category && t.Source == EmptySearchSource.Catalogue).OrderBy(t => t.Id).ToListAsync());
        Assert.Equal(new (string?, int)[] { ("orbital launch licences", 1), (null, 2) }, tallies.Select(t => (t.Phrase, t.Count)));
    }

    [Fact]
    public async Task SignedIn_IsCountedExactlyAsAnonymous()
    {
        var founder = await _portal.SignedInClientAsync($"founder-{Guid.NewGuid():N}@example.test", Roles.Startup);
        founder.DefaultRequestHeaders.UserAgent.ParseAdd(Browser);
        var link = $"/find-support?help={_code}&region=se-skane";

        await founder.GetAsync(link);
        await Person().GetAsync(link);

        var tally = await _portal.WithDbAsync(async db => await db.EmptySearchTallies.SingleAsync(t => t.CategoryId == _category && t.RegionId != null));
        Assert.Equal(2, tally.Count);
    }

    [Fact]
    public async Task GapReport_ShowsTheLayerExactlyToProjectManagers_PublishedToPartners_AndInTheCsv()
    {
        for (var i = 0; i < 6; i++)
        {
            await Person().GetAsync($"/find-support?help={_code}&market=canada");
        }

        await Person().GetAsync($"/find-support?help={_code}&market=india");
        var (canada, india) = await _portal.WithDbAsync(async db => (await IdAsync(db, "canada"), await IdAsync(db, "india")));

        var pm = await _portal.SignedInClientAsync("pm-searches@example.test", Roles.ProjectManager, "mva");
        var page = await pm.GetPageAsync("/reports/gaps?rows=Category&cols=Market");
        Assert.Equal("6", LayerCell(page, _category, canada));
        Assert.Equal("1", LayerCell(page, _category, india));

        var partner = await _portal.SignedInClientAsync("partner-searches@example.test", Roles.PartnerStaff, "dlsc");
        var shown = await partner.GetPageAsync("/reports/gaps?rows=Category&cols=Market");
        Assert.InRange(int.Parse(LayerCell(shown, _category, canada) ?? "0", System.Globalization.CultureInfo.InvariantCulture), 3, 10);
        Assert.DoesNotContain(shown.QuerySelectorAll("#searches-matrix td"), td => td.TextContent.Trim() is "1" or "2");

        var filtered = await pm.GetPageAsync("/reports/gaps?rows=Category&cols=Market&country=SE");
        Assert.NotNull(filtered.QuerySelector("#searches-not-available"));
        Assert.Null(filtered.QuerySelector("#searches-matrix"));

        var csv = (await pm.GetStringAsync("/reports/gaps/export?format=csv")).TrimStart('\uFEFF').Split('\n');
        Assert.EndsWith(",Searched, found nothing", csv[0].TrimEnd('\r').Replace("\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var line = csv.Single(l => l.StartsWith("Space law,Canada,", StringComparison.Ordinal)).TrimEnd('\r');
        Assert.InRange(int.Parse(line[(line.LastIndexOf(',') + 1)..], System.Globalization.CultureInfo.InvariantCulture), 3, 10);
    }

    /// <summary>A client that reads as a person's browser.</summary>
    private HttpClient Person()
    {
        var client = _portal.CreatePortalClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd(Browser);
        return client;
    }

    private Task<int> TotalAsync() => _portal.WithDbAsync(db => db.EmptySearchTallies.SumAsync(t => t.Count));

    private static Task<int> IdAsync(Core.Data.AppDbContext db, string code) => db.TaxonomyTerms.Where(t => t.Code == code).Select(t => t.Id).SingleAsync();

    /// <summary>The text of the layer's cell of these term ids, or null when the layer has no such row or column.</summary>
    private static string? LayerCell(AngleSharp.Html.Dom.IHtmlDocument page, int rowId, int columnId)
    {
        var headers = page.QuerySelectorAll("#searches-matrix thead th").ToList();
        var column = headers.FindIndex(h => h.GetAttribute("data-key") == columnId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var row = page.QuerySelectorAll("#searches-matrix tbody tr").SingleOrDefault(r => r.QuerySelector("th")!.GetAttribute("data-key") == rowId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return row is null || column < 1 ? null : row.QuerySelectorAll("td")[column - 1].TextContent.Trim();
    }
}
