using System.Text.Json;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Tests.Data;

/// <summary>The audit interceptor stamps, versions and logs every change, on both databases.</summary>
public sealed class AuditAndConcurrencyTests
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Adding_StampsAuditFields_AndWritesAnAuditEntry(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider, withReferenceData: false);
        database.User.UserName = "petra@smile.test";
        int id;
        await using (var db = database.CreateContext())
        {
            var organisation = new Organisation("Öresund Test Hub", OrganisationType.Incubator, "SE");
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            id = organisation.Id;
        }

        await using var read = database.CreateContext();
        var saved = await read.Organisations.SingleAsync(o => o.Id == id);
        Assert.Equal((database.Clock.Now.UtcDateTime, "petra@smile.test", 1, "oresund test hub"), (saved.CreatedAt, saved.CreatedBy, saved.Version, saved.SearchText));
        Assert.Equal(DateTimeKind.Utc, saved.CreatedAt.Kind);
        var entry = await read.AuditEntries.SingleAsync(a => a.EntityType == nameof(Organisation) && a.EntityId == id.ToString());
        Assert.Equal(("Added", "petra@smile.test"), (entry.Action, entry.UserName));
        Assert.Equal("Öresund Test Hub", JsonDocument.Parse(entry.Changes).RootElement.GetProperty("Name").GetString());
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Modifying_BumpsTheVersion_AndLogsOldAndNewValues(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider, withReferenceData: false);
        var id = await AddOrganisationAsync(database);
        database.Clock.Advance(TimeSpan.FromHours(2));
        database.User.UserName = "nora@innovationskane.test";

        await using (var db = database.CreateContext())
        {
            var organisation = await db.Organisations.SingleAsync(o => o.Id == id);
            organisation.Website = "https://example.org";
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var saved = await read.Organisations.SingleAsync(o => o.Id == id);
        Assert.Equal((2, "nora@innovationskane.test", database.Clock.Now.UtcDateTime), (saved.Version, saved.UpdatedBy, saved.UpdatedAt));
        var modified = await read.AuditEntries.SingleAsync(a => a.EntityId == id.ToString() && a.Action == "Modified");
        var website = JsonDocument.Parse(modified.Changes).RootElement.GetProperty("Website");
        Assert.Equal(JsonValueKind.Null, website.GetProperty("old").ValueKind);
        Assert.Equal("https://example.org", website.GetProperty("new").GetString());
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ConcurrentEdits_TheSecondSaveIsRefused_AndNothingIsLogged(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider, withReferenceData: false);
        var id = await AddOrganisationAsync(database);
        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var mine = await first.Organisations.SingleAsync(o => o.Id == id);
        var theirs = await second.Organisations.SingleAsync(o => o.Id == id);

        mine.Description = "Mine";
        await first.SaveChangesAsync();
        theirs.Description = "Theirs";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var read = database.CreateContext();
        Assert.Equal("Mine", (await read.Organisations.SingleAsync(o => o.Id == id)).Description);
        Assert.Equal(1, await read.AuditEntries.CountAsync(a => a.EntityId == id.ToString() && a.Action == "Modified"));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task GivingAUserARole_IsLoggedUnderTheCompositeKey(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider, withReferenceData: false);
        var user = new ApplicationUser { Id = Guid.NewGuid().ToString(), UserName = "role@smile.test" };
        var role = new IdentityRole(Roles.ProjectManager) { Id = Guid.NewGuid().ToString() };
        await using (var db = database.CreateContext())
        {
            db.Users.Add(user);
            db.Roles.Add(role);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var entry = await read.AuditEntries.SingleAsync(a => a.EntityId == user.Id + "/" + role.Id);
        Assert.Equal("Added", entry.Action);
    }

    private static async Task<int> AddOrganisationAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var organisation = new Organisation("Kattegat Test Cluster", OrganisationType.ClusterOrganisation, "DK");
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation.Id;
    }
}
