using System.Net;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Testing;
using MediconGlobal.Web.Tests.Clients;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediconGlobal.Web.Tests.Security;

/// <summary>
/// Issue 10, item 2: a copy of someone's sign-in cookie stops working on its next request — on every instance — once
/// they sign out, change their password, are given another role or locked by an administrator, or delete the
/// account; and every sign-in ends after 30 idle minutes and 12 hours in all.
/// </summary>
public sealed class SessionEndTests
{
    private const string AdvisorPage = "/clients";

    [Fact]
    public async Task SignOut_EndsEveryCopyOfTheCookie_OnEveryInstance()
    {
        await using var database = TestDatabase.Create(DatabaseProvider.Postgres);
        await database.InitializeAsync();
        var keys = Directory.CreateTempSubdirectory("mediconglobal-shared-keys-").FullName;
        var shared = new Dictionary<string, string?> { ["DataProtection:KeysPath"] = keys };
        await using var first = new PortalFactory(postgres: database, settings: shared);
        await using var second = new PortalFactory(postgres: database, settings: shared);
        await first.CreateUserAsync("two-instances@test.example", Roles.Advisor, OrganisationSeed.SmiLe);
        var (owner, jar) = Browser(first);
        await owner.SignInAsync("two-instances@test.example", PortalFactory.Password);
        var copyOnSecond = CopyOf(second, jar);
        var copyOnFirst = CopyOf(first, jar);
        Assert.Equal(HttpStatusCode.OK, (await copyOnSecond.GetAsync(AdvisorPage)).StatusCode);

        var signOut = await owner.SubmitAsync(await owner.GetPageAsync("/"), "form[action*='Logout']");

        signOut.AssertRedirectsTo("/");
        (await copyOnSecond.GetAsync(AdvisorPage)).AssertRedirectsTo("/Identity/Account/Login");
        (await copyOnFirst.GetAsync(AdvisorPage)).AssertRedirectsTo("/Identity/Account/Login");
    }

