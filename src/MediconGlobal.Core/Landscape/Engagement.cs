using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Landscape;

/// <summary>
/// Project managers' changes to an organisation's engagement: moving it along the pipeline (appending a dated,
/// attributed step) and recording what it needs from collaboration. Both refuse to overwrite a newer version.
/// </summary>
public sealed class Engagement(AppDbContext db, TimeProvider clock)
{
    public Task<CommandResult> MoveAsync(int organisationId, int expectedVersion, PartnershipStatus to, string? note, Actor by, CancellationToken cancellationToken = default) =>
        ChangeAsync(organisationId, expectedVersion, o => o.ChangePartnershipStatus(to, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), by, clock.GetUtcNow().UtcDateTime), cancellationToken);

    public Task<CommandResult> RecordNeedsAsync(int organisationId, int expectedVersion, string? needs, CancellationToken cancellationToken = default) =>
        ChangeAsync(organisationId, expectedVersion, o => o.CollaborationNeeds = string.IsNullOrWhiteSpace(needs) ? null : needs.Trim(), cancellationToken);

    private async Task<CommandResult> ChangeAsync(int organisationId, int expectedVersion, Action<Organisation> change, CancellationToken cancellationToken) =>
        await db.SaveVersionedAsync(await db.Organisations.FirstOrDefaultAsync(o => o.Id == organisationId, cancellationToken), expectedVersion, change, cancellationToken);
}
