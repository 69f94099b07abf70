using System.Buffers.Binary;
using System.Net;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediconGlobal.Web.Tests.Security;

/// <summary>
/// OWASP ASVS 2.1.3, 2.1.4 and 2.4.1–2.4.3: passwords are stored as salted PBKDF2-HMAC-SHA512 hashes with at least
/// 120,000 iterations (the portal uses 210,000), long Unicode passphrases work, and nothing is truncated.
/// </summary>
public sealed class CredentialStorageTests : IAsyncLifetime
{
    private const string Passphrase = "Ålands skärgård 🌊 in Winter – with tea, 42 & no rush at all, as the ferry takes its time!";

    private readonly PortalFactory _portal = new() { ProductionPasswordHashing = true };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Passwords_AreSaltedPbkdf2Sha512Hashes_With210000Iterations()
    {
        var first = await _portal.CreateUserAsync("hash-one@test.example", Roles.Advisor, OrganisationSeed.SmiLe);
        var second = await _portal.CreateUserAsync("hash-two@test.example", Roles.Advisor, OrganisationSeed.SmiLe);

        var hashes = await _portal.WithDbAsync(db => db.Users.Where(u => u.Id == first.Id || u.Id == second.Id).Select(u => u.PasswordHash!).ToListAsync());

        foreach (var bytes in hashes.Select(Convert.FromBase64String))
        {
            // Identity's V3 format: 0x01, PRF (2 = HMAC-SHA512), iteration count, salt length, salt, subkey.
            Assert.Equal(0x01, bytes[0]);
            Assert.Equal(2u, BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1)));
            Assert.Equal(210_000u, BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5)));
            Assert.Equal(16u, BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(9)));
        }

        Assert.NotEqual(hashes[0], hashes[1]);
    }

    [Fact]
    public async Task LongUnicodePassphrase_SignsIn_AndIsNotTruncated()
    {
        using (var scope = _portal.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = "passphrase@test.example", Email = "passphrase@test.example", EmailConfirmed = true, OrganisationId = await _portal.WithDbAsync(db => db.Organisations.Where(o => o.SeedKey == OrganisationSeed.SmiLe).Select(o => (int?)o.Id).SingleAsync()) };
            Assert.True((await users.CreateAsync(user, Passphrase)).Succeeded);
            await users.AddToRoleAsync(user, Roles.Advisor);
        }

        var client = _portal.CreatePortalClient();
        var almost = await SignInAsync(client, Passphrase[..^1] + "?");
        var exact = await SignInAsync(client, Passphrase);

        Assert.Equal(HttpStatusCode.OK, almost.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, exact.StatusCode);
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string password)
    {
        var page = await client.GetPageAsync("/Identity/Account/Login");
        return await client.SubmitAsync(page, "form#account", new Dictionary<string, string> { ["Input.Email"] = "passphrase@test.example", ["Input.Password"] = password });
    }
}
