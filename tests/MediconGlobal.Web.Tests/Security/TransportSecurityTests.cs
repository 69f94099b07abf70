using System.Net;
using System.Text.RegularExpressions;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace MediconGlobal.Web.Tests.Security;

/// <summary>
/// Issue 10, item 3: in Production behind a TLS-terminating proxy the portal trusts the proxy it is told about (and
/// no one else), sends HSTS for a year, sets its cookies Secure with the __Host- prefix, sends no Server header and
/// keeps signed-in pages and exports out of caches.
/// </summary>
public sealed class TransportSecurityTests : IAsyncLifetime
{
    private const string Proxy = "10.0.0.5";
    private const string PublicHost = "portal.example.org";

    private readonly PortalFactory _production = new("Production", settings: new Dictionary<string, string?>
    {
        ["ForwardedHeaders:KnownProxies:0"] = Proxy,
        ["AllowedHosts"] = PublicHost,
        ["Portal:PublicUrl"] = $"https://{PublicHost}",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _production.DisposeAsync();

    [Fact]
    public async Task Production_BehindTheKnownTlsProxy_SendsHsts_AndSecureHostOnlyCookies()
    {
        var email = "proxied@test.example";
        await _production.CreateUserAsync(email, Roles.Advisor, OrganisationSeed.SmiLe);
        using var browser = ThroughProxy(from: Proxy);

        var login = await browser.GetAsync("/Identity/Account/Login");
        var form = await HtmlClient.ParseAtAsync(await login.Content.ReadAsStringAsync(), "/Identity/Account/Login");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var signedIn = await browser.PostAsync("/Identity/Account/Login", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("Input.Email", email), new("Input.Password", PortalFactory.Password)]));

        Assert.Equal("max-age=31536000; includeSubDomains", Assert.Single(login.Headers.GetValues("Strict-Transport-Security")));
        AssertSecureHostCookie(login, "__Host-MediconGlobal.Antiforgery");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        AssertSecureHostCookie(signedIn, "__Host-MediconGlobal.Auth");
    }

    [Fact]
    public async Task Production_ForwardedHeadersFromAnUnknownAddress_AreIgnored()
    {
        using var stranger = ThroughProxy(from: "198.51.100.9");

        var response = await stranger.GetAsync("/Identity/Account/Login");

        // Seen as plain HTTP: no HSTS (browsers ignore it there anyway), and the cookie is still Secure.
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        AssertSecureHostCookie(response, "__Host-MediconGlobal.Antiforgery");
    }

    [Fact]
    public async Task Production_OnKestrel_SendsNoServerHeader()
    {
        await using var portal = new PortalFactory("Production", settings: new Dictionary<string, string?> { ["Portal:PublicUrl"] = $"https://{PublicHost}" });
        using var client = new HttpClient { BaseAddress = portal.StartKestrel() };
        // The proxy passes the public host on; Production refuses any host not in AllowedHosts (ADR 1101).
        client.DefaultRequestHeaders.Host = PublicHost;

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Server"), $"Server: {string.Join(", ", response.Headers.Server)}");
    }

    [Fact]
    public async Task SignedInPages_AndEveryExport_AreNeverStored_PublicPagesMayBe()
    {
        await using var portal = new PortalFactory();
        var manager = await portal.SignedInClientAsync("pm@test.example", Roles.ProjectManager, OrganisationSeed.SmiLe);
        var visitor = portal.CreatePortalClient();

        foreach (var url in new[] { "/clients", "/reports/gaps", "/reports/gaps/export?format=csv", "/reports/scope?handler=Csv", "/offers" })
        {
            var response = await manager.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        }

        var catalogueExport = await visitor.GetAsync("/offers?handler=Csv");
        var catalogue = await visitor.GetAsync("/organisations");
        Assert.Contains("no-store", catalogueExport.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Null(catalogue.Headers.CacheControl);
    }

    [Theory]
    [InlineData("/.git/config")]
    [InlineData("/appsettings.json")]
    [InlineData("/lib/")]
    [InlineData("/css/site.css.bak")]
    public async Task HiddenAndUnlistedFiles_AreNotServed(string path)
    {
        await using var portal = new PortalFactory();

        var response = await portal.CreatePortalClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task OpenDataApi_AnswersAsAJsonAttachment()
    {
        await using var portal = new PortalFactory();

        var response = await portal.CreatePortalClient().GetAsync("/api/hsds/services");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("attachment; filename=\"api.json\"", response.Content.Headers.ContentDisposition?.ToString());
    }

    private static void AssertSecureHostCookie(HttpResponseMessage response, string name)
    {
        var cookie = response.Headers.GetValues("Set-Cookie").SingleOrDefault(c => c.StartsWith(name + "=", StringComparison.Ordinal));
        Assert.True(cookie is not null, $"No {name} cookie in: {string.Join(" | ", response.Headers.GetValues("Set-Cookie"))}");
        Assert.Matches(new Regex("; secure(;|$)", RegexOptions.IgnoreCase), cookie);
        Assert.Matches(new Regex("; path=/(;|$)", RegexOptions.IgnoreCase), cookie);
        Assert.Matches(new Regex("; httponly(;|$)", RegexOptions.IgnoreCase), cookie);
        Assert.Matches(new Regex("; samesite=(lax|strict)(;|$)", RegexOptions.IgnoreCase), cookie);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A browser on https://portal.example.org reaching the portal through a proxy at <paramref name="from"/>.</summary>
    private HttpClient ThroughProxy(string from) =>
        new(new ProxyHandler(_production.Server.CreateHandler(context => context.Connection.RemoteIpAddress = IPAddress.Parse(from))))
        {
            BaseAddress = new Uri($"http://{PublicHost}"),
        };

    /// <summary>What the TLS proxy adds, and the browser's cookie jar (which keeps Secure cookies: it speaks HTTPS).</summary>
    private sealed class ProxyHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly Dictionary<string, string> _cookies = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", "203.0.113.7");
            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            }

            var response = await base.SendAsync(request, cancellationToken);
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = header.Split(';')[0].Split('=', 2);
                _cookies[pair[0]] = pair[1];
            }

            return response;
        }
    }
}
