using System.Diagnostics;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Pages;

public sealed class StartupAndSeedTests
{
    [Fact]
    public async Task Development_LoadsDemoAccountsAndAboutThirtyFictionalCompanies_SpreadOverTheTaxonomies_WithStaleOffersALockAndAnInvitation()
    {
        await using var portal = new PortalFactory("Development");
        _ = portal.Services;

        var (users, companies, fictionalNeeds, categories, markets, stages, referralStatuses) = await portal.WithDbAsync(async db => (
            await db.Users.Select(u => u.Email!).ToListAsync(),
            await db.Companies.Where(c => c.IsFictional).CountAsync(),
            await db.Needs.CountAsync(n => n.IsFictional),
            await db.Needs.Select(n => n.CategoryId).Distinct().CountAsync(),
            await db.Needs.Select(n => n.MarketId).Distinct().CountAsync(),
            await db.Companies.Select(c => c.StageId).Distinct().CountAsync(),
            await db.Referrals.Select(r => r.Status).Distinct().ToListAsync()));

        Assert.Equal(DemoAccounts.All.Select(a => a.Email).Append(DemoAccounts.LockedPartner).Append(DemoAccounts.InvitedAdvisor).Order(), users.Order());
        var today = OfferDay.At(DateTime.UtcNow);
        var (lapsedOffers, dueOffers, locked, invited) = await portal.WithDbAsync(async db => (
            await db.Offers.Where(Offer.NeedsVerificationOn(today)).Select(o => o.SeedKey!).ToListAsync(),
            await db.Offers.Where(Offer.DueOn(today)).Select(o => o.SeedKey!).ToListAsync(),
            await db.Users.SingleAsync(u => u.Email == DemoAccounts.LockedPartner),
            await db.Users.SingleAsync(u => u.Email == DemoAccounts.InvitedAdvisor)));
        Assert.Equal([DemoAccounts.LapsedOfferKey], lapsedOffers);
        Assert.Equal([DemoAccounts.LapsedOfferKey, DemoAccounts.DueOfferKey], dueOffers.Order());
        Assert.True(locked.LockoutEnd > DateTimeOffset.UtcNow.AddYears(10));
        Assert.True(invited.IsInvitationPending);
        Assert.InRange(companies, 25, 35);
        Assert.True(fictionalNeeds >= 60, $"only {fictionalNeeds} demo needs");
        Assert.True(categories >= 10 && markets >= 10 && stages >= 5, $"demo needs are not spread out: {categories} categories, {markets} markets, {stages} stages");
        Assert.Superset(new HashSet<ReferralStatus> { ReferralStatus.Sent, ReferralStatus.Accepted, ReferralStatus.Completed }, referralStatuses.ToHashSet());
    }

    [Fact]
    public async Task OutsideDevelopment_ThereAreNoDemoAccounts()
    {
        await using var portal = new PortalFactory("Production");
        _ = portal.Services;

        Assert.Equal(0, await portal.WithDbAsync(db => db.Users.CountAsync()));
        Assert.Equal(0, await portal.WithDbAsync(db => db.Companies.CountAsync()));
        Assert.Equal(OfferSeed.All.Count, await portal.WithDbAsync(db => db.Offers.CountAsync()));
    }

    [Fact]
    public async Task CreateAdminCommand_CreatesTheFirstAdministrator_OnAFreshProductionDatabase()
    {
        var folder = Directory.CreateTempSubdirectory("mediconglobal-admin-");
        var database = Path.Combine(folder.FullName, "portal.db");
        using var process = CreateAdmin(folder, database, "first.admin@example.org", "SmiLe Incubator");
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {output} {errors}");
        Assert.Contains("Administrator first.admin@example.org created.", output, StringComparison.Ordinal);
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT u.Email || '|' || r.Name || '|' || o.Name FROM AspNetUsers u
            JOIN AspNetUserRoles ur ON ur.UserId = u.Id JOIN AspNetRoles r ON r.Id = ur.RoleId
            JOIN Organisations o ON o.Id = u.OrganisationId
            """;
        Assert.Equal($"first.admin@example.org|{Roles.Administrator}|SmiLe Incubator", await command.ExecuteScalarAsync());
        SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task CreateAdminCommand_WithAUserNameThatIsNoEmailAddress_CreatesNothing()
    {
        var folder = Directory.CreateTempSubdirectory("mediconglobal-admin-");
        var database = Path.Combine(folder.FullName, "portal.db");
        using var process = CreateAdmin(folder, database, "system");
        await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("'system' is not an e-mail address.", errors, StringComparison.Ordinal);
        Assert.False(File.Exists(database), "the database was created although the command refused its arguments");
        folder.Delete(recursive: true);
    }

    /// <summary>Starts the published portal's <c>create-admin</c> command in Production on <paramref name="database"/>.</summary>
    private static Process CreateAdmin(DirectoryInfo folder, string database, params string[] arguments) => Process.Start(
        new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "MediconGlobal.Web.dll"), "create-admin", .. arguments])
        {
            WorkingDirectory = folder.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Database__ConnectionString"] = $"Data Source={database}",
                ["DataProtection__KeysPath"] = Path.Combine(folder.FullName, "keys"),
                ["MEDICON_ADMIN_PASSWORD"] = "A-long!Passphrase-2026",
            },
        })!;
}
