using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Catalogue;
using MediconGlobal.Web.Tests.Clients;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Admin;

/// <summary>
/// What an administrator does to an account is told to its owner by e-mail (docs/security.md, "E-mails about an
/// account"): a second-factor reset, a lock, an unlock or reactivation and a new role or organisation; a
/// deactivation is not. Links come from the public address.
/// </summary>
public sealed class AccountChangeMailTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private readonly PortalFactory _portal = fixture.Portal;

    [Fact]
    public async Task ResetTwoFactor_EmailsTheOwner_WhoDidIt_AndTheLinkToSetItUpAgain()
    {
        var (admin, adminName) = await AdminAsync();
        var email = Unique("lost-phone");
        await Account.TwoFactor.EnableAsync(await _portal.SignedInClientAsync(email, Roles.Advisor, OrganisationSeed.SmiLe));

        await PressAsync(admin, email, "ResetTwoFactor");

        var mail = await _portal.Mailbox.WaitForAsync(email, m => m.Subject == "Two-factor authentication is off on your MediconGlobal account");
        Assert.Contains(adminName, mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(Mailbox.PublicUrl + "/Identity/Account/Manage/TwoFactorAuthentication", Mailbox.LinkIn(mail, "TwoFactorAuthentication"));
    }

    [Fact]
    public async Task LockAndUnlock_EachEmailTheOwner()
    {
        var (admin, adminName) = await AdminAsync();
        var email = Unique("locked");
        await _portal.CreateUserAsync(email, Roles.PartnerStaff, OrganisationSeed.Dlsc);

        await PressAsync(admin, email, "Lock");
        var locked = await _portal.Mailbox.WaitForAsync(email, m => m.Subject == "Your MediconGlobal account is locked");
        await PressAsync(admin, email, "Unlock");
        var unlocked = await _portal.Mailbox.WaitForAsync(email, m => m.Subject == "You can sign in to MediconGlobal again");

        Assert.Contains(adminName + ", an administrator of MediconGlobal, has locked your account", locked.TextBody, StringComparison.Ordinal);
        Assert.Equal(Mailbox.PublicUrl + "/Identity/Account/Login", Mailbox.LinkIn(unlocked, "Login"));
    }

    [Fact]
    public async Task ChangeOfRoleAndOrganisation_EmailsTheNewOnes()
    {
        var (admin, _) = await AdminAsync();
        var email = Unique("moved");
        var user = await _portal.CreateUserAsync(email, Roles.Advisor, OrganisationSeed.SmiLe);
        var mva = await _portal.WithDbAsync(db => db.Organisations.Where(o => o.SeedKey == OrganisationSeed.Mva).Select(o => o.Id).SingleAsync());
        var page = await admin.GetPageAsync($"/admin/users/{user.Id}");

        (await admin.SubmitAsync(page, "#access-form", new Dictionary<string, string> { ["Access.Role"] = Roles.ProjectManager, ["Access.OrganisationId"] = mva.ToString() }))
            .AssertRedirectsTo($"/admin/users/{user.Id}");

        var mail = await _portal.Mailbox.WaitForAsync(email, m => m.Subject == "Your access to MediconGlobal has changed");
        Assert.Contains("you are now project manager of Medicon Valley Alliance", mail.TextBody, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Deactivation_SendsNoEmail_AndReactivationDoes()
    {
        var (admin, _) = await AdminAsync();
        var email = Unique("leaver");
        await _portal.CreateUserAsync(email, Roles.Advisor, OrganisationSeed.SmiLe);

        await PressAsync(admin, email, "Deactivate");
        await PressAsync(admin, email, "Reactivate");

        await _portal.Mailbox.WaitForAsync(email);
        Assert.Equal("You can sign in to MediconGlobal again", Assert.Single(_portal.Mailbox.To(email)).Subject);
    }

    private async Task<(HttpClient Client, string Name)> AdminAsync()
    {
        var email = Unique("admin");
        return (await _portal.SignedInClientAsync(email, Roles.Administrator, OrganisationSeed.SmiLe), email.Split('@')[0]);
    }

    /// <summary>Presses one of the buttons on the user's page, as the page renders it now.</summary>
    private async Task PressAsync(HttpClient admin, string email, string handler)
    {
        var id = await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        (await admin.SubmitAsync(await admin.GetPageAsync($"/admin/users/{id}"), $"form[action*='handler={handler}']")).AssertRedirectsTo($"/admin/users/{id}");
    }

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}@test.example";
}
