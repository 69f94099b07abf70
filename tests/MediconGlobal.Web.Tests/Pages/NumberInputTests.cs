using System.Net;
using MediconGlobal.Testing;
using MediconGlobal.Web.Tests.Clients;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Pages;

/// <summary>Numeric form fields read numbers as Swedish, Danish and Norwegian formatting writes them (issue 13 item 7).</summary>
public sealed class NumberInputTests(CasePortal cases) : IClassFixture<CasePortal>
{
    [Theory]
    [InlineData("1\u00A0500", 1500)]
    [InlineData("1\u202F500", 1500)]
    [InlineData("1 500", 1500)]
    [InlineData("1.500.000", 1500000)]
    [InlineData("40,0", 40)]
    public async Task OfferPlaces_GroupedAsInSwedishOrDanish_AreSaved(string typed, int saved)
    {
        var id = await cases.DbAsync(db => CaseBuilder.OfferIdAsync(db, "is-advisory-legal"));
        var partner = await cases.PartnerAsync();

        var response = await partner.SubmitAsync(await partner.GetPageAsync($"/partner/offers/{id}/edit"), "#offer-form", new Dictionary<string, string> { ["Input.Capacity"] = typed });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(saved, await cases.DbAsync(db => db.Offers.Where(o => o.Id == id).Select(o => o.Capacity).SingleAsync()));
    }

    [Theory]
    [InlineData("1.234", "Employees: “1.234” could be read two ways — “.” may separate thousands or decimals.")]
    [InlineData("12 34", "Employees: “12 34” has U+0020 (space) in the wrong place — thousands are grouped in threes, like 2 138 347.")]
    [InlineData("12\u00A0anställda", "Employees: “12\u00A0anställda” is not a number — “a” does not belong in one.")]
    [InlineData("3,5", "Employees: “3,5” is not a whole number.")]
    public async Task ClientEmployees_ThatCannotBeReadForCertain_AreRefusedNamingTheCharacter(string typed, string message)
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Numbers AB"));
        var advisor = await cases.AdvisorAsync();

        var response = await advisor.SubmitAsync(await advisor.GetPageAsync($"/clients/{company.Id}/edit"), "#company-form", new Dictionary<string, string> { ["Input.Employees"] = typed });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseBodyAsync();
        Assert.Contains(message, string.Join(" ", page.ValidationMessages()), StringComparison.Ordinal);
        Assert.Equal(typed, page.QuerySelector("#Input_Employees")!.GetAttribute("value"));
        Assert.Null(await cases.DbAsync(db => db.Companies.Where(c => c.Id == company.Id).Select(c => c.Employees).SingleAsync()));
    }
}
