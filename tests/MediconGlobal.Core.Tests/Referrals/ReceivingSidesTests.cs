using MediconGlobal.Core.Data;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Referrals;
using MediconGlobal.Core.Security;
using MediconGlobal.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Tests.Referrals;

/// <summary>Who answers a referral at an organisation (issue 11 item 7), on both databases.</summary>
public sealed class ReceivingSidesTests
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AnOrganisationAnswersInThePortal_OnlyThroughActivePartnerStaffWithAPassword(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var db = database.CreateContext();
        var (een, mva, rise, dlsc) = (await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.Een), await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.Mva),
            await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.Rise), await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.Dlsc));
        var partner = await RoleAsync(db, Roles.PartnerStaff);
        var advisor = await RoleAsync(db, Roles.Advisor);
        Add(db, "answers@een.test", een, partner, "hash", null);
        Add(db, "invited@mva.test", mva, partner, null, null);
        Add(db, "left@rise.test", rise, partner, "hash", DateTime.UtcNow);
        Add(db, "advisor@dlsc.test", dlsc, advisor, "hash", null);
        db.OrganisationContacts.Add(new OrganisationContact { OrganisationId = mva, Name = "Front desk", Email = "desk@mva.test" });
        await db.SaveChangesAsync();

        var sides = await ReceivingSides.OfOrganisationsAsync(db, [een, mva, rise, dlsc]);

        Assert.True(sides[een].AnswersInThePortal);
        Assert.False(sides[mva].AnswersInThePortal);
        Assert.False(sides[rise].AnswersInThePortal);
        Assert.False(sides[dlsc].AnswersInThePortal);
        Assert.Equal("desk@mva.test", sides[mva].ContactEmail);
        Assert.Null(sides[rise].ContactEmail);
    }

    [Fact]
    public async Task AnOffersContactAddress_GoesBeforeTheOrganisations()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var offer = await db.Offers.SingleAsync(o => o.SeedKey == "een-partnering");
        offer.ContactEmail = "partnering@een.test";
        db.OrganisationContacts.Add(new OrganisationContact { OrganisationId = offer.ProviderId, Name = "General", Email = "info@een.test" });
        await db.SaveChangesAsync();

        var sides = await ReceivingSides.OfOffersAsync(db, [offer.Id]);

        Assert.Equal(new ReceivingSide(offer.ProviderId, false, "partnering@een.test"), sides[offer.Id]);
    }

    private static async Task<string> RoleAsync(AppDbContext db, string name)
    {
        if (await db.Roles.FirstOrDefaultAsync(r => r.Name == name) is { } existing)
        {
            return existing.Id;
        }

        var role = new IdentityRole(name) { NormalizedName = name.ToUpperInvariant() };
        db.Roles.Add(role);
        await db.SaveChangesAsync();
        return role.Id;
    }

    private static void Add(AppDbContext db, string email, int organisationId, string roleId, string? passwordHash, DateTime? deactivatedAt)
    {
        var user = new ApplicationUser
        {
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            DisplayName = email,
            OrganisationId = organisationId,
            PasswordHash = passwordHash,
            DeactivatedAt = deactivatedAt,
            SecurityStamp = Guid.NewGuid().ToString("N"),
        };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
    }
}
