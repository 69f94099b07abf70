using System.Net;
using MediconGlobal.Core.Accounts;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Catalogue;
using MediconGlobal.Web.Tests.Clients;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Admin;

/// <summary>
/// User administration (issue 11 item 1): inviting by e-mail with a single-use link from the public address,
/// sending again and cancelling, role and organisation, lock, deactivation, second-factor reset, search and filter,
/// the account's history; project managers invite partner staff only; nobody else gets in.
/// </summary>
public sealed class UserAdministrationTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private readonly PortalFactory _portal = fixture.Portal;

    [Fact]
    public async Task Invite_CreatesThePendingAccount_AndTheLinkFromThePublicAddressSetsThePasswordOnce()
    {
        var admin = await AdminAsync();
        var email = Unique("invited");

        var response = await InviteAsync(admin, email, "Ines Invited", Roles.Advisor, OrganisationSeed.InnovationSkane);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var user = await UserAsync(email);
        Assert.True(user.IsInvitationPending);
        Assert.False(user.EmailConfirmed);
        var mail = await _portal.Mailbox.WaitForAsync(email);
        var link = Mailbox.LinkIn(mail, "AcceptInvitation");
        Assert.StartsWith(Mailbox.PublicUrl + "/", link, StringComparison.Ordinal);
        Assert.Contains("Innovation Skåne", mail.TextBody, StringComparison.Ordinal);

        var invitee = _portal.CreatePortalClient();
        var page = await invitee.GetPageAsync(Mailbox.Local(link));
        var accepted = await invitee.SubmitAsync(page, "#accept-invitation", new Dictionary<string, string>
        {
            ["Input.Password"] = PortalFactory.Password,
            ["Input.ConfirmPassword"] = PortalFactory.Password,
        });

        accepted.AssertRedirectsTo("/Identity/Account/Login");
        await invitee.SignInAsync(email, PortalFactory.Password);
        Assert.Equal(HttpStatusCode.OK, (await invitee.GetAsync("/clients")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _portal.CreatePortalClient().GetAsync(Mailbox.Local(link))).StatusCode);
        var accepting = await UserAsync(email);
        Assert.True(accepting.EmailConfirmed);
        Assert.False(accepting.IsInvitationPending);
    }

    [Theory]
    [InlineData("", "Name", "Advisor", "Enter your e-mail address.")]
    [InlineData("not-an-address", "Name", "Advisor", "Enter a valid e-mail address, like name@example.com.")]
    [InlineData("{new}", "", "Advisor", "Give the person's name.")]
    [InlineData("{new}", "Name", "Startup", "Choose a role from the list.")]
    [InlineData("{new}", "Name", "Overlord", "Choose a role from the list.")]
    [InlineData("{existing}", "Name", "Advisor", "An account with this e-mail address exists already; find it in the user list.")]
    public async Task Invite_BadInput_ShowsTheMessage_AndCreatesNothing(string email, string name, string role, string message)
    {
        var admin = await AdminAsync();
        if (email == "{existing}")
        {
            email = (await _portal.CreateUserAsync(Unique("EXISTING").ToUpperInvariant(), Roles.Advisor, OrganisationSeed.SmiLe)).Email!.ToLowerInvariant();
        }

        email = email.Replace("{new}", Unique("new"), StringComparison.Ordinal);
        var before = await _portal.WithDbAsync(db => db.Users.CountAsync());

        var response = await InviteAsync(admin, email, name, role, OrganisationSeed.SmiLe);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await response.ParseBodyAsync()).ValidationMessages());
        Assert.Equal(before, await _portal.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task ProjectManager_InvitesPartnerStaffOnly()
    {
        var pm = await _portal.SignedInClientAsync(Unique("pm"), Roles.ProjectManager, OrganisationSeed.Mva);
        var page = await pm.GetPageAsync("/admin/users/invite");
        Assert.Equal(["PartnerStaff"], page.QuerySelectorAll("#Input_Role option").Select(o => o.GetAttribute("value")).ToList());

        var refused = await InviteAsync(pm, Unique("too-high"), "Too High", Roles.Administrator, OrganisationSeed.Een);
        var invited = await InviteAsync(pm, Unique("een-staff"), "Een Staff", Roles.PartnerStaff, OrganisationSeed.Een);

        Assert.Contains("Choose a role from the list.", (await refused.ParseBodyAsync()).ValidationMessages());
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        Assert.StartsWith("/landscape/organisations/", invited.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await pm.GetAsync("/admin/users")).StatusCode);
    }

    [Theory]
    [InlineData(Roles.Advisor, "/admin/users/invite")]
    [InlineData(Roles.PartnerStaff, "/admin/users/invite")]
    [InlineData(Roles.Startup, "/admin/users/invite")]
    [InlineData(Roles.ProjectManager, "/admin/users")]
    [InlineData(Roles.ProjectManager, "/admin/users/{user}")]
    [InlineData(Roles.Advisor, "/admin/users/{user}")]
    public async Task OtherRoles_AreRefused_ForGetAndPost(string role, string path)
    {
        var target = await EnsureUserAsync(Unique("target"), Roles.Advisor);
        var client = await _portal.SignedInClientAsync(Unique(role), role, role == Roles.Startup ? null : OrganisationSeed.SmiLe);
        var url = path.Replace("{user}", target.Id, StringComparison.Ordinal);

        var get = await client.GetAsync(url);
        var post = await client.PostAsync(url + "?handler=Lock", new FormUrlEncodedContent([]));

        get.AssertRedirectsTo("/Identity/Account/AccessDenied");
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.Null((await UserAsync(target.Email!)).LockoutEnd);
    }

    [Fact]
    public async Task ResendInvitation_OnlyTheNewestLinkWorks_AndCancelRemovesTheAccount()
    {
        var admin = await AdminAsync();
        var email = Unique("resent");
        await InviteAsync(admin, email, "Re Sent", Roles.PartnerStaff, OrganisationSeed.Dlsc);
        var first = Mailbox.LinkIn(await _portal.Mailbox.WaitForAsync(email), "AcceptInvitation");
        var user = await UserAsync(email);

        (await PressAsync(admin, user.Id, "ResendInvitation")).AssertRedirectsTo($"/admin/users/{user.Id}");
        var second = Mailbox.LinkIn(await _portal.Mailbox.WaitForAsync(email, m => !m.Links.Contains(first)), "AcceptInvitation");

        Assert.Equal(HttpStatusCode.BadRequest, (await _portal.CreatePortalClient().GetAsync(Mailbox.Local(first))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _portal.CreatePortalClient().GetAsync(Mailbox.Local(second))).StatusCode);

        (await PressAsync(admin, user.Id, "CancelInvitation")).AssertRedirectsTo("/admin/users");
        Assert.False(await _portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        Assert.Equal(HttpStatusCode.BadRequest, (await _portal.CreatePortalClient().GetAsync(Mailbox.Local(second))).StatusCode);
    }

    [Fact]
    public async Task ChangeRoleAndOrganisation_EndsTheirSession_AndShowsInTheHistory()
    {
        var admin = await AdminAsync();
        var email = Unique("moved");
        var (user, session) = await SignedInUserAsync(email, Roles.Advisor);
        var mva = await OrganisationIdAsync(OrganisationSeed.Mva);
        var page = await admin.GetPageAsync($"/admin/users/{user.Id}");

        var response = await admin.SubmitAsync(page, "#access-form", new Dictionary<string, string> { ["Access.Role"] = Roles.ProjectManager, ["Access.OrganisationId"] = mva.ToString() });

        response.AssertRedirectsTo($"/admin/users/{user.Id}");
        var moved = await UserAsync(email);
        Assert.Equal(mva, moved.OrganisationId);
        Assert.Equal([Roles.ProjectManager], await RolesOfAsync(moved.Id));
        (await session.GetAsync("/clients")).AssertRedirectsTo("/Identity/Account/Login");
        var history = (await admin.GetPageAsync($"/admin/users/{user.Id}")).QuerySelector(".history-list")!.TextContent;
        Assert.Contains("Medicon Valley Alliance", history, StringComparison.Ordinal);
        Assert.Contains(Roles.ProjectManager, history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeAccess_WithAMadeUpOrganisation_ShowsTheMessage_AndChangesNothing()
    {
        var admin = await AdminAsync();
        var user = await EnsureUserAsync(Unique("kept"), Roles.Advisor);
        var page = await admin.GetPageAsync($"/admin/users/{user.Id}");

        var response = await admin.SubmitAsync(page, "#access-form", new Dictionary<string, string> { ["Access.Role"] = Roles.PartnerStaff, ["Access.OrganisationId"] = "999999" });

        Assert.Contains("Choose an organisation from the list.", (await response.ParseBodyAsync()).ValidationMessages());
        Assert.Equal([Roles.Advisor], await RolesOfAsync(user.Id));
    }

    [Fact]
    public async Task AFounderWhoseCompanyWaitsForConfirmation_ShowsItAndCannotBeMadeStaff()
    {
        var admin = await AdminAsync();
        var email = Unique("held");
        var user = await _portal.CreateUserAsync(email, Roles.Startup);
        await _portal.WithDbAsync(async db =>
        {
            var held = await db.Users.SingleAsync(u => u.Id == user.Id);
            FounderRegistration.Hold(held, "Held Diagnostics AB", "SE", null);
            await db.SaveChangesAsync();
        });

        var page = await admin.GetPageAsync($"/admin/users/{user.Id}");
        var forged = await admin.PostAsync($"/admin/users/{user.Id}?handler=Access", new Dictionary<string, string>
        {
            ["Access.Role"] = Roles.Advisor,
            ["Access.OrganisationId"] = (await OrganisationIdAsync(OrganisationSeed.SmiLe)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Access.Stamp"] = (await UserAsync(email)).ConcurrencyStamp!,
        });

        Assert.Contains("Held Diagnostics AB (created when the address is confirmed)", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#access-form"));
        Assert.NotEqual(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Equal([Roles.Startup], await RolesOfAsync(user.Id));
    }

    [Fact]
    public async Task LockAndUnlock_EndTheSessionAndLetThemBackIn()
    {
        var admin = await AdminAsync();
        var email = Unique("locked");
        var (user, session) = await SignedInUserAsync(email, Roles.Advisor);

        (await PressAsync(admin, user.Id, "Lock")).AssertRedirectsTo($"/admin/users/{user.Id}");
        (await session.GetAsync("/clients")).AssertRedirectsTo("/Identity/Account/Login");
        Assert.Equal("Locked", (await admin.GetPageAsync($"/admin/users/{user.Id}")).QuerySelector("#account-status")!.TextContent.Trim());

        (await PressAsync(admin, user.Id, "Unlock")).AssertRedirectsTo($"/admin/users/{user.Id}");
        await _portal.CreatePortalClient().SignInAsync(email, PortalFactory.Password);
    }

    [Fact]
    public async Task Deactivate_EndsTheSession_RefusesSignIn_AndKeepsTheAccount()
    {
        var admin = await AdminAsync();
        var email = Unique("leaver");
        var (user, session) = await SignedInUserAsync(email, Roles.Advisor);

        (await PressAsync(admin, user.Id, "Deactivate")).AssertRedirectsTo($"/admin/users/{user.Id}");

        (await session.GetAsync("/clients")).AssertRedirectsTo("/Identity/Account/Login");
        var client = _portal.CreatePortalClient();
        var signIn = await client.SubmitAsync(await client.GetPageAsync("/Identity/Account/Login"), "form#account", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = PortalFactory.Password });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("This account has been deactivated.", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull((await UserAsync(email)).DeactivatedAt);

        (await PressAsync(admin, user.Id, "Reactivate")).AssertRedirectsTo($"/admin/users/{user.Id}");
        await _portal.CreatePortalClient().SignInAsync(email, PortalFactory.Password);
    }

    [Fact]
    public async Task AnAdministrator_CannotLockOrDeactivateThemselves()
    {
        var email = Unique("self-admin");
        var admin = await _portal.SignedInClientAsync(email, Roles.Administrator, OrganisationSeed.SmiLe);
        var self = await UserAsync(email);
        var page = await admin.GetPageAsync($"/admin/users/{self.Id}");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await admin.PostAsync($"/admin/users/{self.Id}?handler=Deactivate", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Stamp"] = self.ConcurrencyStamp! }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("You cannot lock, deactivate or take the administrator role from your own account", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await UserAsync(email)).DeactivatedAt);
    }

    [Fact]
    public async Task AButtonFromAnOutdatedPage_ChangesNothing()
    {
        var admin = await AdminAsync();
        var user = await EnsureUserAsync(Unique("outdated"), Roles.Advisor);
        var page = await admin.GetPageAsync($"/admin/users/{user.Id}");
        await PressAsync(admin, user.Id, "Deactivate");
        await PressAsync(admin, user.Id, "Reactivate");

        var response = await admin.SubmitAsync(page, "form[action*='handler=Lock']");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Someone changed this account after you opened the page.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await UserAsync(user.Email!)).LockoutEnd);
    }

    [Fact]
    public async Task ResetTwoFactor_TurnsItOff()
    {
        var admin = await AdminAsync();
        var email = Unique("lost-phone");
        await Account.TwoFactor.EnableAsync(await _portal.SignedInClientAsync(email, Roles.Advisor, OrganisationSeed.SmiLe));
        var user = await UserAsync(email);
        Assert.True(user.TwoFactorEnabled);

        (await PressAsync(admin, user.Id, "ResetTwoFactor")).AssertRedirectsTo($"/admin/users/{user.Id}");

        Assert.False((await UserAsync(email)).TwoFactorEnabled);
        await _portal.CreatePortalClient().SignInAsync(email, PortalFactory.Password);
    }

    [Fact]
    public async Task List_SearchesAndFilters()
    {
        var admin = await AdminAsync();
        var word = "Zebulon" + Guid.NewGuid().ToString("N")[..6];
        var found = await _portal.CreateUserAsync(Unique("zeb"), Roles.PartnerStaff, OrganisationSeed.Dlsc);
        await _portal.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == found.Id)).DisplayName = word + " Partner";
            await db.SaveChangesAsync();
        });

        var byName = await admin.GetPageAsync($"/admin/users?q={word.ToLowerInvariant()}");
        var wrongRole = await admin.GetPageAsync($"/admin/users?q={word}&role=Advisor");
        var invited = await admin.GetPageAsync($"/admin/users?q={word}&status=Invited");
        var nonsense = await admin.GetPageAsync("/admin/users?status=Sideways&organisation=north");

        Assert.Single(byName.QuerySelectorAll("tbody tr"));
        Assert.NotNull(byName.QuerySelector($"#user-{found.Id}"));
        Assert.Empty(wrongRole.QuerySelectorAll("tbody tr"));
        Assert.Empty(invited.QuerySelectorAll("tbody tr"));
        Assert.NotEmpty(nonsense.QuerySelectorAll("tbody tr"));
    }

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}@test.example";

    private async Task<HttpClient> AdminAsync() => await _portal.SignedInClientAsync(Unique("admin"), Roles.Administrator, OrganisationSeed.SmiLe);

    private static async Task<HttpResponseMessage> InviteAsync(HttpClient client, string email, string name, string role, string organisationSeedKey)
    {
        var page = await client.GetPageAsync("/admin/users/invite");
        var organisation = page.QuerySelectorAll("#Input_OrganisationId option").First(o => o.TextContent.Trim() == OrganisationNames[organisationSeedKey]).GetAttribute("value")!;
        return await client.SubmitAsync(page, "#invite-form", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = name,
            ["Input.Role"] = role,
            ["Input.OrganisationId"] = organisation,
        });
    }

    private static readonly Dictionary<string, string> OrganisationNames = new()
    {
        [OrganisationSeed.SmiLe] = "SmiLe Incubator",
        [OrganisationSeed.InnovationSkane] = "Innovation Skåne",
        [OrganisationSeed.Een] = "Enterprise Europe Network",
        [OrganisationSeed.Dlsc] = "Danish Life Science Cluster",
    };

    /// <summary>Presses one of the buttons on the user's page, as the page renders it now.</summary>
    private static async Task<HttpResponseMessage> PressAsync(HttpClient admin, string userId, string handler) =>
        await admin.SubmitAsync(await admin.GetPageAsync($"/admin/users/{userId}"), $"form[action*='handler={handler}']");

    private async Task<(ApplicationUser User, HttpClient Session)> SignedInUserAsync(string email, string role)
    {
        var session = await _portal.SignedInClientAsync(email, role, OrganisationSeed.SmiLe);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/clients")).StatusCode);
        return (await UserAsync(email), session);
    }

    private async Task<ApplicationUser> EnsureUserAsync(string email, string role) =>
        await _portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)) ? await UserAsync(email) : await _portal.CreateUserAsync(email, role, OrganisationSeed.SmiLe);

    private Task<ApplicationUser> UserAsync(string email) => _portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));

    private Task<int> OrganisationIdAsync(string seedKey) => _portal.WithDbAsync(db => db.Organisations.Where(o => o.SeedKey == seedKey).Select(o => o.Id).SingleAsync());

    private Task<List<string>> RolesOfAsync(string userId) => _portal.WithDbAsync(db =>
        db.UserRoles.Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToListAsync());
}
