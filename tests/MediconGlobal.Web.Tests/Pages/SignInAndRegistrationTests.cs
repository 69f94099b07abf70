using System.Net;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Clients;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Pages;

public sealed class SignInAndRegistrationTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task SignIn_EmptyForm_ShowsWhatIsMissing()
    {
        var client = _portal.CreatePortalClient();
        var page = await client.GetPageAsync("/Identity/Account/Login");

        var response = await client.SubmitAsync(page, "form#account", new Dictionary<string, string> { ["Input.Email"] = "", ["Input.Password"] = "" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var messages = (await response.ParseBodyAsync()).ValidationMessages();
        Assert.Contains("Enter your e-mail address.", messages);
        Assert.Contains("Enter your password.", messages);
    }

    [Fact]
    public async Task SignIn_WrongPassword_SaysSo_AndRepeatedFailuresLockTheAccount()
    {
        const string failed = "The e-mail address or password is not correct, or the account is locked for 15 minutes after 5 failed attempts.";
        await _portal.CreateUserAsync("advisor@example.test", Roles.Advisor, "smile");
        var client = _portal.CreatePortalClient();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var page = await client.GetPageAsync("/Identity/Account/Login");
            var response = await client.SubmitAsync(page, "form#account", new Dictionary<string, string> { ["Input.Email"] = "advisor@example.test", ["Input.Password"] = "not-the-password" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(failed, (await response.ParseBodyAsync()).ValidationMessages());
        }

        var afterLockout = await client.GetPageAsync("/Identity/Account/Login");
        var rightPassword = await client.SubmitAsync(afterLockout, "form#account", new Dictionary<string, string> { ["Input.Email"] = "advisor@example.test", ["Input.Password"] = PortalFactory.Password });
        Assert.Equal(HttpStatusCode.OK, rightPassword.StatusCode);
        Assert.Contains(failed, (await rightPassword.ParseBodyAsync()).ValidationMessages());
        Assert.NotNull(await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == "advisor@example.test").Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Fact]
    public async Task SignIn_MalformedPost_WithoutAntiforgeryToken_IsRefusedWithoutError()
    {
        var response = await _portal.CreatePortalClient().PostAsync("/Identity/Account/Login", new FormUrlEncodedContent([new("Input.Email", "x")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Register_OffersTheSameHomeIncubators_AsTheClientForm()
    {
        var registration = await _portal.CreatePortalClient().GetPageAsync("/Identity/Account/Register");
        var projectManager = await _portal.SignedInClientAsync("pm@example.test", Roles.ProjectManager, "smile");
        var clientForm = await projectManager.GetPageAsync("/Clients/New");

        var offered = Choices(registration);
        Assert.Contains("Medicon Valley Alliance", offered); // a cluster organisation: the wider list wins (ADR 1901)
        Assert.Equal(Choices(clientForm), offered);

        static List<string> Choices(AngleSharp.Html.Dom.IHtmlDocument page) =>
            [.. page.QuerySelectorAll("select[name='Input.HomeIncubatorId'] option").Where(o => !string.IsNullOrEmpty(o.GetAttribute("value"))).Select(o => o.TextContent.Trim())];
    }

    [Fact]
    public async Task Register_InvalidInput_ShowsEachProblem_AndCreatesNothing()
    {
        var client = _portal.CreatePortalClient();
        var page = await client.GetPageAsync("/Identity/Account/Register");

        var response = await client.SubmitAsync(page, "main form", new Dictionary<string, string>
        {
            ["Input.Name"] = "",
            ["Input.Email"] = "not-an-email",
            ["Input.Password"] = "short",
            ["Input.ConfirmPassword"] = "different",
            ["Input.CompanyName"] = "",
            ["Input.Country"] = "Atlantis",
            ["Input.HomeIncubatorId"] = "abc",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var messages = (await response.ParseBodyAsync()).ValidationMessages();
        Assert.Contains("Enter your name.", messages);
        Assert.Contains("Enter a valid e-mail address, like name@example.com.", messages);
        Assert.Contains("A password needs at least 12 characters. A few unrelated words make a long one that is easy to remember.", messages);
        Assert.Contains("The two passwords do not match.", messages);
        Assert.Contains("Enter your company's name.", messages);
        Assert.Contains("Choose a country from the list.", messages);
        Assert.Equal(0, await _portal.WithDbAsync(db => db.Companies.CountAsync()));
    }

    [Fact]
    public async Task Register_CommonPassword_ShowsIdentitysMessage_AndKeepsNoHalfAccount()
    {
        var client = _portal.CreatePortalClient();

        var weak = await RegisterAsync(client, "new@example.test", "Qwerty123456!");
        var passwordMessage = Assert.Single((await weak.ParseBodyAsync()).ValidationMessages());
        Assert.Contains("one of the most common ones", passwordMessage, StringComparison.Ordinal);

        Assert.Equal(0, await _portal.WithDbAsync(db => db.Companies.CountAsync()));
    }

    [Fact]
    public async Task Register_ValidFounder_CreatesAnUnconfirmedStartupAccount_AndItsCompanyOnlyOnceConfirmed_ThatThenSignsIn()
    {
        var client = _portal.CreatePortalClient();
        var smile = await _portal.WithDbAsync(db => db.Organisations.Where(o => o.SeedKey == "smile").Select(o => o.Id).SingleAsync());
        var advisor = await _portal.SignedInClientAsync("advisor-of-smile@example.test", Roles.Advisor, "smile");

        var response = await RegisterAsync(client, "frida@nordlys.test", "Strong!Passw0rd", smile);

        // ADR 1216: an anonymous registration nobody confirmed is in no client list.
        response.AssertRedirectsTo("/Identity/Account/RegisterConfirmation");
        var user = await _portal.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "frida@nordlys.test"));
        Assert.Equal((null, "Nordlys Health AB", false), (user.CompanyId, user.PendingCompanyName, user.EmailConfirmed));
        Assert.False(await _portal.WithDbAsync(db => db.Companies.AnyAsync(c => c.Name == "Nordlys Health AB")));
        Assert.DoesNotContain("Nordlys Health AB", (await advisor.GetPageAsync("/clients?q=Nordlys")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/my-requests")).StatusCode);

        var confirm = Mailbox.Local(Mailbox.LinkIn(await _portal.Mailbox.WaitForAsync("frida@nordlys.test"), "ConfirmEmail"));
        var wrong = confirm[..confirm.IndexOf("code=", StringComparison.Ordinal)] + "code=Q2ZESjhKaW5jb3JyZWN0";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(wrong)).StatusCode);
        Assert.Equal("Nordlys Health AB", await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == "frida@nordlys.test").Select(u => u.PendingCompanyName).SingleAsync()));
        await client.GetPageAsync(confirm);
        var again = await client.GetPageAsync(confirm);
        Assert.Contains("already confirmed", again.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);

        var company = await _portal.WithDbAsync(db => db.Companies.SingleAsync(c => c.Name == "Nordlys Health AB"));
        Assert.Equal(("SE", smile), (company.CountryCode, company.HomeIncubatorId));
        user = await _portal.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "frida@nordlys.test"));
        Assert.Equal((company.Id, null, true), (user.CompanyId, user.PendingCompanyName, user.EmailConfirmed));
        Assert.Contains("Nordlys Health AB", (await advisor.GetPageAsync("/clients?q=Nordlys")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        await client.SignInAsync("frida@nordlys.test", "Strong!Passw0rd");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/my-requests")).StatusCode);
    }

    [Fact]
    public async Task Register_DeactivatedBeforeConfirming_TheLinkBringsNoCompany()
    {
        var client = _portal.CreatePortalClient();
        await RegisterAsync(client, "stopped@nordlys.test", "Strong!Passw0rd");
        var confirm = Mailbox.Local(Mailbox.LinkIn(await _portal.Mailbox.WaitForAsync("stopped@nordlys.test"), "ConfirmEmail"));
        await _portal.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == "stopped@nordlys.test");
            user.DeactivatedAt = DateTime.UtcNow;
            await db.SaveChangesAsync();
        });

        await client.GetAsync(confirm);

        Assert.False(await _portal.WithDbAsync(db => db.Companies.AnyAsync(c => c.Name == "Nordlys Health AB")));
    }

    [Fact]
    public async Task Register_ThenResetThePasswordInsteadOfConfirming_CreatesTheCompanyToo()
    {
        var client = _portal.CreatePortalClient();
        await RegisterAsync(client, "reset-first@nordlys.test", "Strong!Passw0rd");
        await _portal.Mailbox.WaitForAsync("reset-first@nordlys.test");

        var forgot = await client.GetPageAsync("/Identity/Account/ForgotPassword");
        await client.SubmitAsync(forgot, "#forgot-password", new Dictionary<string, string> { ["Input.Email"] = "reset-first@nordlys.test" });
        var link = Mailbox.Local(Mailbox.LinkIn(await _portal.Mailbox.WaitForAsync("reset-first@nordlys.test", m => m.TextBody.Contains("ResetPassword", StringComparison.Ordinal)), "ResetPassword"));
        var reset = await client.GetPageAsync(link);
        var done = await client.SubmitAsync(reset, "#reset-password", new Dictionary<string, string> { ["Input.Email"] = "reset-first@nordlys.test", ["Input.Password"] = "Another!Passw0rd", ["Input.ConfirmPassword"] = "Another!Passw0rd" });

        done.AssertRedirectsTo("/Identity/Account/ResetPasswordConfirmation");
        var user = await _portal.WithDbAsync(db => db.Users.Include(u => u.Company).SingleAsync(u => u.Email == "reset-first@nordlys.test"));
        Assert.Equal(("Nordlys Health AB", true, null), (user.Company?.Name, user.EmailConfirmed, user.PendingCompanyName));
    }

    private static async Task<HttpResponseMessage> RegisterAsync(HttpClient client, string email, string password, int? incubator = null)
    {
        var page = await client.GetPageAsync("/Identity/Account/Register");
        return await client.SubmitAsync(page, "main form", new Dictionary<string, string>
        {
            ["Input.HomeIncubatorId"] = incubator?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            ["Input.Name"] = "Frida",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
            ["Input.CompanyName"] = "Nordlys Health AB",
            ["Input.Country"] = "SE",
        });
    }
}
