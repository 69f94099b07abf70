using System.Net;
using System.Text.Json;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Catalogue;
using MediconGlobal.Web.Tests.Clients;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Security;

/// <summary>
/// Issue 10, item 10: every date the portal reads — report filters in the query string, the offer and programme
/// forms, the HSDS API's modified_after — is checked against 1900-01-01 … 2100-12-31 and answered with a message,
/// never an error page (the programme importer's dates are covered in the core tests).
/// </summary>
public sealed class DateInputTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private readonly PortalFactory _portal = fixture.Portal;

    [Theory]
    [InlineData("to=9999-12-31", "Enter an end date between 1900-01-01 and 2100-12-31.")]
    [InlineData("from=0001-01-01", "Enter a start date between 1900-01-01 and 2100-12-31.")]
    [InlineData("from=1899-12-31&to=2101-01-01", "Enter a start date between 1900-01-01 and 2100-12-31.")]
    public async Task GapReport_DatesOutsideTheCalendarRange_ShowAMessage(string query, string message)
    {
        var manager = await _portal.SignedInClientAsync($"pm-{Guid.NewGuid():N}@test.example", Roles.ProjectManager, OrganisationSeed.SmiLe);

        var report = await manager.GetPageAsync("/reports/gaps?" + query);
        var export = await manager.GetPageAsync("/reports/gaps/export?format=csv&" + query);

        Assert.Contains(message, report.ValidationMessages());
        Assert.Contains(message, export.ValidationMessages());
    }

    [Fact]
    public async Task GapReport_DatesAtTheEdgesOfTheRange_AreAccepted()
    {
        var manager = await _portal.SignedInClientAsync("pm-edges@test.example", Roles.ProjectManager, OrganisationSeed.SmiLe);

        var report = await manager.GetPageAsync("/reports/gaps?from=1900-01-01&to=2100-12-31");

        Assert.Empty(report.ValidationMessages());
    }

    [Theory]
    [InlineData("Input.StartDate", "9999-12-31", "Enter a start date between 1900-01-01 and 2100-12-31.")]
    [InlineData("Input.EndDate", "0001-01-01", "Enter an end date between 1900-01-01 and 2100-12-31.")]
    public async Task ProgrammeForm_DateOutsideTheCalendarRange_ShowsAMessage_AndChangesNothing(string field, string value, string message)
    {
        var manager = await _portal.SignedInClientAsync($"pm-{Guid.NewGuid():N}@test.example", Roles.ProjectManager, OrganisationSeed.SmiLe);
        var programme = await _portal.WithDbAsync(db => db.Programmes.AsNoTracking().SingleAsync(p => p.ReferenceNumber == "2022-01443"));
        var form = await manager.GetPageAsync($"/programmes/{programme.Id}/edit");

        var response = await manager.SubmitAsync(form, "main form[method='post']", new Dictionary<string, string> { [field] = value });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await response.ParseBodyAsync()).ValidationMessages());
        var saved = await _portal.WithDbAsync(db => db.Programmes.AsNoTracking().SingleAsync(p => p.Id == programme.Id));
        Assert.Equal((programme.Version, programme.StartDate, programme.EndDate), (saved.Version, saved.StartDate, saved.EndDate));
    }

    [Theory]
    [InlineData("Input.StartsOn", "9999-12-31", "Enter a start date between 1900-01-01 and 2100-12-31.")]
    [InlineData("Input.EndsOn", "0001-01-01", "Enter an end date between 1900-01-01 and 2100-12-31.")]
    [InlineData("Input.ApplicationDeadline", "9999-12-31", "Enter an application deadline between 1900-01-01 and 2100-12-31.")]
    public async Task OfferForm_DateOutsideTheCalendarRange_ShowsAMessage_AndChangesNothing(string field, string value, string message)
    {
        var partner = await _portal.SignedInClientAsync($"partner-{Guid.NewGuid():N}@test.example", Roles.PartnerStaff, OrganisationSeed.InnovationSkane);
        var offer = await _portal.WithDbAsync(db => db.Offers.AsNoTracking().SingleAsync(o => o.SeedKey == "is-advisory-legal"));
        var form = await partner.GetPageAsync($"/partner/offers/{offer.Id}/edit");

        var response = await partner.SubmitAsync(form, "#offer-form", new Dictionary<string, string> { [field] = value });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await response.ParseBodyAsync()).ValidationMessages());
        var saved = await _portal.WithDbAsync(db => db.Offers.AsNoTracking().SingleAsync(o => o.Id == offer.Id));
        Assert.Equal((offer.Version, offer.StartsOn, offer.EndsOn, offer.ApplicationDeadline), (saved.Version, saved.StartsOn, saved.EndsOn, saved.ApplicationDeadline));
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01T00:00:00Z")]
    public async Task HsdsApi_ModifiedAfterOutsideTheCalendarRange_IsA400Problem(string value)
    {
        var response = await _portal.CreatePortalClient().GetAsync("/api/hsds/services?modified_after=" + Uri.EscapeDataString(value));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty("modified_after");
        Assert.Equal("modified_after must be between 1900-01-01 and 2100-12-31.", errors[0].GetString());
    }

    [Fact]
    public async Task HsdsApi_ModifiedAfterInsideTheRange_Answers()
    {
        var response = await _portal.CreatePortalClient().GetAsync("/api/hsds/services?modified_after=1970-01-01");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
