using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Programmes;

/// <summary>
/// One activity in a list: what anyone may read about it (no company is named). <see cref="Participants"/> is
/// <see cref="ActivityOutcomes.ParticipantsOf"/>; <see cref="Companies"/> and <see cref="Organisations"/> count
/// the registered participants.
/// </summary>
public sealed record ActivitySummary(
    int Id,
    DateOnly Date,
    ActivityKind Kind,
    string Topic,
    int? ProgrammeId,
    string? Programme,
    int? OrganiserId,
    string? Organiser,
    int Participants,
    int? FollowUpCount,
    int? ContinuingCount,
    int Companies,
    int Organisations);

/// <summary>A participating company: <see cref="Name"/> and <see cref="RecordId"/> are null when the viewer may not know who it is.</summary>
public sealed record ActivityCompany(int? RecordId, string? Name);

/// <summary>One activity as its page shows it to <c>Viewer</c>; companies the viewer may not identify come last, unnamed.</summary>
public sealed record ActivityDetail(
    ActivitySummary Summary,
    string? Description,
    int? ParticipantCount,
    string? Outcome,
    IReadOnlyList<ActivityCompany> Companies,
    IReadOnlyList<(int Id, string Name)> Organisations,
    IReadOnlyList<string> Markets,
    IReadOnlyList<string> Sectors,
    DateTime UpdatedAt,
    string? UpdatedBy,
    bool CanEdit);

/// <summary>
/// What a programme's activities add up to, read as a funnel (ADR 1741): participants → follow-up meetings →
/// companies continuing, summed over the programme's activities. An activity without a participant count counts
/// its registered participating companies and organisations; follow-up meetings and companies continuing count
/// only where recorded.
/// </summary>
public sealed record ActivityOutcomes(int Activities, int Participants, int FollowUpMeetings, int CompaniesContinuing)
{
    public static readonly ActivityOutcomes None = new(0, 0, 0, 0);

    /// <summary>Participants of one activity: the count recorded, else the registered companies and organisations.</summary>
    public static int ParticipantsOf(int? participantCount, int companies, int organisations) => participantCount ?? companies + organisations;

    /// <summary>The three steps with each one's share of the participants (null when there are none).</summary>
    public IReadOnlyList<(ActivityStep Step, int Count, double? ShareOfFirst)> Steps =>
    [
        (ActivityStep.Participants, Participants, Participants > 0 ? 1.0 : null),
        (ActivityStep.FollowUpMeetings, FollowUpMeetings, Participants > 0 ? (double)FollowUpMeetings / Participants : null),
        (ActivityStep.CompaniesContinuing, CompaniesContinuing, Participants > 0 ? (double)CompaniesContinuing / Participants : null),
    ];
}

/// <summary>The steps of the activity funnel.</summary>
public enum ActivityStep
{
    Participants,
    FollowUpMeetings,
    CompaniesContinuing,
}

/// <summary>Reads activities for the programme, organisation, activity and comparison pages (issue 17 item 1).</summary>
public static class ActivityQueries
{
    /// <summary>A programme's activities, newest first.</summary>
    public static Task<List<ActivitySummary>> ForProgrammeAsync(AppDbContext db, int programmeId, CancellationToken cancellationToken = default) =>
        Summaries(db.Activities.Where(a => a.ProgrammeId == programmeId)).ToListAsync(cancellationToken);

    /// <summary>Activities an organisation organised or took part in, newest first.</summary>
    public static Task<List<ActivitySummary>> ForOrganisationAsync(AppDbContext db, int organisationId, CancellationToken cancellationToken = default) =>
        Summaries(db.Activities.Where(a => a.OrganiserId == organisationId || a.Organisations.Any(o => o.OrganisationId == organisationId))).ToListAsync(cancellationToken);

    /// <summary>Outcome totals per programme id; a programme without activities is absent.</summary>
    public static async Task<IReadOnlyDictionary<int, ActivityOutcomes>> OutcomesAsync(AppDbContext db, IReadOnlyCollection<int> programmeIds, CancellationToken cancellationToken = default)
    {
        var rows = await Summaries(db.Activities.Where(a => a.ProgrammeId != null && programmeIds.Contains(a.ProgrammeId.Value))).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.ProgrammeId!.Value).ToDictionary(
            g => g.Key,
            g => new ActivityOutcomes(g.Count(), g.Sum(r => r.Participants), g.Sum(r => r.FollowUpCount ?? 0), g.Sum(r => r.ContinuingCount ?? 0)));
    }

    /// <summary>One activity for <paramref name="viewer"/>, or null when there is none.</summary>
    public static async Task<ActivityDetail?> FindAsync(AppDbContext db, Viewer viewer, int id, CancellationToken cancellationToken = default)
    {
        var summary = await Summaries(db.Activities.Where(a => a.Id == id)).FirstOrDefaultAsync(cancellationToken);
        if (summary is null)
        {
            return null;
        }

        var identifiable = db.Companies.IdentifiableBy(viewer);
        var row = await db.Activities.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new
            {
                a.Description,
                a.ParticipantCount,
                a.Outcome,
                a.UpdatedAt,
                a.UpdatedBy,
                Companies = a.Participants.Select(p => new { p.CompanyId, Known = identifiable.Any(c => c.Id == p.CompanyId), p.Company!.Name }).ToList(),
                Organisations = a.Organisations.Select(o => new { o.OrganisationId, o.Organisation!.Name }).ToList(),
                Terms = a.Terms.Select(t => new { t.Term!.Kind, t.Term.Name, t.Term.SortOrder }).ToList(),
            })
            .SingleAsync(cancellationToken);
        var canEdit = await db.Activities.EditableBy(viewer).AnyAsync(a => a.Id == id, cancellationToken);
        var order = NameOrder.Comparer();
        var companies = row.Companies.Where(c => c.Known).OrderBy(c => c.Name, order).Select(c => new ActivityCompany(c.CompanyId, c.Name))
            .Concat(row.Companies.Where(c => !c.Known).Select(_ => new ActivityCompany(null, null)))
            .ToList();
        IReadOnlyList<string> Terms(TaxonomyKind kind) => row.Terms.Where(t => t.Kind == kind).OrderBy(t => t.SortOrder).Select(t => t.Name).ToList();
        return new ActivityDetail(
            summary, row.Description, row.ParticipantCount, row.Outcome, companies,
            row.Organisations.OrderBy(o => o.Name, order).Select(o => (o.OrganisationId, o.Name)).ToList(),
            Terms(TaxonomyKind.Market), Terms(TaxonomyKind.Sector), row.UpdatedAt, row.UpdatedBy, canEdit);
    }

    private static IQueryable<ActivitySummary> Summaries(IQueryable<Activity> activities) =>
        activities.AsNoTracking().OrderByDescending(a => a.Date).ThenByDescending(a => a.Id)
            .Select(a => new ActivitySummary(
                a.Id,
                a.Date,
                a.Kind,
                a.Name,
                a.ProgrammeId,
                a.Programme != null ? a.Programme.Name : null,
                a.OrganiserId,
                a.Organiser != null ? a.Organiser.Name : null,
                ActivityOutcomes.ParticipantsOf(a.ParticipantCount, a.Participants.Count, a.Organisations.Count),
                a.FollowUpCount,
                a.ContinuingCount,
                a.Participants.Count,
                a.Organisations.Count));
}
