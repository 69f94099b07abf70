using System.Net;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Catalogue;
using MediconGlobal.Web.Tests.Clients;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Admin;

/// <summary>
/// Inviting someone whose organisation is not in the landscape yet (issue 11 item 1, ADR 1106): the invitation form
/// adds the organisation (name, type, country) in the same step, as "mapped", and the person is invited there;
/// a name already in the landscape, a missing type or country, or both a chosen and a new organisation get a
/// message and add nothing.
/// </summary>
public sealed class InviteToNewOrganisationTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private readonly PortalFactory _portal = fixture.Portal;

    [Fact]
    public async Task Administrator_AddsTheOrganisation_AndInvitesThePersonThere()
    {
        var admin = await _portal.SignedInClientAsync(Unique("admin"), Roles.Administrator, OrganisationSeed.SmiLe);
        var email = Unique("founder-of-lab");
        var name = "Øresund Test Lab " + Guid.NewGuid().ToString("N")[..6];

        var response = await InviteAsync(admin, email, Roles.Advisor, organisation: "", newName: name, newType: nameof(OrganisationType.Incubator), newCountry: "dk");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var added = await _portal.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Name == name));
        Assert.Equal((OrganisationType.Incubator, "DK"), (added.Type, added.CountryCode));
        Assert.Equal(added.Id, (await UserAsync(email)).OrganisationId);
        Assert.Contains(name, (await _portal.Mailbox.WaitForAsync(email)).TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProjectManager_AddsTheOrganisation_AndLandsOnItsLandscapePage()
    {
        var pm = await _portal.SignedInClientAsync(Unique("pm"), Roles.ProjectManager, OrganisationSeed.Mva);
        var name = "Kattegat Partner " + Guid.NewGuid().ToString("N")[..6];

        var response = await InviteAsync(pm, Unique("partner"), Roles.PartnerStaff, organisation: "", newName: name, newType: nameof(OrganisationType.ClusterOrganisation), newCountry: "SE");

        var added = await _portal.WithDbAsync(db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());
        response.AssertRedirectsTo($"/landscape/organisations/{added}");
    }

    [Theory]
    [InlineData("{existing}", "Incubator", "SE", "", "is in the landscape already; choose it from the list.")]
    [InlineData("{new}", "", "SE", "", "Choose the type of organisation.")]
    [InlineData("{new}", "Incubator", "Sweden", "", "Give the country as a two-letter code, for example SE.")]
    [InlineData("{new}", "Incubator", "SE", "{chosen}", "Either choose an organisation from the list or add a new one, not both.")]
    [InlineData("", "", "", "", "Choose an organisation from the list, or add one that is not in the landscape yet.")]
    public async Task BadNewOrganisation_ShowsTheMessage_AndAddsNothing(string newName, string newType, string newCountry, string organisation, string message)
    {
        var admin = await _portal.SignedInClientAsync(Unique("admin"), Roles.Administrator, OrganisationSeed.SmiLe);
        var email = Unique("nobody");
        newName = newName.Replace("{existing}", "smile incubator", StringComparison.Ordinal).Replace("{new}", "Never Added " + Guid.NewGuid().ToString("N")[..6], StringComparison.Ordinal);
        var organisations = await _portal.WithDbAsync(db => db.Organisations.CountAsync());

        var response = await InviteAsync(admin, email, Roles.Advisor, organisation, newName, newType, newCountry);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains((await response.ParseBodyAsync()).ValidationMessages(), m => m.Contains(message, StringComparison.Ordinal));
        Assert.Equal(organisations, await _portal.WithDbAsync(db => db.Organisations.CountAsync()));
        Assert.False(await _portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    private static async Task<HttpResponseMessage> InviteAsync(HttpClient client, string email, string role, string organisation, string newName, string newType, string newCountry)
    {
        var page = await client.GetPageAsync("/admin/users/invite");
        if (organisation == "{chosen}")
        {
            organisation = page.QuerySelectorAll("#Input_OrganisationId option").First(o => o.TextContent.Trim() == "SmiLe Incubator").GetAttribute("value")!;
        }

        return await client.SubmitAsync(page, "#invite-form", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = "Invited Person",
            ["Input.Role"] = role,
            ["Input.OrganisationId"] = organisation,
            ["Input.NewOrganisationName"] = newName,
            ["Input.NewOrganisationType"] = newType,
            ["Input.NewOrganisationCountry"] = newCountry,
        });
    }

    private Task<ApplicationUser> UserAsync(string email) => _portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}@test.example";
}
