using System.Net;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Testing.Privacy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MediconGlobal.Testing.Web;

/// <summary>
/// The portal hosted for one test with its own SQLite database file (or a fresh PostgreSQL database),
/// migrated and loaded with the reference data at start-up exactly as in production.
/// </summary>
public sealed class PortalFactory : WebApplicationFactory<Program>
{
    public const string Password = "Test!Passw0rd-2026";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mediconglobal-tests", Guid.NewGuid().ToString("N"));
    private readonly string _environment;
    private readonly TestDatabase? _postgres;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    /// <param name="environment">The hosting environment.</param>
    /// <param name="postgres">A PostgreSQL database to use instead of a SQLite file.</param>
    /// <param name="settings">Configuration that overrides the test defaults (null removes a default).</param>
    public PortalFactory(string environment = "Testing", TestDatabase? postgres = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _environment = environment;
        _postgres = postgres;
        _settings = settings ?? new Dictionary<string, string?>();
        Directory.CreateDirectory(_folder);
    }

    /// <summary>A clock to run the portal on instead of the system's (set before the portal starts).</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>
    /// PBKDF2 iterations of the passwords the test portal hashes, unless <see cref="ProductionPasswordHashing"/>: the
    /// portal's 210,000 (ASVS 2.4.3, docs/security.md) cost about 0.1 s of CPU per hash and per sign-in on the two-core
    /// CI machine, and the suite creates and signs in well over a thousand users. Still Identity's real V3 hasher.
    /// </summary>
    public const int TestPasswordIterations = 1_000;

    /// <summary>Hash passwords with the portal's own iteration count (the credential-storage tests), not <see cref="TestPasswordIterations"/>.</summary>
    public bool ProductionPasswordHashing { get; init; }

    /// <summary>Changes to the portal's services after its own registrations (set before the portal starts).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>Every e-mail the portal wrote to its pickup folder (it sends none in tests).</summary>
    public Mailbox Mailbox => new(Path.Combine(_folder, "mail"));

    public string KeysFolder => Path.Combine(_folder, "keys");

    public string LogFolder => Path.Combine(_folder, "logs");

    public string ConnectionString => _postgres?.ConnectionString ?? $"Data Source={Path.Combine(_folder, "portal.db")}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = (_postgres?.Provider ?? DatabaseProvider.Sqlite).ToString(),
            ["Database:ConnectionString"] = ConnectionString,
            ["DataProtection:KeysPath"] = KeysFolder,
            ["Portal:LoadDemoData"] = _environment == "Development" ? "true" : "false",
            ["Email:PickupFolder"] = Mailbox.Folder,
            // Development builds links from its own listening address, as a developer's portal does.
            ["Portal:PublicUrl"] = _environment == "Development" ? null : Mailbox.PublicUrl,
            ["Privacy:CellKeySecret"] = TestProtection.Secret,
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware"] = "Information",
            ["Serilog:WriteTo:1:Args:path"] = Path.Combine(LogFolder, "portal-.log"),

            // Fixtures sign in hundreds of users from one address; the limits have their own tests.
            ["RateLimiting:Enabled"] = "false",

            // The pseudo-localisation culture, in which a string that bypasses the localiser stands out (ADR 1401).
            ["Localization:PseudoCulture"] = "true",

            // A request waits for the rebuild of a read model it found old (ADR 1210) until it is done, so a page
            // read right after a change shows it however slow the machine; KeptReadModelTests cover serving the old one.
            ["ReadModels:RebuildWait"] = "00:02:00",
        };
        foreach (var (key, value) in _settings)
        {
            settings[key] = value;
        }

        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings));
        if (!ProductionPasswordHashing)
        {
            builder.ConfigureTestServices(services => services.Configure<PasswordHasherOptions>(options => options.IterationCount = TestPasswordIterations));
        }

        if (Clock is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(Clock));
        }

        if (TestServices is not null)
        {
            builder.ConfigureTestServices(TestServices);
        }
    }

    /// <summary>
    /// The test's data-protection settings also go into the host configuration, which — unlike app configuration
    /// added in <see cref="ConfigureWebHost"/> — is visible while Program.cs registers services
    /// (dotnet/aspnetcore#37680); the key-encryption certificate is read then.
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(_settings.Where(s => s.Key.StartsWith("DataProtection:", StringComparison.Ordinal))));
        return base.CreateHost(builder);
    }

    /// <summary>Starts the portal on a real Kestrel port (for the browser) and returns its address.</summary>
    public Uri StartKestrel()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests can see them.</summary>
    /// <remarks>
    /// The client speaks to https://localhost: outside Development the portal's cookies are <c>Secure</c>, and a
    /// client keeps those only for HTTPS, as a browser does.
    /// </remarks>
    public HttpClient CreatePortalClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") });

    /// <summary>
    /// A client like <see cref="CreatePortalClient()"/> that keeps its cookies in <paramref name="browser"/>, so one
    /// browser's cookies can be carried from this portal instance to another (several instances behind one address).
    /// </summary>
    public HttpClient CreatePortalClient(CookieContainer browser) => CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(browser));

    /// <summary>Everything the portal has logged so far (the rolling log file, read while it is still open).</summary>
    public string ReadLog() => string.Join("\n", Directory.Exists(LogFolder)
        ? Directory.GetFiles(LogFolder).Select(file =>
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return new StreamReader(stream).ReadToEnd();
        })
        : []);

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task WithDbAsync(Func<AppDbContext, Task> work)
    {
        using var scope = Services.CreateScope();
        await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Creates a user in a role, belonging to the seeded organisation with <paramref name="organisationSeedKey"/> or to a company.</summary>
    public async Task<ApplicationUser> CreateUserAsync(string email, string role, string? organisationSeedKey = null, int? companyId = null, int? organisationId = null)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        organisationId ??= organisationSeedKey is null ? null : await db.Organisations.Where(o => o.SeedKey == organisationSeedKey).Select(o => (int?)o.Id).SingleAsync();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0], OrganisationId = organisationId, CompanyId = companyId };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return user;
    }

    /// <summary>Creates a user and returns a client signed in as them through the real sign-in form.</summary>
    public async Task<HttpClient> SignedInClientAsync(string email, string role, string? organisationSeedKey = null, int? companyId = null)
    {
        await CreateUserAsync(email, role, organisationSeedKey, companyId);
        var client = CreatePortalClient();
        await client.SignInAsync(email, Password);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A log file may still be open for a moment; the temp folder is cleaned up by the OS.
        }
    }
}
