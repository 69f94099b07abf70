using System.Net;
using System.Text.RegularExpressions;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MediconGlobal.Benchmarks;

/// <summary>
/// The real portal on the benchmark database, with the bench-only pages of <c>Pages/Bench</c> added: in-process
/// for the stopwatch benchmark, or on Kestrel at a port for the load test (Production environment, as deployed).
/// Users are created through <see cref="UserManager{TUser}"/> and signed in through the login form.
/// </summary>
public sealed partial class PortalHost : WebApplicationFactory<Program>
{
    private const string Password = "Bench!Passw0rd-2026";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"mg-bench-host-{Guid.NewGuid():N}");
    private readonly BenchmarkDatabase _database;
    private readonly bool _onKestrel;

    /// <param name="port">Serve on Kestrel at this loopback port (the load test); in-process when null.</param>
    public PortalHost(BenchmarkDatabase database, int? port = null)
    {
        _database = database;

        // Outside a test project there is no content-root attribute: point the factory at the web project.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "MediconGlobal.sln")))
        {
            root = root.Parent;
        }

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_MEDICONGLOBAL_WEB", Path.Combine(root?.FullName ?? ".", "src", "MediconGlobal.Web"));
        if (port is { } kestrelPort)
        {
            _onKestrel = true;
            UseKestrel(options => options.Listen(IPAddress.Loopback, kestrelPort));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_onKestrel ? "Production" : "Benchmark");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = _database.Provider.ToString(),
            ["Database:ConnectionString"] = _database.ConnectionString,
            ["DataProtection:KeysPath"] = Path.Combine(_folder, "keys"),
            ["Portal:LoadDemoData"] = "false",

            // The load test signs in once and sends that cookie for the whole run, which is longer than the idle
            // time-out of 30 minutes; a sliding cookie renewed by the portal is never read back by curl or wrk.
            ["Sessions:IdleTimeout"] = "12:00:00",
            ["Privacy:CellKeySecret"] = MediconGlobal.Testing.Privacy.TestProtection.Secret,
            // What a deployment must configure outside Development (docs/operations.md): the address people use,
            // where e-mail goes and the hosts the portal answers to (the load tools name 127.0.0.1).
            ["Portal:PublicUrl"] = "https://localhost",
            ["Email:PickupFolder"] = Path.Combine(_folder, "mail"),
            ["AllowedHosts"] = "localhost;127.0.0.1",
            // One log line per request would time the console, not the portal.
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Serilog:WriteTo:1:Args:path"] = Path.Combine(_folder, "logs", "portal-.log"),
        }));
        builder.ConfigureServices(services => services.AddRazorPages().AddApplicationPart(typeof(PortalHost).Assembly));
    }

    public Task<HttpClient> SignedInProjectManagerAsync() => SignedInAsync(Roles.ProjectManager);

    /// <summary>
    /// The header every request of the benchmark sends, as the TLS-terminating proxy in front of the portal does
    /// (ADR 1001): the portal then sees HTTPS, sets its <c>Secure</c> cookies and does not redirect.
    /// </summary>
    public static readonly KeyValuePair<string, string> BehindTheProxy = new("X-Forwarded-Proto", "https");

    /// <summary>An in-process HTTP client signed in as a user of the role (created on first use).</summary>
    public async Task<HttpClient> SignedInAsync(string role)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.Add("Cookie", await SignInAsync(client, role));
        return client;
    }

    /// <summary>
    /// Signs a user of the role in through the login form with <paramref name="client"/> (which must not follow
    /// redirects) and returns the <c>Cookie</c> header that carries the sign-in. Cookies are passed by hand: they
    /// are <c>Secure</c> outside Development, and a cookie container would not send them over the plain HTTP the
    /// proxy speaks to the portal.
    /// </summary>
    public async Task<string> SignInAsync(HttpClient client, string role)
    {
        var email = $"bench-{role.ToLowerInvariant()}@example.test";
        using (var scope = Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            if (await users.FindByEmailAsync(email) is null)
            {
                var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Bench {role}" };
                await users.CreateAsync(user, Password);
                var added = await users.AddToRoleAsync(user, role);
                if (!added.Succeeded)
                {
                    throw new InvalidOperationException($"Adding the benchmark's {role} failed: {string.Join("; ", added.Errors.Select(e => e.Description))}");
                }
            }
        }

        var cookies = new Dictionary<string, string>();
        using var page = await SendAsync(client, new HttpRequestMessage(HttpMethod.Get, "/Identity/Account/Login"), cookies);
        var token = TokenPattern().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        using var response = await SendAsync(client, new HttpRequestMessage(HttpMethod.Post, "/Identity/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = Password,
                ["__RequestVerificationToken"] = token,
            }),
        }, cookies);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in failed with {(int)response.StatusCode}.");
        }

        return CookieHeader(cookies);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, Dictionary<string, string> cookies)
    {
        using (request)
        {
            request.Headers.Add(BehindTheProxy.Key, BehindTheProxy.Value);
            if (cookies.Count > 0)
            {
                request.Headers.Add("Cookie", CookieHeader(cookies));
            }

            var response = await client.SendAsync(request);
            foreach (var set in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = set.Split(';', 2)[0].Split('=', 2);
                cookies[pair[0]] = pair.Length > 1 ? pair[1] : "";
            }

            return response;
        }
    }

    private static string CookieHeader(Dictionary<string, string> cookies) => string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}"));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A log file may still be open; the temp folder is cleaned by the OS.
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
