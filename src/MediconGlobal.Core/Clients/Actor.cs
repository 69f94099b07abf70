using MediconGlobal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Clients;

/// <summary>Who takes a step, as the entities record it: the user's id and the name shown on timelines.</summary>
public sealed record Actor(string UserId, string Name);

public enum StepOutcome
{
    Done,
    NotFound,
    Refused,
    Conflict,
}

/// <summary>
/// What became of a requested step: done, not found (or not the viewer's to see), refused by a rule (with the
/// sentence to show), or refused because someone else changed the record meanwhile.
/// </summary>
public sealed record StepResult(StepOutcome Outcome, string? Message = null, int? Id = null)
{
    public static readonly StepResult NotFound = new(StepOutcome.NotFound);

    public static readonly StepResult Conflict = new(StepOutcome.Conflict, "Someone else changed this record while you were looking at it. The page now shows the latest version; please check and try again.");

    public static StepResult Done(int? id = null) => new(StepOutcome.Done, null, id);

    public static StepResult Refused(string message) => new(StepOutcome.Refused, message);
}

public static class StepSaving
{
    /// <summary>Saves a step: done with the record's id, or a conflict when someone else changed it meanwhile.</summary>
    public static async Task<StepResult> SaveStepAsync(this AppDbContext db, int id, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return StepResult.Done(id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return StepResult.Conflict;
        }
    }
}
