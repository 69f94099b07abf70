using MediconGlobal.Core.Auditing;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Organisations;
using MediconGlobal.Testing;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Tests.Organisations;

/// <summary>Merging duplicate organisations (issue 11, item 3; ADR 1151), on both databases.</summary>
public sealed class OrganisationMergerTests
{
    private static readonly Actor Admin = new("admin-id", "Ada Admin");

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Merge_MovesEverythingToTheSurvivor_TakesTheChosenFields_AndRecordsBothIds(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var (survivorId, duplicateId, referralId) = await ArrangeDuplicateAsync(database);

        MergeOutcome outcome;
        await using (var db = database.CreateContext())
        {
            var versions = await db.Organisations.Where(o => o.Id == survivorId || o.Id == duplicateId).ToDictionaryAsync(o => o.Id, o => o.Version);
            outcome = await new OrganisationMerger(db, database.Clock).MergeAsync(
                new MergeRequest(survivorId, versions[survivorId], duplicateId, versions[duplicateId], new HashSet<MergeField> { MergeField.Website, MergeField.PartnershipStatus }), Admin);
        }

        Assert.Equal(CommandOutcome.Done, outcome.Result.Outcome);
        Assert.Equal(["duplicate-user"], outcome.MovedUserIds);
        await using var read = database.CreateContext();
        Assert.False(await read.Organisations.AnyAsync(o => o.Id == duplicateId));
        var survivor = await read.Organisations.Include(o => o.Terms).Include(o => o.Contacts).Include(o => o.PartnershipHistory).SingleAsync(o => o.Id == survivorId);
        Assert.Equal(("Innovation Skåne", "https://duplicate.example"), (survivor.Name, survivor.Website));
        Assert.Equal(PartnershipStatus.Engaged, survivor.PartnershipStatus);
        Assert.Contains(survivor.Contacts, c => c.Name == "Dana Duplicate");
        var welfare = await TermAsync(read, "welfare-tech");
        Assert.Contains(survivor.Terms, t => t.TermId == welfare);
        Assert.True(survivor.PartnershipHistory.Count >= 2);
        Assert.Equal(survivorId, await read.Offers.Where(o => o.Name == "Duplicate's workshop").Select(o => o.ProviderId).SingleAsync());
        Assert.Equal(survivorId, await read.Companies.Where(c => c.Name == "Client of the duplicate AB").Select(c => c.HomeIncubatorId).SingleAsync());
        Assert.Equal(survivorId, await read.Referrals.Where(r => r.Id == referralId).Select(r => r.ReceivingOrganisationId).SingleAsync());
        Assert.Equal(survivorId, await read.Users.Where(u => u.Id == "duplicate-user").Select(u => u.OrganisationId).SingleAsync());
        var merge = await read.OrganisationMerges.SingleAsync();
        Assert.Equal((survivorId, duplicateId, "Innovation Skane (duplicate)", "Ada Admin", "Website,PartnershipStatus"), (merge.SurvivorId, merge.MergedId, merge.MergedName, merge.MergedByName, merge.FieldsTaken));

        // The survivor's history carries the duplicate's own changes and the merge.
        var history = await new ChangeHistory(read).LoadAsync(HistorySubject.Organisation, survivorId);
        Assert.Contains(history, h => h.Action == "Merged");
        Assert.Contains(history, h => h.Action == "Added" && h.Changes.Any(c => c.New.Text == "Innovation Skane (duplicate)"));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Merge_AgainstAnOlderVersion_IsAConflict_AndChangesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var (survivorId, duplicateId, _) = await ArrangeDuplicateAsync(database);

        await using (var db = database.CreateContext())
        {
            var outcome = await new OrganisationMerger(db, database.Clock).MergeAsync(new MergeRequest(survivorId, 1, duplicateId, 0, new HashSet<MergeField>()), Admin);
            Assert.Equal(CommandOutcome.Conflict, outcome.Result.Outcome);
        }

        await using var read = database.CreateContext();
        Assert.True(await read.Organisations.AnyAsync(o => o.Id == duplicateId));
        Assert.Equal(duplicateId, await read.Offers.Where(o => o.Name == "Duplicate's workshop").Select(o => o.ProviderId).SingleAsync());
        Assert.Empty(await read.OrganisationMerges.ToListAsync());
    }

