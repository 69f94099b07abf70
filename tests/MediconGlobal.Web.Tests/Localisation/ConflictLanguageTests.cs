using System.Net;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Testing;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Localisation;

/// <summary>
/// After an edit conflict the other person's saved values are named as the form names them, in the page's language
/// (issue 14): formats, costs, statuses, activity formats, countries and terms printed their English or enum names.
/// </summary>
public sealed class ConflictLanguageTests(CasePortal cases) : IClassFixture<CasePortal>
{
    [Fact]
    public async Task OfferForm_InSwedish_ShowsTheirFormatCostAndMarketsInSwedish()
    {
        var id = await cases.DbAsync(db => CaseBuilder.OfferIdAsync(db, "is-test-beds"));
        var me = await InAsync("sv", cases.PartnerAsync(OrganisationSeed.InnovationSkane));
        var page = await me.GetPageAsync($"/partner/offers/{id}/edit");
        await SomeoneElseSavesAsync(async db =>
        {
            var offer = await db.Offers.Include(o => o.Terms).ThenInclude(t => t.Term).SingleAsync(o => o.Id == id);
            (offer.Format, offer.Cost) = (OfferFormat.Event, CostType.Free);
            offer.SetTerms(TaxonomyKind.Market, [await db.TaxonomyTerms.SingleAsync(t => t.Kind == TaxonomyKind.Market && t.Code == "germany")]);
        });

        var conflict = await (await me.SubmitAsync(page, "#offer-form", new Dictionary<string, string> { ["Input.ContactName"] = "Mine Contact" })).ParseBodyAsync();

        Assert.Equal("Evenemang", Saved(conflict, "Input_Format"));
        Assert.Equal("Kostnadsfritt", Saved(conflict, "Input_Cost"));
        Assert.Equal("Tyskland", Saved(conflict, "Input_MarketIds"));
    }

    [Fact]
    public async Task ProgrammeForm_InDanish_ShowsTheirStatusInDanish()
    {
        var id = await cases.DbAsync(db => db.Programmes.Where(p => p.SeedKey == ProgrammeSeed.ClustersOfSweden).Select(p => p.Id).SingleAsync());
        var me = await InAsync("da", cases.ProjectManagerAsync());
        var page = await me.GetPageAsync($"/programmes/{id}/edit");
        await SomeoneElseSavesAsync(async db => (await db.Programmes.SingleAsync(p => p.Id == id)).Status = ProgrammeStatus.Planned);

        var conflict = await (await me.SubmitAsync(page, "main form[method='post']", new Dictionary<string, string> { ["Input.Description"] = "Mine programme" })).ParseBodyAsync();

        Assert.Equal("Planlagt", Saved(conflict, "Input_Status"));
    }

    [Fact]
    public async Task ClientForm_InSwedish_ShowsTheirCountryInSwedish()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Landet AB"));
        var me = await InAsync("sv", cases.AdvisorAsync());
        var page = await me.GetPageAsync($"/clients/{company.Id}/edit");
        await SomeoneElseSavesAsync(async db => (await db.Companies.SingleAsync(c => c.Id == company.Id)).CountryCode = company.CountryCode == "DK" ? "NO" : "DK");

        var conflict = await (await me.SubmitAsync(page, "#company-form", new Dictionary<string, string> { ["Input.Employees"] = "9" })).ParseBodyAsync();

        Assert.Contains(Saved(conflict, "Input_CountryCode"), new[] { "Danmark", "Norge" });
    }

    [Fact]
    public async Task ActivityForm_InSwedish_ShowsTheirFormatInSwedish()
    {
        var manager = await InAsync("sv", cases.ProjectManagerAsync());
        var programmeId = await cases.DbAsync(db => db.Programmes.Where(p => p.SeedKey == ProgrammeSeed.DlscInnovationProgram).Select(p => p.Id).SingleAsync());
        var created = await manager.SubmitAsync(await manager.GetPageAsync($"/programmes/{programmeId}/activities/new"), "#activity-form", new Dictionary<string, string>
        {
            ["Input.Topic"] = CasePortal.Unique("Webbinarium"),
            ["Input.Kind"] = nameof(ActivityKind.Webinar),
            ["Input.Date"] = "2024-03-14",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
        var page = await manager.GetPageAsync($"/activities/{id}/edit");
        await SomeoneElseSavesAsync(async db => (await db.Activities.SingleAsync(a => a.Id == id)).Kind = ActivityKind.Conference);

        var conflict = await (await manager.SubmitAsync(page, "#activity-form", new Dictionary<string, string> { ["Input.Outcome"] = "Mine outcome" })).ParseBodyAsync();

        Assert.Equal("Konferens", Saved(conflict, "Input_Kind"));
    }

    private static async Task<HttpClient> InAsync(string culture, Task<HttpClient> signIn)
    {
        var client = await signIn;
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        return client;
    }

    private Task SomeoneElseSavesAsync(Func<AppDbContext, Task> change) => cases.DbAsync(async db =>
    {
        await change(db);
        return await db.SaveChangesAsync();
    });

    /// <summary>The other person's saved value shown under a field (without its "Their saved value:" lead).</summary>
    private static string Saved(AngleSharp.Html.Dom.IHtmlDocument page, string fieldId) =>
        page.QuerySelector($"#{fieldId}-saved")?.ChildNodes.OfType<AngleSharp.Dom.IText>().Select(t => t.Data).LastOrDefault()?.Trim()
        ?? throw new Xunit.Sdk.XunitException($"No saved value shown for {fieldId}:\n{page.QuerySelector("main")?.TextContent}");
}
