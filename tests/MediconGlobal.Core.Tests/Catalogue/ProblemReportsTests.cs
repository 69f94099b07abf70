using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Testing;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Tests.Catalogue;

/// <summary>The "unanswered for 14 days" rule of problem reports (issue 17 item 4) on both databases.</summary>
public sealed class ProblemReportsTests
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Overdue_AreOpenReportsOlderThan14Days_OldestFirst(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var db = database.CreateContext();
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var offer = await db.Offers.FirstAsync(o => o.SeedKey == "is-advisory-legal");
        CorrectionRequest Report(int daysAgo) => new(offer, "Out of date.", null, null, null, now.AddDays(-daysAgo).AddMinutes(-1));
        var (older, old, edge, recent, answered) = (Report(40), Report(20), Report(14), Report(13), Report(30));
        answered.Answer(CorrectionStatus.Dismissed, "It is right.", "Nora", now.AddDays(-1));
        db.CorrectionRequests.AddRange(older, old, edge, recent, answered);
        await db.SaveChangesAsync();

        var (oldest, count) = await ProblemReports.OverdueAsync(db, now, limit: 2);

        Assert.Equal(3, count);
        Assert.Equal([older.Id, old.Id], oldest.Select(r => r.Id).ToList());
        Assert.All(oldest, r => Assert.Equal((offer.Name, offer.ProviderId), (r.Offer, r.OrganisationId)));
        Assert.False(recent.IsOverdue(now));
        Assert.True(edge.IsOverdue(now));
    }
}
