using System.Net;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Pages;

public sealed class RoleAccessTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Theory]
    [InlineData(Roles.Advisor, "/admin/users")]
    [InlineData(Roles.Advisor, "/dashboard")]
    [InlineData(Roles.PartnerStaff, "/clients")]
    [InlineData(Roles.Startup, "/clients")]
    [InlineData(Roles.ProjectManager, "/admin/users")]
    [InlineData(Roles.ProjectManager, "/my-requests")]
    public async Task PageOfAnotherRole_IsRefused(string role, string path)
    {
        var client = await _portal.SignedInClientAsync($"{role.ToLowerInvariant()}@example.test", role, role == Roles.Startup ? null : "smile");

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminUsers_ListsEveryUserWithRoleAndOrganisation()
    {
        await _portal.CreateUserAsync("nora@example.test", Roles.PartnerStaff, "innovation-skane");
        var client = await _portal.SignedInClientAsync("root@example.test", Roles.Administrator, "smile");

        var page = await client.GetPageAsync("/admin/users");

        var row = page.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("nora@example.test", StringComparison.Ordinal));
        Assert.Contains(Roles.Label(Roles.PartnerStaff), row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Innovation Skåne", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clients_AdvisorSeesOnlyTheirOrganisationsClients()
    {
        await _portal.WithDbAsync(async db =>
        {
            var smile = await db.Organisations.SingleAsync(o => o.SeedKey == "smile");
            var skane = await db.Organisations.SingleAsync(o => o.SeedKey == "innovation-skane");
            db.Companies.Add(new Company("Own Client AB", "SE") { HomeIncubator = smile });
            db.Companies.Add(new Company("Other Incubator Client AB", "SE") { HomeIncubator = skane });
            await db.SaveChangesAsync();
        });
        var advisor = await _portal.SignedInClientAsync("sara@example.test", Roles.Advisor, "smile");
        var manager = await _portal.SignedInClientAsync("petra@example.test", Roles.ProjectManager, "mva");

        var advisorPage = (await advisor.GetPageAsync("/clients")).QuerySelector("main")!.TextContent;
        var managerPage = (await manager.GetPageAsync("/clients")).QuerySelector("main")!.TextContent;

        Assert.Contains("Own Client AB", advisorPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Other Incubator Client AB", advisorPage, StringComparison.Ordinal);
        Assert.Contains("Other Incubator Client AB", managerPage, StringComparison.Ordinal);
    }
}
