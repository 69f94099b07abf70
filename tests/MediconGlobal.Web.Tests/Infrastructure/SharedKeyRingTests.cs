using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Security;
using MediconGlobal.Testing;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Infrastructure;

/// <summary>
/// Several instances behind a load balancer share the data-protection key ring through the database (ADR 1602):
/// two portal hosts on one PostgreSQL database, each with no key folder, stand for two instances.
/// </summary>
public sealed class SharedKeyRingTests : IAsyncLifetime
{
    private const string Email = "advisor.keys@example.test";
    private const string SignedInPage = "/Identity/Account/Manage";

    private static readonly Dictionary<string, string?> KeysInTheDatabase = new() { ["DataProtection:KeysPath"] = null };

    private readonly TestDatabase _database = TestDatabase.Create(DatabaseProvider.Postgres);

    public Task InitializeAsync() => _database.InitializeAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ACookieIssuedByOneInstance_IsAcceptedByAnother_WithTheKeysInTheDatabaseAndNoSharedFolder()
    {
        await using var first = new PortalFactory(postgres: _database, settings: KeysInTheDatabase);
        await using var second = new PortalFactory(postgres: _database, settings: KeysInTheDatabase);
        await first.CreateUserAsync(Email, Roles.Advisor, OrganisationSeed.SmiLe);
        var browser = new CookieContainer();

        await first.CreatePortalClient(browser).SignInAsync(Email, PortalFactory.Password);
        var response = await second.CreatePortalClient(browser).GetAsync(SignedInPage);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(Directory.Exists(first.KeysFolder) || Directory.Exists(second.KeysFolder), "No key folder is written when the keys are in the database.");
        Assert.Equal(1, await second.WithDbAsync(db => db.DataProtectionKeys.CountAsync()));
    }

    [Fact]
    public async Task AnInstanceWithItsOwnKeyFolder_RefusesTheCookie_SoTheSharingIsWhatMakesItWork()
    {
        await using var first = new PortalFactory(postgres: _database, settings: KeysInTheDatabase);
        await using var separate = new PortalFactory(postgres: _database);
        await first.CreateUserAsync(Email, Roles.Advisor, OrganisationSeed.SmiLe);
        var browser = new CookieContainer();

        await first.CreatePortalClient(browser).SignInAsync(Email, PortalFactory.Password);
        var response = await separate.CreatePortalClient(browser).GetAsync(SignedInPage);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Identity/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithACertificateConfigured_TheKeysAreStoredEncrypted_AndSignInStillWorks()
    {
        var certificateFile = Path.Combine(Path.GetTempPath(), $"mediconglobal-keys-{Guid.NewGuid():N}.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=MediconGlobal data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(certificateFile, certificate.Export(X509ContentType.Pfx, "test-only"));
        }

        try
        {
            await using var portal = new PortalFactory(postgres: _database, settings: new Dictionary<string, string?>(KeysInTheDatabase)
            {
                ["DataProtection:CertificatePath"] = certificateFile,
                ["DataProtection:CertificatePassword"] = "test-only",
            });
            await portal.CreateUserAsync(Email, Roles.Advisor, OrganisationSeed.SmiLe);
            var client = portal.CreatePortalClient();

            await client.SignInAsync(Email, PortalFactory.Password);

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(SignedInPage)).StatusCode);
            var xml = await portal.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).SingleAsync());
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(certificateFile);
        }
    }
}
