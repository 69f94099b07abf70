using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Testing;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Tests.Data;

/// <summary>
/// The database's triggers raise exactly the counters a kept read model depends on, for writes through the save
/// interceptor and around it, and only when the write commits (data: <see cref="GapTestData"/>).
/// </summary>
public sealed class DataVersionsTests
{
    public static TheoryData<DatabaseProvider, string, bool, bool, bool, bool> Writes()
    {
        var data = new TheoryData<DatabaseProvider, string, bool, bool, bool, bool>();
        foreach (var p in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            data.Add(p, "offer added with terms", true, false, false, false);
            data.Add(p, "offer renamed outside the save interceptor", true, false, false, false);
            data.Add(p, "offer's term links deleted outside the save interceptor", true, false, false, false);
            data.Add(p, "organisation renamed", true, false, true, false);
            data.Add(p, "need moved to another status", false, true, false, true);
            data.Add(p, "referral sent", false, true, true, true);
            data.Add(p, "referral accepted", false, false, false, true);
            data.Add(p, "company moved to another incubator", false, true, true, true);
            data.Add(p, "note added to a company", false, false, false, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task AWrite_RaisesTheCountersOfWhatItChanged(DatabaseProvider provider, string write, bool catalogue, bool needs, bool network, bool casework)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider, withReferenceData: false);
        GapTestData data;
        await using (var db = database.CreateContext())
        {
            data = await GapTestData.CreateAsync(db);
        }

        await using var context = database.CreateContext();
        var before = await DataVersions.ReadAsync(context);
        await MakeAsync(context, data, write);
        var after = await DataVersions.ReadAsync(context);

        Assert.Equal(
            (catalogue, needs, network, casework),
            (after.Catalogue > before.Catalogue, after.Needs > before.Needs, after.Network > before.Network, after.Casework > before.Casework));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AWriteRolledBack_LeavesTheCountersAlone(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider, withReferenceData: false);
        await using var db = database.CreateContext();
        await GapTestData.CreateAsync(db);
        var before = await DataVersions.ReadAsync(db);

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            (await db.Offers.FirstAsync()).Name = "Renamed, then rolled back";
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        Assert.Equal(before, await DataVersions.ReadAsync(db));
    }

    [Fact]
    public async Task OnPostgres_ATransaction_RaisesACounterOnce_AtCommit()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Postgres, withReferenceData: false);
        await using var db = database.CreateContext();
        await GapTestData.CreateAsync(db);
        var before = await DataVersions.ReadAsync(db);

        foreach (var offer in await db.Offers.ToListAsync())
        {
            offer.Name += " (edited)";
        }

        await db.SaveChangesAsync();

        Assert.Equal(before.Catalogue + 1, (await DataVersions.ReadAsync(db)).Catalogue);
    }

    private static async Task MakeAsync(AppDbContext db, GapTestData data, string write)
    {
        var at = GapTestData.Start.AddDays(200);
        switch (write)
        {
            case "offer added with terms":
                var provider = await db.Organisations.FirstAsync();
                var offer = new Offer("New offer", provider, await db.TaxonomyTerms.SingleAsync(t => t.Id == data.Legal.Id));
                offer.SetTerms(TaxonomyKind.Market, [await db.TaxonomyTerms.SingleAsync(t => t.Id == data.Usa.Id)]);
                offer.Publish(at);
                db.Offers.Add(offer);
                break;
            case "offer renamed outside the save interceptor":
                await db.Offers.Where(o => o.Name == "O1").ExecuteUpdateAsync(u => u.SetProperty(o => o.Name, "O1 renamed"));
                return;
            case "offer's term links deleted outside the save interceptor":
                await db.OfferTerms.Where(t => t.TermId == data.Usa.Id).ExecuteDeleteAsync();
                return;
            case "organisation renamed":
                (await db.Organisations.FirstAsync()).Name = "Renamed organisation";
                break;
            case "need moved to another status":
                (await db.Needs.FirstAsync(n => n.Status == NeedStatus.Open)).StartWork(new Actor("u", "U"), at);
                break;
            case "referral sent":
                var need = await db.Needs.Include(n => n.Referrals).FirstAsync(n => n.Status == NeedStatus.Open);
                need.Refer(await db.Organisations.FirstAsync(), null, null, new Actor("u", "U"), at);
                break;
            case "referral accepted":
                (await db.Referrals.FirstAsync(r => r.Status == ReferralStatus.Sent)).Accept(null, new Actor("u", "U"), at);
                break;
            case "company moved to another incubator":
                var company = await db.Companies.FirstAsync(c => c.HomeIncubatorId == data.IncubatorA.Id);
                company.HomeIncubatorId = data.IncubatorB.Id;
                break;
            case "note added to a company":
                db.CompanyNotes.Add(new CompanyNote { CompanyId = (await db.Companies.FirstAsync()).Id, Text = "Called them.", AuthorUserId = "u", AuthorName = "U", CreatedAt = at });
                break;
        }

        await db.SaveChangesAsync();
    }
}
