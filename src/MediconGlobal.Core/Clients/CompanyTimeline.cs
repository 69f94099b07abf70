using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Clients;

public enum TimelineKind
{
    ConsentGiven,
    ConsentWithdrawn,
    Note,
    NeedLogged,
    NeedRequested,
    NeedStatusChanged,
    ReferralSent,
    ReferralAccepted,
    ReferralDeclined,
    ReferralCompleted,

    /// <summary>The company took part in a programme activity (issue 17 item 1); <see cref="TimelineEntry.At"/> is noon UTC of its date.</summary>
    ActivityParticipated,
}

/// <summary>
/// One dated, attributed step on a company's timeline. <see cref="Subject"/> names the need ("Legal advisory ·
/// USA") or the activity's topic, <see cref="Target"/> the organisation or offer a referral went to,
/// <see cref="Detail"/> the note, purpose, answer or outcome, <see cref="Format"/> an activity's format.
/// </summary>
public sealed record TimelineEntry(
    DateTime At,
    string Actor,
    TimelineKind Kind,
    string? Subject = null,
    string? Target = null,
    string? Detail = null,
    int? NeedId = null,
    int? ReferralId = null,
    NeedStatus? To = null,
    int? ActivityId = null,
    ActivityKind? Format = null);

/// <summary>
/// Everything that happened to one company, newest first: consent given or withdrawn, notes, activities it took
/// part in, needs logged or requested and each status change, and every step of every referral. Built from the append-only histories,
/// so it is complete and needs no separate event table. The caller has already checked the viewer may see it.
/// </summary>
public static class CompanyTimeline
{
    public static async Task<IReadOnlyList<TimelineEntry>> LoadAsync(AppDbContext db, int companyId, int? needId = null, CancellationToken cancellationToken = default)
    {
        var entries = new List<TimelineEntry>();
        if (needId is null)
        {
            var consents = await db.ConsentRecords.AsNoTracking().Where(r => r.CompanyId == companyId)
                .Select(r => new { r.RecordedAt, r.RecordedByName, r.Given, r.Purpose }).ToListAsync(cancellationToken);
            entries.AddRange(consents.Select(r => new TimelineEntry(r.RecordedAt, r.RecordedByName, r.Given ? TimelineKind.ConsentGiven : TimelineKind.ConsentWithdrawn, Detail: r.Purpose)));
            var notes = await db.CompanyNotes.AsNoTracking().Where(n => n.CompanyId == companyId)
                .Select(n => new { n.CreatedAt, n.AuthorName, n.Text }).ToListAsync(cancellationToken);
            entries.AddRange(notes.Select(n => new TimelineEntry(n.CreatedAt, n.AuthorName, TimelineKind.Note, Detail: n.Text)));
            var activities = await db.ActivityParticipants.AsNoTracking().Where(p => p.CompanyId == companyId)
                .Join(db.Activities, p => p.ActivityId, a => a.Id, (p, a) => new { a.Id, a.Date, a.Kind, a.Name, Organiser = a.Organiser != null ? a.Organiser.Name : null })
                .ToListAsync(cancellationToken);

            // An activity has a date, not a time: noon UTC is the same calendar day in every European display zone.
            // Its actor is the organising organisation, or none: who recorded it did not organise it (and their address
            // is not the client's advisors' to see, ADR 1215).
            entries.AddRange(activities.Select(a => new TimelineEntry(
                a.Date.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc), a.Organiser ?? "", TimelineKind.ActivityParticipated, a.Name, ActivityId: a.Id, Format: a.Kind)));
        }

        var changes = await db.NeedStatusChanges.AsNoTracking()
            .Where(h => h.Need!.CompanyId == companyId && (needId == null || h.NeedId == needId))
            .Select(h => new
            {
                h.ChangedAt,
                h.ChangedByName,
                h.From,
                h.To,
                h.Note,
                h.NeedId,
                h.Need!.RequestedByCompany,
                Category = h.Need.Category!.Name,
                Market = h.Need.Market != null ? h.Need.Market.Name : null,
            }).ToListAsync(cancellationToken);
        // "Now referred" is the referral's own entry; a referred need that stays referred was re-routed (ADR 1762), and its note says where.
        foreach (var c in changes.Where(c => c.To != NeedStatus.Referred || c.From is null || c.From == c.To))
        {
            var kind = c.From is not null ? TimelineKind.NeedStatusChanged : c.RequestedByCompany ? TimelineKind.NeedRequested : TimelineKind.NeedLogged;
            entries.Add(new TimelineEntry(c.ChangedAt, c.ChangedByName, kind, NeedSubject(c.Category, c.Market), Detail: c.Note, NeedId: c.NeedId, To: c.To));
        }

        var referrals = await db.Referrals.AsNoTracking()
            .Where(r => r.Need!.CompanyId == companyId && (needId == null || r.NeedId == needId))
            .Select(r => new
            {
                r.Id,
                r.NeedId,
                Category = r.Need!.Category!.Name,
                Market = r.Need.Market != null ? r.Need.Market.Name : null,
                Receiver = r.ReceivingOrganisation!.Name,
                Offer = r.Offer != null ? r.Offer.Name : null,
                r.Status,
                r.Message,
                r.SentAt,
                r.SentByName,
                r.AnsweredAt,
                r.AnsweredByName,
                r.Answer,
                r.CompletedAt,
                r.CompletedByName,
                r.Outcome,
            }).ToListAsync(cancellationToken);
        foreach (var r in referrals)
        {
            var subject = NeedSubject(r.Category, r.Market);
            var target = r.Offer is null ? r.Receiver : $"{r.Receiver}: {r.Offer}";
            if (r.SentAt is { } sent)
            {
                entries.Add(new TimelineEntry(sent, r.SentByName, TimelineKind.ReferralSent, subject, target, r.Message, r.NeedId, r.Id));
            }

            if (r.AnsweredAt is { } answered)
            {
                var kind = r.Status == ReferralStatus.Declined ? TimelineKind.ReferralDeclined : TimelineKind.ReferralAccepted;
                entries.Add(new TimelineEntry(answered, r.AnsweredByName ?? "", kind, subject, target, r.Answer, r.NeedId, r.Id));
            }

            if (r.CompletedAt is { } completed)
            {
                entries.Add(new TimelineEntry(completed, r.CompletedByName ?? "", TimelineKind.ReferralCompleted, subject, target, r.Outcome, r.NeedId, r.Id));
            }
        }

        return entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Kind).ToList();
    }

    public static string NeedSubject(string category, string? market) => market is null ? category : $"{category} · {market}";
}
