using System.Net;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Localisation;

/// <summary>
/// Issue 14 item 4 (ADR 1407): a date input shows dates in the browser's own way but always sends ISO 8601
/// (2026-01-31); the portal reads exactly that in every language, and a text that is not such a date gets a message
/// in the page's language naming the format, on the forms and on the gap report alike.
/// </summary>
public sealed class DateInputLanguageTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private readonly PortalFactory _portal = fixture.Portal;

    [Theory]
    [InlineData("sv")]
    [InlineData("da")]
    public async Task OfferForm_InSwedishOrDanish_ReadsTheIsoDateABrowserSends(string culture)
    {
        var (partner, offerId, form) = await OfferFormAsync(culture);

        var response = await partner.SubmitAsync(form, "#offer-form", new Dictionary<string, string> { ["Input.StartsOn"] = "2027-03-14" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new DateOnly(2027, 3, 14), await _portal.WithDbAsync(db => db.Offers.Where(o => o.Id == offerId).Select(o => o.StartsOn).SingleAsync()));
    }

    [Theory]
    [InlineData("sv", "ange datumet som år-månad-dag, till exempel 2026-01-31")]
    [InlineData("da", "angiv datoen som år-måned-dag, for eksempel 2026-01-31")]
    public async Task OfferForm_ADateTypedInAnotherFormat_IsAMessageNamingTheFormatInThePagesLanguage(string culture, string message)
    {
        var (partner, offerId, form) = await OfferFormAsync(culture);
        var before = await _portal.WithDbAsync(db => db.Offers.Where(o => o.Id == offerId).Select(o => o.Version).SingleAsync());

        var response = await partner.SubmitAsync(form, "#offer-form", new Dictionary<string, string> { ["Input.StartsOn"] = "14.03.2027" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseBodyAsync();
        Assert.Contains(page.ValidationMessages(), m => m.Contains(message, StringComparison.Ordinal));
        Assert.Equal(before, await _portal.WithDbAsync(db => db.Offers.Where(o => o.Id == offerId).Select(o => o.Version).SingleAsync()));
        Assert.Equal(culture == "sv" ? "t.ex. 2026-01-31" : "fx 2026-01-31", page.QuerySelector("#Input_StartsOn")!.GetAttribute("placeholder"));
    }

    [Fact]
    public async Task GapReport_InDanish_ReadsIsoDates_AndNamesTheFormatForAnythingElse()
    {
        var manager = await _portal.SignedInClientAsync("pm-da-dates@test.example", Roles.ProjectManager, OrganisationSeed.SmiLe);
        manager.DefaultRequestHeaders.AcceptLanguage.ParseAdd("da");

        Assert.Empty((await manager.GetPageAsync("/reports/gaps?from=2026-01-31&to=2026-12-31")).ValidationMessages());
        Assert.Contains("Angiv startdatoen som en dato, for eksempel 2026-01-31.", (await manager.GetPageAsync("/reports/gaps?from=31.01.2026")).ValidationMessages());
    }

    private async Task<(HttpClient Partner, int OfferId, AngleSharp.Html.Dom.IHtmlDocument Form)> OfferFormAsync(string culture)
    {
        var partner = await _portal.SignedInClientAsync($"partner-{culture}-{Guid.NewGuid():N}@test.example", Roles.PartnerStaff, OrganisationSeed.InnovationSkane);
        partner.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        var offerId = await _portal.WithDbAsync(db => db.Offers.Where(o => o.SeedKey == "is-innovation-management").Select(o => o.Id).SingleAsync());
        return (partner, offerId, await partner.GetPageAsync($"/partner/offers/{offerId}/edit"));
    }
}
