using System.Net;
using System.Xml.Linq;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.Extensions.DependencyInjection;

namespace MediconGlobal.Web.Tests.Pages;

public sealed class ShellTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private async Task<string> ReadLogAsync()
    {
        // A rolling file sink starts a second file when the first is still held, so every file is read.
        var text = new System.Text.StringBuilder();
        foreach (var file in Directory.GetFiles(_portal.LogFolder).Order(StringComparer.Ordinal))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            text.Append(await reader.ReadToEndAsync());
        }

        return text.ToString();
    }

    [Fact]
    public async Task Home_Anonymous_ExplainsThePortal_WithASearchBoxAndAnEntryPointPerUser()
    {
        var client = _portal.CreatePortalClient();

        var page = await client.GetPageAsync("/");

        Assert.Equal("/offers", page.QuerySelector("form[role=search]")!.GetAttribute("action"));
        Assert.NotNull(page.QuerySelector("input[type=search][name=q]"));
        Assert.Equal(4, page.QuerySelectorAll(".entry-points .card").Length);
        Assert.Contains("15", page.QuerySelector(".stats")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_ReportsHealthy_WithoutSignIn()
    {
        var response = await _portal.CreatePortalClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/clients")]
    [InlineData("/dashboard")]
    [InlineData("/admin/users")]
    [InlineData("/partner")]
    [InlineData("/my-requests")]
    public async Task MembersOnlyPage_Anonymous_RedirectsToSignIn(string path)
    {
        var response = await _portal.CreatePortalClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownAddress_ShowsTheFriendlyNotFoundPage()
    {
        var page = await _portal.CreatePortalClient().GetPageAsync("/no-such-page", HttpStatusCode.NotFound);

        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task EveryResponse_CarriesTheSecurityHeaders()
    {
        var response = await _portal.CreatePortalClient().GetAsync("/");

        Assert.Equal(SecurityHeadersMiddleware.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("'unsafe-inline'", SecurityHeadersMiddleware.ContentSecurityPolicy.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task EveryRequest_WritesOneLogLineWithStatusAndDuration()
    {
        await _portal.CreatePortalClient().GetAsync("/health");
        await _portal.CreatePortalClient().GetAsync("/no-such-page");

        // The line is written as the request ends on the server, which can be seconds after the client has the response on a loaded CI machine.
        var log = await ReadLogAsync();
        for (var attempt = 0; attempt < 300 && !log.Contains("/no-such-page responded", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(100);
            log = await ReadLogAsync();
        }

        Assert.Matches(@"HTTP GET /health responded 200 in \d+\.\d ms \(user -, organisation -\)", log);
        Assert.Matches(@"HTTP GET /no-such-page responded 404 in \d+\.\d ms \(user -, organisation -\)", log);
    }

    [Fact]
    public async Task DataProtectionKeys_ArePersistedToTheConfiguredFolder()
    {
        await _portal.CreatePortalClient().GetPageAsync("/Identity/Account/Login");

        Assert.NotEmpty(Directory.GetFiles(_portal.KeysFolder, "key-*.xml"));
    }

    [Fact]
    public async Task DataProtectionKeys_EncryptWithAes256Gcm()
    {
        await _portal.CreatePortalClient().GetPageAsync("/Identity/Account/Login");

        // ADR 1213: each key names its algorithm in its descriptor; GCM carries no separate validation algorithm.
        var key = XDocument.Load(Assert.Single(Directory.GetFiles(_portal.KeysFolder, "key-*.xml")));
        Assert.Equal("AES_256_GCM", key.Descendants("encryption").Single().Attribute("algorithm")?.Value);
        Assert.Empty(key.Descendants("validation"));
    }

    [Fact]
    public async Task APayloadProtectedWithAnOlderCbcKey_IsStillReadAfterTheUpgrade()
    {
        // The key ring as the portal before ADR 1213 left it: one AES-256-CBC + HMACSHA256 key, and a payload made with it.
        var before = new ServiceCollection();
        before.AddDataProtection().SetApplicationName("MediconGlobal").PersistKeysToFileSystem(new DirectoryInfo(_portal.KeysFolder))
            .UseCryptographicAlgorithms(new AuthenticatedEncryptorConfiguration { EncryptionAlgorithm = EncryptionAlgorithm.AES_256_CBC, ValidationAlgorithm = ValidationAlgorithm.HMACSHA256 });
        string payload;
        await using (var old = before.BuildServiceProvider())
        {
            payload = old.GetRequiredService<IDataProtectionProvider>().CreateProtector("upgrade test").Protect("made before the upgrade");
        }

        await _portal.CreatePortalClient().GetPageAsync("/Identity/Account/Login");

        Assert.Equal("made before the upgrade", _portal.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("upgrade test").Unprotect(payload));
        var key = XDocument.Load(Assert.Single(Directory.GetFiles(_portal.KeysFolder, "key-*.xml")));
        Assert.Equal("AES_256_CBC", key.Descendants("encryption").Single().Attribute("algorithm")?.Value);
    }

    [Fact]
    public async Task Pages_HaveNoInlineScripts()
    {
        var page = await _portal.CreatePortalClient().GetPageAsync("/");

        Assert.All(page.QuerySelectorAll("script"), script => Assert.False(string.IsNullOrEmpty(script.GetAttribute("src")), "inline script found"));
    }
}