    [Fact]
    public async Task SeededOrganisation_MergedAway_IsNotLoadedAgainAtStartUp_AndItsProgrammesStayOnTheSurvivor()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using (var db = database.CreateContext())
        {
            var een = await db.Organisations.SingleAsync(o => o.SeedKey == OrganisationSeed.Een);
            var skane = await db.Organisations.SingleAsync(o => o.SeedKey == OrganisationSeed.InnovationSkane);
            var outcome = await new OrganisationMerger(db, database.Clock).MergeAsync(new MergeRequest(skane.Id, skane.Version, een.Id, een.Version, new HashSet<MergeField>()), Admin);
            Assert.Equal(CommandOutcome.Done, outcome.Result.Outcome);
        }

        await using (var db = database.CreateContext())
        {
            await new ReferenceDataSeeder(db, database.Clock).SeedAsync();
        }

        await using var read = database.CreateContext();
        Assert.False(await read.Organisations.AnyAsync(o => o.SeedKey == OrganisationSeed.Een));
        var skaneId = await CaseBuilder.OrganisationIdAsync(read, OrganisationSeed.InnovationSkane);
        var clusters = await read.Programmes.Include(p => p.Partners).SingleAsync(p => p.ReferenceNumber == "2022-01443");
        Assert.Contains(clusters.Partners, p => p.OrganisationId == skaneId && p.Role == "Partner");
    }

    [Fact]
    public async Task Merge_OfAnOrganisationWithItself_IsRefused()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var id = await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.SmiLe);

        var outcome = await new OrganisationMerger(db, database.Clock).MergeAsync(new MergeRequest(id, 1, id, 1, new HashSet<MergeField>()), Admin);

        Assert.Equal(CommandOutcome.Refused, outcome.Result.Outcome);
    }

    private static Task<int> TermAsync(AppDbContext db, string code) => db.TaxonomyTerms.Where(t => t.Code == code).Select(t => t.Id).SingleAsync();

    /// <summary>A duplicate of Innovation Skåne with an offer, a client, a referral to it, a user, a contact, a term and a pipeline step.</summary>
    private static async Task<(int Survivor, int Duplicate, int Referral)> ArrangeDuplicateAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var survivorId = await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.InnovationSkane);
        var category = await db.TaxonomyTerms.SingleAsync(t => t.Code == "legal");
        var duplicate = new Organisation("Innovation Skane (duplicate)", OrganisationType.RegionalInnovationAgency, "SE") { Website = "https://duplicate.example" };
        duplicate.SetTerms(TaxonomyKind.Sector, [await db.TaxonomyTerms.SingleAsync(t => t.Code == "welfare-tech")]);
        duplicate.Contacts.Add(new OrganisationContact { Name = "Dana Duplicate" });
        duplicate.ChangePartnershipStatus(PartnershipStatus.Engaged, "Met at a fair.", new Actor("pm", "Petra PM"), database.Clock.Now.UtcDateTime);
        db.Organisations.Add(duplicate);
        db.Offers.Add(new Offer("Duplicate's workshop", duplicate, category) { Description = "A workshop." });
        db.Users.Add(new ApplicationUser { Id = "duplicate-user", UserName = "dup@example.test", Email = "dup@example.test", DisplayName = "Dup", Organisation = duplicate });
        var company = new Company("Client of the duplicate AB", "SE") { HomeIncubator = duplicate };
        db.Companies.Add(company);
        await db.SaveChangesAsync();
        var need = await CaseBuilder.NeedAsync(db, company, "legal", null, database.Clock.Now.UtcDateTime);
        var trackedNeed = await db.Needs.Include(n => n.Referrals).SingleAsync(n => n.Id == need.Id);
        var referral = trackedNeed.Refer(duplicate, null, "Please help.", new Actor(CaseBuilder.AdvisorId, CaseBuilder.AdvisorName), database.Clock.Now.UtcDateTime);
        await db.SaveChangesAsync();
        return (survivorId, duplicate.Id, referral.Id);
    }
}
