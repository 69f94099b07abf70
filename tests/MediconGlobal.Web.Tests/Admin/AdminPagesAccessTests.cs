using System.Net;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Catalogue;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Admin;

/// <summary>Every page issue 11 adds refuses the roles that may not use it, for reading and for posting.</summary>
public sealed class AdminPagesAccessTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private readonly PortalFactory _portal = fixture.Portal;

    public static TheoryData<string, string> Refused => new()
    {
        { Roles.ProjectManager, "/admin/taxonomies" },
        { Roles.ProjectManager, "/admin/taxonomies/sectors" },
        { Roles.ProjectManager, "/admin/taxonomies/sectors/{sector}" },
        { Roles.ProjectManager, "/admin/organisations/merge" },
        { Roles.Advisor, "/admin/taxonomies" },
        { Roles.PartnerStaff, "/admin/organisations/merge" },
        { Roles.Advisor, "/organisations/new" },
        { Roles.PartnerStaff, "/organisations/new" },
        { Roles.PartnerStaff, "/organisations/{organisation}/edit" },
        { Roles.Startup, "/organisations/{organisation}/edit" },
        { Roles.Advisor, "/programmes/new" },
        { Roles.PartnerStaff, "/programmes/{programme}/edit" },
        { Roles.Startup, "/history/organisations/{organisation}" },
        { Roles.Startup, "/history/offers/{offer}" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task PageOfAnotherRole_IsRefused_ForGetAndPost(string role, string path)
    {
        var client = await _portal.SignedInClientAsync($"{role}-{Guid.NewGuid():N}@example.test", role, role == Roles.Startup ? null : OrganisationSeed.SmiLe);
        var url = await ResolveAsync(path);

        var get = await client.GetAsync(url);
        var post = await client.PostAsync(url, new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.StartsWith("/Identity/Account/AccessDenied", get.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.NotEqual(HttpStatusCode.InternalServerError, post.StatusCode);
    }

    [Theory]
    [InlineData("/admin/taxonomies")]
    [InlineData("/organisations/new")]
    [InlineData("/programmes/new")]
    [InlineData("/history/organisations/1")]
    public async Task Anonymous_IsSentToSignIn(string path)
    {
        var response = await _portal.CreatePortalClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Identity/Account/Login", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/admin/taxonomies/nonsense")]
    [InlineData("/admin/taxonomies/sectors/999999")]
    [InlineData("/organisations/999999/edit")]
    [InlineData("/programmes/999999/edit")]
    [InlineData("/history/offers/999999")]
    [InlineData("/history/unknown/1")]
    public async Task UnknownRecords_AreNotFound(string path)
    {
        var client = await _portal.SignedInClientAsync($"admin-{Guid.NewGuid():N}@example.test", Roles.Administrator, OrganisationSeed.SmiLe);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
    }

    private async Task<string> ResolveAsync(string path) => await _portal.WithDbAsync(async db => path
        .Replace("{sector}", (await db.TaxonomyTerms.Where(t => t.Code == "medtech").Select(t => t.Id).SingleAsync()).ToString(), StringComparison.Ordinal)
        .Replace("{organisation}", (await db.Organisations.Where(o => o.SeedKey == OrganisationSeed.Mva).Select(o => o.Id).SingleAsync()).ToString(), StringComparison.Ordinal)
        .Replace("{programme}", (await db.Programmes.Select(p => p.Id).FirstAsync()).ToString(), StringComparison.Ordinal)
        .Replace("{offer}", (await db.Offers.Select(o => o.Id).FirstAsync()).ToString(), StringComparison.Ordinal));
}