    [Fact]
    public async Task PasswordChange_EndsOtherCopies_AndKeepsTheSessionThatChangedIt()
    {
        await using var portal = new PortalFactory();
        await portal.CreateUserAsync("changing@test.example", Roles.Advisor, OrganisationSeed.SmiLe);
        var (owner, jar) = Browser(portal);
        await owner.SignInAsync("changing@test.example", PortalFactory.Password);
        var copy = CopyOf(portal, jar);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync(AdvisorPage)).StatusCode);

        var form = await owner.GetPageAsync("/Identity/Account/Manage/ChangePassword");
        var changed = await owner.SubmitAsync(form, "#change-password-form", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = PortalFactory.Password,
            ["Input.NewPassword"] = "Another!Passw0rd-2027",
            ["Input.ConfirmPassword"] = "Another!Passw0rd-2027",
        });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        (await copy.GetAsync(AdvisorPage)).AssertRedirectsTo("/Identity/Account/Login");
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync(AdvisorPage)).StatusCode);
    }

    [Fact]
    public async Task AccountDeletion_EndsEveryCopy_SoADeletedFounderStoresNothing()
    {
        await using var portal = new PortalFactory();
        var companyId = await portal.WithDbAsync(async db =>
        {
            var company = new Company("Leaving Startup AB", "SE");
            db.Companies.Add(company);
            await db.SaveChangesAsync();
            return company.Id;
        });
        await portal.CreateUserAsync("deleted-founder@test.example", Roles.Startup, companyId: companyId);
        var (owner, jar) = Browser(portal);
        await owner.SignInAsync("deleted-founder@test.example", PortalFactory.Password);
        var copy = CopyOf(portal, jar);
        var requestForm = await copy.GetPageAsync("/my-requests/new");

        var deletion = await owner.SubmitAsync(await owner.GetPageAsync("/Identity/Account/Manage/DeletePersonalData"), "#delete-user", new Dictionary<string, string> { ["Input.Password"] = PortalFactory.Password });
        var afterwards = await copy.SubmitAsync(requestForm, "#request-form", new Dictionary<string, string> { ["Input.Description"] = "Stored by a deleted account?" });

        deletion.AssertRedirectsTo("/");
        afterwards.AssertRedirectsTo("/Identity/Account/Login");
        Assert.Equal(0, await portal.WithDbAsync(db => db.Needs.CountAsync(n => n.CompanyId == companyId)));
    }

    [Theory]
    [InlineData("role")]
    [InlineData("lock")]
    [InlineData("organisation")]
    public async Task AdministratorsChange_WithANewSecurityStamp_EndsTheUsersSessions(string change)
    {
        await using var portal = new PortalFactory();
        var user = await portal.CreateUserAsync($"changed-{change}@test.example", Roles.Advisor, OrganisationSeed.SmiLe);
        var (owner, _) = Browser(portal);
        await owner.SignInAsync(user.Email!, PortalFactory.Password);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync(AdvisorPage)).StatusCode);

        // What user administration does (issue 10: the admin pages change the stamp with every such change).
        using (var scope = portal.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var stored = (await users.FindByIdAsync(user.Id))!;
            var result = change switch
            {
                "role" => await users.RemoveFromRoleAsync(stored, Roles.Advisor),
                "lock" => await users.SetLockoutEndDateAsync(stored, DateTimeOffset.UtcNow.AddYears(100)),
                _ => await ChangeOrganisationAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), users, stored),
            };
            Assert.True(result.Succeeded);
            Assert.True((await users.UpdateSecurityStampAsync(stored)).Succeeded);
        }

        (await owner.GetAsync(AdvisorPage)).AssertRedirectsTo("/Identity/Account/Login");
    }

    [Fact]
    public async Task SignIn_EndsAfterThirtyIdleMinutes()
    {
        var clock = new TestClock { Now = DateTimeOffset.UtcNow };
        await using var portal = new PortalFactory { Clock = clock };
        await portal.CreateUserAsync("idle@test.example", Roles.Advisor, OrganisationSeed.SmiLe);
        var (owner, _) = Browser(portal);
        await owner.SignInAsync("idle@test.example", PortalFactory.Password);

        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync(AdvisorPage)).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(31));

        (await owner.GetAsync(AdvisorPage)).AssertRedirectsTo("/Identity/Account/Login");
    }

    [Fact]
    public async Task SignIn_EndsTwelveHoursAfterThePasswordWasEntered_HoweverActive()
    {
        var clock = new TestClock { Now = DateTimeOffset.UtcNow };
        await using var portal = new PortalFactory { Clock = clock };
        await portal.CreateUserAsync("busy@test.example", Roles.Advisor, OrganisationSeed.SmiLe);
        var (owner, _) = Browser(portal);
        await owner.SignInAsync("busy@test.example", PortalFactory.Password);

        // A request every 20 minutes for 11 hours 40 minutes keeps the session alive...
        for (var step = 0; step < 35; step++)
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            Assert.True((await owner.GetAsync(AdvisorPage)).StatusCode == HttpStatusCode.OK, $"signed out after {(step + 1) * 20} minutes");
        }

        // ...until twelve hours have passed since signing in.
        clock.Advance(TimeSpan.FromMinutes(21));
        (await owner.GetAsync(AdvisorPage)).AssertRedirectsTo("/Identity/Account/Login");
    }

    private static async Task<IdentityResult> ChangeOrganisationAsync(AppDbContext db, UserManager<ApplicationUser> users, ApplicationUser user)
    {
        user.OrganisationId = await db.Organisations.Where(o => o.SeedKey == OrganisationSeed.InnovationSkane).Select(o => o.Id).SingleAsync();
        return await users.UpdateAsync(user);
    }

    /// <summary>A browser whose cookie jar the test can read, as an attacker reading a victim's cookies could.</summary>
    private static (HttpClient Client, System.Net.CookieContainer Jar) Browser(PortalFactory portal)
    {
        var jar = new System.Net.CookieContainer();
        return (portal.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(jar)), jar);
    }

    /// <summary>Another browser holding a copy of every cookie in <paramref name="jar"/>.</summary>
    private static HttpClient CopyOf(PortalFactory portal, System.Net.CookieContainer jar)
    {
        var (copy, copyJar) = Browser(portal);
        foreach (System.Net.Cookie cookie in jar.GetAllCookies())
        {
            copyJar.Add(new System.Net.Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain) { Secure = cookie.Secure, HttpOnly = cookie.HttpOnly });
        }

        return copy;
    }
}
