using System.Net;
using System.Text.Json;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Security;

/// <summary>
/// Issue 10, item 8: sign-in, registration, password reset, problem reports and the open-data API are limited per
/// client address and per account, from configuration; over the limit is 429 with Retry-After; the lockout always
/// ends by itself.
/// </summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private const string Proxy = "10.0.0.5";

    private readonly PortalFactory _portal = new(settings: new Dictionary<string, string?>
    {
        ["RateLimiting:Enabled"] = "true",
        ["ForwardedHeaders:KnownProxies:0"] = Proxy,
        ["RateLimiting:SignIn:PerIp:PermitLimit"] = "4",
        ["RateLimiting:SignIn:PerAccount:PermitLimit"] = "3",
        ["RateLimiting:Registration:PerIp:PermitLimit"] = "2",
        ["RateLimiting:PasswordReset:PerIp:PermitLimit"] = "2",
        ["RateLimiting:ProblemReports:PerIp:PermitLimit"] = "2",
        ["RateLimiting:OpenData:PerIp:PermitLimit"] = "3",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task SignIn_FromOneAddress_IsRefusedOverTheLimit_WithRetryAfter_OtherAddressesAreNot()
    {
        var attacker = From("198.51.100.1");

        var answers = new List<HttpResponseMessage>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            answers.Add(await SignInAsync(attacker, $"victim{attempt}@test.example"));
        }

        Assert.All(answers.Take(4), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var refused = answers[4];
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture), 1, 300);
        Assert.Contains("Too many attempts", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(From("198.51.100.2"), "victim0@test.example")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await attacker.GetAsync("/Identity/Account/Login")).StatusCode);
    }

    [Fact]
    public async Task SignIn_ToOneAccount_IsRefusedOverTheLimit_FromAnyAddress()
    {
        // One account however it is written: Identity normalises user names the same way.
        var spellings = new[] { "target@test.example", "TARGET@test.example", " target@test.example ", "Target@Test.Example" };
        var answers = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < spellings.Length; attempt++)
        {
            answers.Add((await SignInAsync(From($"198.51.100.{10 + attempt}"), spellings[attempt])).StatusCode);
        }

        Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }, answers);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(From("198.51.100.20"), "someone-else@test.example")).StatusCode);
    }

    [Fact]
    public async Task SignIn_ThroughTheKnownProxy_CountsEachClient_AndIgnoresForgedForwardedHeaders()
    {
        var viaProxy = new[] { "203.0.113.1", "203.0.113.2" }.Select(client => From(Proxy, forwardedFor: client)).ToList();
        var forger = From("198.51.100.30");

        for (var attempt = 0; attempt < 4; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync(viaProxy[0], $"a{attempt}@test.example")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync(viaProxy[1], $"b{attempt}@test.example")).StatusCode);
            forger.DefaultRequestHeaders.Remove("X-Forwarded-For");
            forger.DefaultRequestHeaders.Add("X-Forwarded-For", $"192.0.2.{attempt}");
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync(forger, $"c{attempt}@test.example")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignInAsync(viaProxy[0], "a9@test.example")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignInAsync(forger, "c9@test.example")).StatusCode);
    }

    [Fact]
    public async Task Registration_OverTheLimit_IsRefused_AndCreatesNoCompany()
    {
        var bot = From("198.51.100.40");

        var answers = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var page = await bot.GetPageAsync("/Identity/Account/Register");
            answers.Add((await bot.SubmitAsync(page, "main form", new Dictionary<string, string>
            {
                ["Input.Name"] = "Bot",
                ["Input.Email"] = $"bot{attempt}@test.example",
                ["Input.Password"] = PortalFactory.Password,
                ["Input.ConfirmPassword"] = PortalFactory.Password,
                ["Input.CompanyName"] = $"Fake Company {attempt}",
                ["Input.Country"] = "SE",
            })).StatusCode);
            bot = From("198.51.100.40");
        }

        Assert.Equal(new[] { HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests }, answers);
        Assert.Equal(2, await _portal.WithDbAsync(db => db.Users.CountAsync(u => u.PendingCompanyName != null && u.PendingCompanyName.StartsWith("Fake Company"))));
    }

    [Fact]
    public async Task PasswordReset_OverTheLimit_IsRefused_AndSendsNoMoreMail()
    {
        await _portal.CreateUserAsync("forgetful@test.example", Roles.Advisor, OrganisationSeed.SmiLe);
        var bot = From("198.51.100.50");

        var answers = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var page = await bot.GetPageAsync("/Identity/Account/ForgotPassword");
            answers.Add((await bot.SubmitAsync(page, "#forgot-password", new Dictionary<string, string> { ["Input.Email"] = "forgetful@test.example" })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, answers[2]);
        Assert.True(_portal.Mailbox.To("forgetful@test.example").Count <= 2);
    }

    [Fact]
    public async Task AnonymousProblemReports_OverTheLimit_AreRefused_AndNotStored()
    {
        var offerId = await _portal.WithDbAsync(db => db.Offers.Select(o => o.Id).FirstAsync());
        var bot = From("198.51.100.60");

        var answers = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var page = await bot.GetPageAsync($"/offers/{offerId}");
            answers.Add((await bot.SubmitAsync(page, "#report form", new Dictionary<string, string> { ["Report.Message"] = $"Spam report number {attempt} for the provider." })).StatusCode);
        }

        Assert.Equal(new[] { HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests }, answers);
        Assert.Equal(2, await _portal.WithDbAsync(db => db.CorrectionRequests.CountAsync()));
    }

    [Fact]
    public async Task OpenDataApi_OverTheLimit_AnswersAJsonProblem_WithRetryAfter()
    {
        var harvester = From("198.51.100.70");
        for (var request = 0; request < 3; request++)
        {
            Assert.Equal(HttpStatusCode.OK, (await harvester.GetAsync("/api/hsds/services")).StatusCode);
        }

        var refused = await harvester.GetAsync("/api/hsds/services");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Lockout_AfterFiveFailures_LastsFifteenMinutes_ThenTheRightPasswordWorks()
    {
        await using var portal = new PortalFactory();
        var user = await portal.CreateUserAsync("locked@test.example", Roles.Advisor, OrganisationSeed.SmiLe);
        var client = portal.CreatePortalClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await SignInAsync(client, user.Email!, "not-the-password");
        }

        var lockedUntil = await portal.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync());
        Assert.InRange(lockedUntil!.Value, DateTimeOffset.UtcNow.AddMinutes(14), DateTimeOffset.UtcNow.AddMinutes(16));

        // Fifteen minutes later (the stored end moved into the past, as time would move it).
        await portal.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, DateTimeOffset.UtcNow.AddSeconds(-1))));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, user.Email!, PortalFactory.Password)).StatusCode);
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password = "not-the-password")
    {
        var page = await client.GetPageAsync("/Identity/Account/Login");
        return await client.SubmitAsync(page, "form#account", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
    }

    /// <summary>A browser at <paramref name="address"/> (or behind the proxy there, for <paramref name="forwardedFor"/>).</summary>
    private HttpClient From(string address, string? forwardedFor = null)
    {
        var client = new HttpClient(new CookieContainerHandler(new CookieContainer())
        {
            InnerHandler = _portal.Server.CreateHandler(context => context.Connection.RemoteIpAddress = IPAddress.Parse(address)),
        })
        {
            BaseAddress = new Uri("https://localhost"),
        };
        if (forwardedFor is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }

        return client;
    }
}
