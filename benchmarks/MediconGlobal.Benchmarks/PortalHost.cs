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

/// <summary>The real portal (in-process) on the benchmark database, with a project manager signed in through the form.</summary>
public sealed partial class PortalHost : WebApplicationFactory<Program>
{
    private const string Password = "Bench!Passw0rd-2026";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"mg-bench-host-{Guid.NewGuid():N}");
    private readonly BenchmarkDatabase _database;

    public PortalHost(BenchmarkDatabase database)
    {
        _database = database;

        // Outside a test project there is no content-root attribute: point the factory at the web project.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "MediconGlobal.sln")))
        {
            root = root.Parent;
        }

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_MEDICONGLOBAL_WEB", Path.Combine(root?.FullName ?? ".", "src", "MediconGlobal.Web"));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Benchmark");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = _database.Provider.ToString(),
            ["Database:ConnectionString"] = _database.ConnectionString,
            ["DataProtection:KeysPath"] = Path.Combine(_folder, "keys"),
            ["Portal:LoadDemoData"] = "false",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Serilog:WriteTo:1:Args:path"] = Path.Combine(_folder, "logs", "portal-.log"),
        }));
    }

    public async Task<HttpClient> SignedInProjectManagerAsync()
    {
        using (var scope = Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            if (await users.FindByEmailAsync("bench@example.test") is null)
            {
                var user = new ApplicationUser { UserName = "bench@example.test", Email = "bench@example.test", EmailConfirmed = true, DisplayName = "Bench PM" };
                await users.CreateAsync(user, Password);
                var added = await users.AddToRoleAsync(user, Roles.ProjectManager);
                if (!added.Succeeded)
                {
                    throw new InvalidOperationException($"Adding the benchmark's project manager failed: {string.Join("; ", added.Errors.Select(e => e.Description))}");
                }
            }
        }

        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await client.GetStringAsync("/Identity/Account/Login");
        var token = TokenPattern().Match(login).Groups[1].Value;
        var response = await client.PostAsync("/Identity/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "bench@example.test",
            ["Input.Password"] = Password,
            ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in failed with {(int)response.StatusCode}.");
        }

        return client;
    }

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
