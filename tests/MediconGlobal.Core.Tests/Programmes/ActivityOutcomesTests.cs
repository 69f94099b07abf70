using MediconGlobal.Core.Data;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Programmes;
using MediconGlobal.Testing;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Tests.Programmes;

/// <summary>The activity funnel of ADR 1741: counts summed per programme, registered participants when no count was recorded.</summary>
public sealed class ActivityOutcomesTests
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Outcomes_SumTheCounts_AndCountRegisteredParticipantsWhereNoCountWasRecorded(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var db = database.CreateContext();
        var programme = await db.Programmes.Where(p => p.SeedKey == ProgrammeSeed.DlscInnovationProgram).Select(p => p.Id).SingleAsync();
        var other = await db.Programmes.Where(p => p.SeedKey == ProgrammeSeed.GoingGlobal).Select(p => p.Id).SingleAsync();
        var companies = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            companies.Add((await CaseBuilder.CompanyAsync(db, $"Participant {i}", OrganisationSeed.SmiLe)).Id);
        }

        var counted = new Activity { ProgrammeId = programme, Name = "Webinar", Kind = ActivityKind.Webinar, Date = new DateOnly(2024, 1, 10), ParticipantCount = 40, FollowUpCount = 8, ContinuingCount = 5 };
        var registered = new Activity { ProgrammeId = programme, Name = "Booster Board", Kind = ActivityKind.BoosterBoard, Date = new DateOnly(2024, 2, 10), FollowUpCount = 2 };
        registered.SetParticipants(companies);
        registered.SetOrganisations([await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.RegionZealand)]);
        db.Activities.AddRange(counted, registered);
        await db.SaveChangesAsync();

        var outcomes = await ActivityQueries.OutcomesAsync(db, [programme, other]);

        Assert.Equal(new ActivityOutcomes(2, 44, 10, 5), outcomes[programme]);
        Assert.False(outcomes.ContainsKey(other));
        Assert.Equal([1.0, 10 / 44.0, 5 / 44.0], outcomes[programme].Steps.Select(s => s.ShareOfFirst!.Value));
        Assert.All(ActivityOutcomes.None.Steps, s => Assert.Null(s.ShareOfFirst));
    }
}
