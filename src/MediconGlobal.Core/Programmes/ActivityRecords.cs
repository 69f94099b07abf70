using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Programmes;

/// <summary>
/// What a person records about an activity. Counts are whole numbers of people, meetings and companies (null:
/// not counted); ids are of companies, organisations and market or sector terms the form offered.
/// </summary>
public sealed record ActivityChange(
    string Topic,
    ActivityKind Kind,
    DateOnly Date,
    int? OrganiserId,
    string? Description,
    int? ParticipantCount,
    int? FollowUpCount,
    int? ContinuingCount,
    string? Outcome,
    IReadOnlyCollection<int> CompanyIds,
    IReadOnlyCollection<int> OrganisationIds,
    IReadOnlyCollection<int> MarketIds,
    IReadOnlyCollection<int> SectorIds);

/// <summary>
/// Records and changes programme activities (issue 17 item 1) for project managers and administrators (every
/// programme) and partner staff (their organisation's programmes, <see cref="DataScopes.ActivitiesRecordableBy"/>).
/// A programme or activity outside the viewer's scope is <see cref="CommandOutcome.NotFound"/>, never loaded.
/// </summary>
public sealed class ActivityRecords(AppDbContext db)
{
    /// <summary>Adds an activity to programme <paramref name="programmeId"/>; Done carries the new activity's id.</summary>
    public async Task<CommandResult> RecordAsync(Viewer viewer, int programmeId, ActivityChange change, CancellationToken cancellationToken = default)
    {
        if (!await db.Programmes.ActivitiesRecordableBy(viewer).AnyAsync(p => p.Id == programmeId, cancellationToken))
        {
            return CommandResult.NotFound;
        }

        var activity = new Activity { ProgrammeId = programmeId };
        await ApplyAsync(viewer, activity, change, cancellationToken);
        db.Activities.Add(activity);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Done(activity.Id);
    }

    /// <summary>
    /// Changes activity <paramref name="id"/> as loaded at <paramref name="expectedVersion"/> (the one versioned
    /// save, ADR 1050). Participating companies the viewer may not identify stay as they are: a partner's form
    /// never shows them, so it cannot add or remove them.
    /// </summary>
    public async Task<CommandResult> UpdateAsync(Viewer viewer, int id, int expectedVersion, ActivityChange change, CancellationToken cancellationToken = default)
    {
        var activity = await db.Activities.EditableBy(viewer)
            .Include(a => a.Participants).Include(a => a.Organisations).Include(a => a.Terms).ThenInclude(t => t.Term)
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return await db.SaveVersionedAsync(activity, expectedVersion, a => ApplyAsync(viewer, a, change, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Deletes activity <paramref name="id"/> as loaded at <paramref name="expectedVersion"/>, with its
    /// participants, organisations and terms (a mistaken or cancelled activity; its counts leave the programme
    /// comparison's funnel). Outside the viewer's scope: <see cref="CommandOutcome.NotFound"/>; changed since it was
    /// loaded: <see cref="CommandOutcome.Conflict"/> and nothing is deleted (ADR 1050). Audited like every change.
    /// </summary>
    public async Task<CommandResult> DeleteAsync(Viewer viewer, int id, int expectedVersion, CancellationToken cancellationToken = default)
    {
        var activity = await db.Activities.EditableBy(viewer)
            .Include(a => a.Participants).Include(a => a.Organisations).Include(a => a.Terms)
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return await db.SaveVersionedAsync(activity, expectedVersion, a => db.Activities.Remove(a), cancellationToken);
    }

    private async Task ApplyAsync(Viewer viewer, Activity activity, ActivityChange change, CancellationToken cancellationToken)
    {
        activity.Name = change.Topic.Trim();
        activity.Kind = change.Kind;
        activity.Date = change.Date;
        activity.OrganiserId = change.OrganiserId;
        activity.Description = Clean(change.Description);
        activity.ParticipantCount = change.ParticipantCount;
        activity.FollowUpCount = change.FollowUpCount;
        activity.ContinuingCount = change.ContinuingCount;
        activity.Outcome = Clean(change.Outcome);

        var current = activity.Participants.Select(p => p.CompanyId).ToList();
        var asked = change.CompanyIds.Concat(current).Distinct().ToList();
        var identifiable = await db.Companies.IdentifiableBy(viewer).Where(c => asked.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
        activity.SetParticipants(change.CompanyIds.Where(identifiable.Contains).Concat(current.Where(c => !identifiable.Contains(c))));
        activity.SetOrganisations(change.OrganisationIds);

        var termIds = change.MarketIds.Concat(change.SectorIds).ToList();
        var terms = await db.TaxonomyTerms.Where(t => termIds.Contains(t.Id)).ToListAsync(cancellationToken);
        activity.SetTerms(TaxonomyKind.Market, terms.Where(t => t.Kind == TaxonomyKind.Market));
        activity.SetTerms(TaxonomyKind.Sector, terms.Where(t => t.Kind == TaxonomyKind.Sector));
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
