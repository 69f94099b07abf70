using System.Net;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Catalogue;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Admin;

/// <summary>Project managers create and edit organisations and programmes in the UI (issue 11, item 3).</summary>
public sealed class OrganisationAndProgrammePagesTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private readonly PortalFactory _portal = fixture.Portal;

    [Fact]
    public async Task ProjectManager_AddsAnOrganisation_ThatStartsAsMapped()
    {
        var pm = await ManagerAsync();
        var page = await pm.GetPageAsync("/organisations/new");
        var skane = await TermIdAsync("se-skane");

        var response = await pm.SubmitAsync(page, "main form[method='post']", new Dictionary<string, string>
        {
            ["Input.Name"] = "Lund Health Hub",
            ["Input.Type"] = "Incubator",
            ["Input.CountryCode"] = "se",
            ["Input.RegionId"] = skane.ToString(),
            ["Input.Contacts[0].Name"] = "Lea Lund",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await _portal.WithDbAsync(db => db.Organisations.Include(o => o.Contacts).SingleAsync(o => o.Name == "Lund Health Hub"));
        Assert.Equal((OrganisationType.Incubator, "SE", skane, PartnershipStatus.Mapped), (saved.Type, saved.CountryCode, saved.RegionId!.Value, saved.PartnershipStatus));
        Assert.Equal("Lea Lund", Assert.Single(saved.Contacts).Name);
        Assert.Equal($"/organisations/{saved.Id}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Post_NewOrganisationWithBadInput_ShowsTheMessages_AndAddsNothing()
    {
        var pm = await ManagerAsync();
        var before = await _portal.WithDbAsync(db => db.Organisations.CountAsync());
        var page = await pm.GetPageAsync("/organisations/new");

        var response = await pm.SubmitAsync(page, "main form[method='post']", new Dictionary<string, string>
        {
            ["Input.Name"] = "",
            ["Input.Type"] = "Spaceport",
            ["Input.CountryCode"] = "Sweden",
            ["Input.Website"] = "javascript:alert(1)",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var messages = (await response.ParseBodyAsync()).ValidationMessages();
        Assert.Contains("Give the organisation's name.", messages);
        Assert.Contains("Give the country as a two-letter code, for example SE.", messages);
        Assert.Contains("Enter a web address starting with https://.", messages);
        Assert.Equal(before, await _portal.WithDbAsync(db => db.Organisations.CountAsync()));
    }

    [Fact]
    public async Task ProjectManager_EditsAnyOrganisation_AndAStaleFormChangesNothing()
    {
        var pm = await ManagerAsync();
        var id = await OrganisationIdAsync(OrganisationSeed.BusinessSweden);
        var form = await pm.GetPageAsync($"/organisations/{id}/edit");
        var stale = await pm.GetPageAsync($"/organisations/{id}/edit");

        var saved = await pm.SubmitAsync(form, "main form[method='post']", new Dictionary<string, string> { ["Input.CollaborationNeeds"] = "Warm introductions to incubators." });
        var conflict = await pm.SubmitAsync(stale, "main form[method='post']", new Dictionary<string, string> { ["Input.CollaborationNeeds"] = "Overwritten." });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains((await conflict.ParseBodyAsync()).ValidationMessages(), m => m.Contains("while you were editing", StringComparison.Ordinal));
        Assert.Equal("Warm introductions to incubators.", await _portal.WithDbAsync(db => db.Organisations.Where(o => o.Id == id).Select(o => o.CollaborationNeeds).SingleAsync()));
        var details = await pm.GetPageAsync($"/organisations/{id}");
        Assert.NotNull(details.QuerySelector($"a[href='/organisations/{id}/edit']"));
        Assert.NotNull(details.QuerySelector($"a[href='/history/organisations/{id}']"));
    }

    [Fact]
    public async Task ProjectManager_AddsAProgramme_WithPartnersFundingAndIndicators()
    {
        var pm = await ManagerAsync();
        var (smile, mva) = (await OrganisationIdAsync(OrganisationSeed.SmiLe), await OrganisationIdAsync(OrganisationSeed.Mva));
        var page = await pm.GetPageAsync("/programmes/new");

        var response = await pm.SubmitAsync(page, "main form[method='post']", new Dictionary<string, string>
        {
            ["Input.Name"] = "Going Global main project",
            ["Input.LeadOrganisationId"] = smile.ToString(),
            ["Input.Status"] = "Planned",
            ["Input.FundingAmount"] = "2 138 347,50",
            ["Input.FundingCurrency"] = "SEK",
            ["Input.StartDate"] = "2027-01-01",
            ["Input.EndDate"] = "2029-12-31",
            ["Input.Partners[0].OrganisationId"] = mva.ToString(),
            ["Input.Partners[0].Role"] = "Co-lead",
            ["Input.Indicators[0].Metric"] = "Companies attending the info webinar",
            ["Input.Indicators[0].Target"] = "30",
            ["Input.Indicators[1].Metric"] = "Companies continuing",
            ["Input.Indicators[1].Target"] = "10",
            ["Input.Indicators[1].Actual"] = "0",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await _portal.WithDbAsync(db => db.Programmes.Include(p => p.Partners).Include(p => p.Indicators).SingleAsync(p => p.Name == "Going Global main project"));
        Assert.Equal((213834750L, Currency.SEK, smile, new DateOnly(2029, 12, 31)), (saved.FundingAmountMinor!.Value, saved.FundingCurrency!.Value, saved.LeadOrganisationId, saved.EndDate!.Value));
        Assert.Equal((mva, "Co-lead"), (Assert.Single(saved.Partners).OrganisationId, saved.Partners.Single().Role));
        Assert.Equal(["Companies attending the info webinar", "Companies continuing"], saved.Indicators.OrderBy(i => i.SortOrder).Select(i => i.Metric));

        // Editing: the indicator's actual value and the partner's role, then a stale form is refused.
        var edit = await pm.GetPageAsync($"/programmes/{saved.Id}/edit");
        Assert.Equal("2138347.50", edit.QuerySelector("#Input_FundingAmount")!.GetAttribute("value"));
        var stale = await pm.GetPageAsync($"/programmes/{saved.Id}/edit");
        var changed = await pm.SubmitAsync(edit, "main form[method='post']", new Dictionary<string, string> { ["Input.Indicators[1].Actual"] = "12", ["Input.Partners[0].Role"] = "Partner" });
        var conflict = await pm.SubmitAsync(stale, "main form[method='post']", new Dictionary<string, string> { ["Input.Indicators[0].Metric"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var after = await _portal.WithDbAsync(db => db.Programmes.Include(p => p.Partners).Include(p => p.Indicators).SingleAsync(p => p.Id == saved.Id));
        Assert.Equal(12, after.Indicators.Single(i => i.Metric == "Companies continuing").Actual);
        Assert.Equal(2, after.Indicators.Count);
        Assert.Equal("Partner", after.Partners.Single().Role);
    }

    [Theory]
    [InlineData("Input.FundingAmount", "12abc", "Write the amount as a number with at most two decimals, for example 2138347 or 2138347.50.")]
    [InlineData("Input.Name", "", "Give the programme a name.")]
    [InlineData("Input.EndDate", "2020-01-01", "The end date cannot be before the start date.")]
    [InlineData("Input.Links", "ftp://files.example", "Put one web address starting with https:// on each line.")]
    [InlineData("Input.Indicators[0].Target", "-3", "A target is a count, 0 or more.")]
    [InlineData("Input.Indicators[0].Id", "999999", "That indicator is not part of this programme.")]
    [InlineData("Input.LeadOrganisationId", "999999", "Choose the lead organisation from the list.")]
    public async Task Post_ProgrammeWithBadInput_ShowsTheMessage_AndChangesNothing(string field, string value, string message)
    {
        var pm = await ManagerAsync();
        var id = await _portal.WithDbAsync(db => db.Programmes.Where(p => p.ReferenceNumber == "2022-01443").Select(p => p.Id).SingleAsync());
        var before = await _portal.WithDbAsync(db => db.Programmes.Where(p => p.Id == id).Select(p => new { p.Version, p.FundingAmountMinor, Indicators = p.Indicators.Count }).SingleAsync());
        var page = await pm.GetPageAsync($"/programmes/{id}/edit");

        var response = await pm.SubmitAsync(page, "main form[method='post']", new Dictionary<string, string> { [field] = value, ["Input.StartDate"] = "2022-05-01" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await response.ParseBodyAsync()).ValidationMessages());
        var after = await _portal.WithDbAsync(db => db.Programmes.Where(p => p.Id == id).Select(p => new { p.Version, p.FundingAmountMinor, Indicators = p.Indicators.Count }).SingleAsync());
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Post_ProgrammeWithLettersInANumberField_IsRefused_AndChangesNothing()
    {
        var pm = await ManagerAsync();
        var id = await _portal.WithDbAsync(db => db.Programmes.Where(p => p.ReferenceNumber == "2022-01443").Select(p => p.Id).SingleAsync());
        var version = await _portal.WithDbAsync(db => db.Programmes.Where(p => p.Id == id).Select(p => p.Version).SingleAsync());
        var page = await pm.GetPageAsync($"/programmes/{id}/edit");

        var response = await pm.SubmitAsync(page, "main form[method='post']", new Dictionary<string, string> { ["Input.Indicators[0].Actual"] = "thirty" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty((await response.ParseBodyAsync()).ValidationMessages());
        Assert.Equal(version, await _portal.WithDbAsync(db => db.Programmes.Where(p => p.Id == id).Select(p => p.Version).SingleAsync()));
    }

    private async Task<HttpClient> ManagerAsync() =>
        await _portal.SignedInClientAsync($"pm-{Guid.NewGuid():N}@example.test", Roles.ProjectManager, OrganisationSeed.Mva);

    private Task<int> OrganisationIdAsync(string key) => _portal.WithDbAsync(db => db.Organisations.Where(o => o.SeedKey == key).Select(o => o.Id).SingleAsync());

    private Task<int> TermIdAsync(string code) => _portal.WithDbAsync(db => db.TaxonomyTerms.Where(t => t.Code == code).Select(t => t.Id).SingleAsync());
}
