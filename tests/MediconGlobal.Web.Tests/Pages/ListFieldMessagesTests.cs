using System.Net;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Pages;

/// <summary>
/// A value that cannot be read in a list of choices (the ticked markets of an offer, <c>Input.MarketIds</c>) is named by
/// the field's label in the page's language: the portal's binders named it by the element's type ("Int32: “x” är inte
/// ett tal"), since a list's elements are bound with their type's metadata (<c>BindingFieldName</c>).
/// </summary>
public sealed class ListFieldMessagesTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private readonly PortalFactory _portal = fixture.Portal;

    [Theory]
    [InlineData("sv", "Marknader: ")]
    [InlineData("en", "Markets: ")]
    public async Task AnUnreadableChoiceInAList_IsNamedByTheFieldsLabel_NotItsType(string culture, string named)
    {
        var partner = await _portal.SignedInClientAsync($"partner-{Guid.NewGuid():N}@test.example", Roles.PartnerStaff, OrganisationSeed.InnovationSkane);
        partner.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        var offer = await _portal.WithDbAsync(db => db.Offers.AsNoTracking().SingleAsync(o => o.SeedKey == "is-advisory-legal"));
        var form = await partner.GetPageAsync($"/partner/offers/{offer.Id}/edit");

        var response = await partner.SubmitAsync(form, "#offer-form", new Dictionary<string, string> { ["Input.MarketIds"] = "x" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var messages = (await response.ParseBodyAsync()).ValidationMessages();
        Assert.Contains(messages, m => m.StartsWith(named + (culture == "sv" ? "”x”" : "“x”"), StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Contains("Int32", StringComparison.Ordinal));
        var saved = await _portal.WithDbAsync(db => db.Offers.AsNoTracking().SingleAsync(o => o.Id == offer.Id));
        Assert.Equal(offer.Version, saved.Version);
    }
}
