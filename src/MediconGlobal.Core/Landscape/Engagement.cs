using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Landscape;

public enum EngagementOutcome
{
    Saved,
    NotFound,

    /// <summary>Someone else changed the organisation since the form was loaded.</summary>
    Conflict,

    /// <summary>The domain refused the change (e.g. a move to the status it already has).</summary>
    Refused,
}

public sealed record EngagementResult(EngagementOutcome Outcome, string? Message = null);

/// <summary>
/// Project managers' changes to an organisation's engagement: moving it along the pipeline (appending a dated,
/// attributed step) and recording what it needs from collaboration. Both refuse to overwrite a newer version.
/// </summary>
public sealed class Engagement(AppDbContext db, TimeProvider clock)
{
    public Task<EngagementResult> MoveAsync(int organisationId, int expectedVersion, PartnershipStatus to, string? note, string byUserId, string byName, CancellationToken cancellationToken = default) =>
        ChangeAsync(organisationId, expectedVersion, o => o.ChangePartnershipStatus(to, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), byUserId, byName, clock.GetUtcNow().UtcDateTime), cancellationToken);

    public Task<EngagementResult> RecordNeedsAsync(int organisationId, int expectedVersion, string? needs, CancellationToken cancellationToken = default) =>
        ChangeAsync(organisationId, expectedVersion, o => o.CollaborationNeeds = string.IsNullOrWhiteSpace(needs) ? null : needs.Trim(), cancellationToken);

    private async Task<EngagementResult> ChangeAsync(int organisationId, int expectedVersion, Action<Organisation> change, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
        if (organisation is null)
        {
            return new EngagementResult(EngagementOutcome.NotFound);
        }

        if (organisation.Version != expectedVersion)
        {
            return new EngagementResult(EngagementOutcome.Conflict);
        }

        // The version the form was loaded with is the one the update must still find in the database.
        db.Entry(organisation).Property(o => o.Version).OriginalValue = expectedVersion;
        try
        {
            change(organisation);
            await db.SaveChangesAsync(cancellationToken);
            return new EngagementResult(EngagementOutcome.Saved);
        }
        catch (DomainRuleException refused)
        {
            return new EngagementResult(EngagementOutcome.Refused, refused.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new EngagementResult(EngagementOutcome.Conflict);
        }
    }
}
