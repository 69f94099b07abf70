using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Reports.Gaps;
using MediconGlobal.Core.Security;
using MediconGlobal.Testing;
using MediconGlobal.Testing.Synthetic;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Tests.Reports;

/// <summary>The benchmark's data generator at a tiny scale: it writes rows EF reads back, and the gap report counts them all.</summary>
public sealed class SyntheticDataTests
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Generator_WritesReadableData_ThatTheGapReportCounts(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var scale = SyntheticScale.Full.Times(0.002);
        await using (var db = database.CreateContext())
        {
            await new SyntheticData(db, database.Clock).GenerateAsync(scale);
        }

        await using var read = database.CreateContext();
        Assert.Equal(scale.Companies, await read.Companies.CountAsync(c => c.IsFictional));
        Assert.Equal(scale.Referrals, await read.Referrals.CountAsync(r => r.IsFictional));
        var needs = await read.Needs.Where(n => n.IsFictional).ToListAsync();
        Assert.Equal(scale.Needs, needs.Count);
        Assert.All(needs, n => Assert.Equal(DateTimeKind.Utc, n.LoggedAt.Kind));
        Assert.Contains(needs, n => n.Status == NeedStatus.Unmet && n.UnmetReason is not null);

        var pm = new Viewer("pm", new HashSet<string> { Roles.ProjectManager }, null, null);
        var everyStatus = new GapFilters(Statuses: Enum.GetValues<NeedStatus>());
        var report = await new GapAnalysis(read).ComputeFullAsync(GapQuery.Default with { Filters = everyStatus }, pm);
        Assert.Equal(scale.Needs, report.Total.Figures!.Needs);
        Assert.True(report.Total.Figures.Offers > 0);

        // New records still get fresh ids after the bulk write.
        read.Organisations.Add(new Organisation("After the generator", OrganisationType.Incubator, "SE"));
        await read.SaveChangesAsync();
    }
}
