using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Notifications;
using MediconGlobal.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace MediconGlobal.Web.Pages.SavedSearches;

/// <summary>
/// Sends the alerts of saved searches that are due (issue 17 item 2, ADR 1760). For each due search it takes the
/// offers changed since the search was last looked at (a little before, see <see cref="Overlap"/>) whose current
/// version was not alerted yet, asks the search itself which of them it finds (<see cref="SavedSearchCriteria"/>, the
/// one matching rule), and puts one e-mail in the outbox in the same transaction as the alert records. The unique
/// index on (search, offer, offer version) makes a second instance's identical transaction fail, so an alert goes out
/// once even with several portal instances; what a failed transaction found is looked at again on the next run.
/// </summary>
public sealed class SavedSearchAlerts(AppDbContext db, CatalogueCache catalogue, PortalMailer mailer, AlertMail mail, TimeProvider clock, ILogger<SavedSearchAlerts> logger)
{
    /// <summary>
    /// How far before the last look offer changes are looked at again: an offer saved (stamped) just before a run but
    /// committed after it read the offers is still seen by the next run. Longer than any save transaction.
    /// </summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(10);

    /// <summary>Sends every due alert; returns how many e-mails this run put in the outbox.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = (await db.SavedSearches.AsNoTracking().Where(SavedSearch.AlertsDue(now)).OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.Kind, s.Criteria, s.SavedAt, s.AlertsCheckedUpTo })
            .ToListAsync(cancellationToken))
            .Select(s => (s.Id, s.Kind, s.Criteria, Since: s.SavedAt > s.AlertsCheckedUpTo - Overlap ? s.SavedAt : s.AlertsCheckedUpTo - Overlap))
            .ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        var earliest = due.Min(s => s.Since);
        // Changed to a reader: a review that only confirms an offer is no news (ADR 1761).
        var changed = await db.Offers.AsNoTracking().Where(o => o.ContentChangedAt > earliest)
            .Select(o => new { o.Id, o.Version, o.ContentChangedAt })
            .ToListAsync(cancellationToken);
        var sent = 0;
        var lookedAt = new List<int>();
        foreach (var search in due)
        {
            var candidates = changed.Where(o => o.ContentChangedAt > search.Since).ToList();
            var candidateIds = candidates.Select(c => c.Id).ToList();
            var alerted = (await db.SavedSearchAlerts.AsNoTracking()
                .Where(a => a.SavedSearchId == search.Id && candidateIds.Contains(a.OfferId))
                .Select(a => new { a.OfferId, a.OfferVersion, a.AlertedAt })
                .ToListAsync(cancellationToken)).ToLookup(a => a.OfferId);

            // News: an offer version not alerted yet whose content changed after the last alert about it (a review
            // since, which only bumped the version, is not news; ADR 1761).
            var fresh = candidates.Where(c => !alerted[c.Id].Any(a => a.OfferVersion == c.Version || a.AlertedAt >= c.ContentChangedAt)).ToList();
            var matching = await SavedSearchCriteria.MatchingAsync(db, catalogue, search.Kind, search.Criteria, fresh.Select(c => c.Id).ToList(), now, cancellationToken);
            var alerts = fresh.Where(c => matching.Contains(c.Id)).Select(c => new SavedSearchAlert(search.Id, c.Id, c.Version, now)).ToList();
            if (alerts.Count == 0)
            {
                lookedAt.Add(search.Id);
            }
            else if (await SendAsync(search.Id, alerts, now, cancellationToken))
            {
                sent++;
            }
        }

        // Searches with nothing new: looked at up to now (a weekly one's next digest is a week away).
        await db.SavedSearches.Where(s => lookedAt.Contains(s.Id) && s.Frequency != AlertFrequency.Off)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.AlertsCheckedUpTo, now), cancellationToken);
        return sent;
    }

    private async Task<bool> SendAsync(int savedSearchId, List<SavedSearchAlert> alerts, DateTime now, CancellationToken cancellationToken)
    {
        try
        {
            var result = await mailer.SaveWithMailAsync(
                async () =>
                {
                    // A founder who turned the alerts off (or deleted the search) since this run began gets nothing.
                    var stillOn = await db.SavedSearches.Where(s => s.Id == savedSearchId && s.Frequency != AlertFrequency.Off)
                        .ExecuteUpdateAsync(s => s.SetProperty(x => x.AlertsCheckedUpTo, now), cancellationToken);
                    if (stillOn == 0)
                    {
                        return CommandResult.NotFound;
                    }

                    db.SavedSearchAlerts.AddRange(alerts);
                    await db.SaveChangesAsync(cancellationToken);
                    return CommandResult.Done(savedSearchId);
                },
                id => mail.MatchesAsync(id, alerts.Select(a => a.OfferId).ToList(), cancellationToken),
                cancellationToken);
            return result.IsDone;
        }
        catch (DbUpdateException exception)
        {
            // Another portal instance recorded (some of) these alerts first: its e-mail is the one that goes out.
            logger.LogInformation(exception, "Alerts of saved search {SavedSearchId} were sent by another instance", savedSearchId);
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}

/// <summary>
/// The recurring Quartz job that sends saved-search alerts (ADR 1760), scheduled beside the mail outbox's
/// <see cref="OutboxJob"/> every <c>Alerts:PollSeconds</c> on every instance; the alert records, not the scheduler,
/// keep an alert from going out twice.
/// </summary>
[DisallowConcurrentExecution]
public sealed class SavedSearchAlertJob(SavedSearchAlerts alerts) : IJob
{
    public static readonly JobKey Key = new("saved-search-alerts");

    /// <summary>Configuration key of the poll interval in seconds (default 60, 1–3600).</summary>
    public const string PollSecondsKey = "Alerts:PollSeconds";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await alerts.SendDueAsync(cancellationToken);
}
