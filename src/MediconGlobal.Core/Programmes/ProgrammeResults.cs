using MediconGlobal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Programmes;

public enum ResultsOutcome
{
    Saved,
    NotFound,

    /// <summary>Someone else changed the programme since the form was loaded.</summary>
    Conflict,
}

/// <summary>Project managers record what an initiative taught them and which indicators form its funnels.</summary>
public sealed class ProgrammeResults(AppDbContext db)
{
    /// <param name="funnels">Funnel name per indicator id; indicators of other programmes are ignored.</param>
    public async Task<ResultsOutcome> SaveAsync(int programmeId, int expectedVersion, string? lessonsLearned, IReadOnlyDictionary<int, string?> funnels, CancellationToken cancellationToken = default)
    {
        var programme = await db.Programmes.Include(p => p.Indicators).FirstOrDefaultAsync(p => p.Id == programmeId, cancellationToken);
        if (programme is null)
        {
            return ResultsOutcome.NotFound;
        }

        if (programme.Version != expectedVersion)
        {
            return ResultsOutcome.Conflict;
        }

        db.Entry(programme).Property(p => p.Version).OriginalValue = expectedVersion;
        programme.LessonsLearned = string.IsNullOrWhiteSpace(lessonsLearned) ? null : lessonsLearned.Trim();
        foreach (var indicator in programme.Indicators)
        {
            if (funnels.TryGetValue(indicator.Id, out var funnel))
            {
                indicator.Funnel = string.IsNullOrWhiteSpace(funnel) ? null : funnel.Trim();
            }
        }

        // An indicator-only change must still bump the programme's version, so a stale form cannot overwrite it.
        db.Entry(programme).State = EntityState.Modified;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return ResultsOutcome.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            return ResultsOutcome.Conflict;
        }
    }
}
