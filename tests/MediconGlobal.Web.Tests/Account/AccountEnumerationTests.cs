using System.Diagnostics;
using System.Net;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Clients;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Account;

/// <summary>Issue 10 item 7: the account forms answer the same, in about the same time, whether or not an address has an account.</summary>
public sealed class AccountEnumerationTests : IAsyncLifetime
{
    private const string Known = "known@example.test";

    // The timing check needs the portal's real hashing cost, not PortalFactory.TestPasswordIterations.
    private readonly PortalFactory _portal = new() { ProductionPasswordHashing = true };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Register_WithAKnownAddress_AnswersAsForANewOne_AndMailsTheOwnerInstead()
    {
        await _portal.CreateUserAsync(Known, Roles.Startup);
        var usersBefore = await _portal.WithDbAsync(db => db.Users.CountAsync());

        var known = await RegisterAsync(Known);
        var fresh = await RegisterAsync("fresh@example.test");

        known.AssertRedirectsTo("/Identity/Account/RegisterConfirmation");
        fresh.AssertRedirectsTo("/Identity/Account/RegisterConfirmation");
        Assert.Equal(usersBefore + 1, await _portal.WithDbAsync(db => db.Users.CountAsync()));
        var toOwner = await _portal.Mailbox.WaitForAsync(Known);
        Assert.Equal("You already have a MediconGlobal account", toOwner.Subject);
        Assert.Contains(toOwner.Links, l => l.Contains("/Identity/Account/ForgotPassword", StringComparison.Ordinal));
        Assert.Equal("Confirm your e-mail address for MediconGlobal", (await _portal.Mailbox.WaitForAsync("fresh@example.test")).Subject);
    }

    [Fact]
    public async Task SignIn_UnknownAddress_WrongPassword_AndLockedAccount_GetTheSameMessage()
    {
        await _portal.CreateUserAsync(Known, Roles.Advisor, "smile");
        var client = _portal.CreatePortalClient();

        var wrongPassword = await SignInMessagesAsync(client, Known, "not the password at all");
        var unknown = await SignInMessagesAsync(client, "nobody@example.test", "not the password at all");
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await SignInMessagesAsync(client, Known, "not the password at all");
        }

        var locked = await SignInMessagesAsync(client, Known, PortalFactory.Password);
        Assert.Equal(wrongPassword, unknown);
        Assert.Equal(wrongPassword, locked);
    }

    [Fact]
    public async Task SignIn_UnknownAddress_TakesAboutAsLongAsAWrongPassword()
    {
        await _portal.CreateUserAsync(Known, Roles.Advisor, "smile");
        var client = _portal.CreatePortalClient();
        await SignInMessagesAsync(client, "warm-up@example.test", "whatever it is");

        // Alternate the two, four of each (a fifth wrong password would lock the account), and compare medians.
        var known = new List<double>();
        var unknown = new List<double>();
        for (var round = 0; round < 4; round++)
        {
            known.Add(await TimeSignInAsync(client, Known));
            unknown.Add(await TimeSignInAsync(client, $"nobody{round}@example.test"));
        }

        var (knownMedian, unknownMedian) = (Median(known), Median(unknown));
        Assert.True(unknownMedian > knownMedian * 0.5, $"Unknown address answered in {unknownMedian:F0} ms, a wrong password in {knownMedian:F0} ms.");
    }

    [Fact]
    public async Task SignIn_RightPassword_ButAddressNotConfirmed_SaysSoAndSendsANewLink()
    {
        var user = await _portal.CreateUserAsync("unconfirmed@example.test", Roles.Startup);
        await _portal.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.EmailConfirmed, false)));
        var client = _portal.CreatePortalClient();

        var wrong = await SignInMessagesAsync(client, "unconfirmed@example.test", "not the password at all");
        var page = await client.GetPageAsync("/Identity/Account/Login");
        var right = await client.SubmitAsync(page, "form#account", new Dictionary<string, string> { ["Input.Email"] = "unconfirmed@example.test", ["Input.Password"] = PortalFactory.Password });

        Assert.Equal(await SignInMessagesAsync(client, "nobody@example.test", "not the password at all"), wrong);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("Please confirm your e-mail address first", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Confirm your e-mail address for MediconGlobal", (await _portal.Mailbox.WaitForAsync("unconfirmed@example.test")).Subject);
    }

    [Fact]
    public async Task ResendConfirmation_AnswersTheSameForAnyAddress()
    {
        await _portal.CreateUserAsync(Known, Roles.Startup);
        var client = _portal.CreatePortalClient();

        var forKnown = await ResendAsync(client, Known);
        var forUnknown = await ResendAsync(client, "nobody@example.test");

        Assert.Equal(forKnown, forUnknown);
        Assert.Empty(_portal.Mailbox.All());
    }

    private static async Task<string> ResendAsync(HttpClient client, string email)
    {
        var page = await client.GetPageAsync("/Identity/Account/ResendEmailConfirmation");
        var response = await client.SubmitAsync(page, "#resend-confirmation", new Dictionary<string, string> { ["Input.Email"] = email });
        return (await response.ParseBodyAsync()).QuerySelector("[role=status]")!.TextContent.Trim();
    }

    private static async Task<string> SignInMessagesAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetPageAsync("/Identity/Account/Login");
        var response = await client.SubmitAsync(page, "form#account", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return string.Join(" | ", (await response.ParseBodyAsync()).ValidationMessages());
    }

    private static async Task<double> TimeSignInAsync(HttpClient client, string email)
    {
        var page = await client.GetPageAsync("/Identity/Account/Login");
        var watch = Stopwatch.StartNew();
        await client.SubmitAsync(page, "form#account", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "not the password at all" });
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }

    private async Task<HttpResponseMessage> RegisterAsync(string email)
    {
        var client = _portal.CreatePortalClient();
        var page = await client.GetPageAsync("/Identity/Account/Register");
        return await client.SubmitAsync(page, "main form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Frida",
            ["Input.Email"] = email,
            ["Input.Password"] = "a long and quiet passphrase",
            ["Input.ConfirmPassword"] = "a long and quiet passphrase",
            ["Input.CompanyName"] = "Nordlys Health AB",
            ["Input.Country"] = "SE",
        });
    }
}
