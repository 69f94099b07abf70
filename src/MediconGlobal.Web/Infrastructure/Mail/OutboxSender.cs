using System.Text;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MediconGlobal.Web.Infrastructure.Mail;

/// <summary>
/// Delivers messages of the outbox (ADR 1701). Each message is first <em>claimed</em> with one atomic
/// <c>UPDATE … WHERE SentAt IS NULL AND (ClaimedUntil IS NULL OR ClaimedUntil &lt; now)</c>: of several portal
/// instances (or a request and the recurring job) racing for a message, exactly one updates the row and sends it,
/// on SQLite (writes are serialised) and PostgreSQL (the losing UPDATE re-reads the row after the winner's commit).
/// A failed attempt waits <see cref="Backoff"/> before the next; after <see cref="EmailOptions.MaxAttempts"/> the
/// message is given up and waits for an administrator (<c>/admin/mail</c>).
/// </summary>
public sealed class OutboxSender(AppDbContext db, IMailDelivery delivery, IOptions<EmailOptions> options, TimeProvider clock, ILogger<OutboxSender> logger)
{
    /// <summary>Messages taken per run of the recurring job.</summary>
    public const int BatchSize = 50;

    /// <summary>How long a claim holds a message: longer than any send (<see cref="EmailOptions.SendTimeoutSeconds"/>), after which a crashed sender's message is free again.</summary>
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);

    /// <summary>The wait after the <paramref name="attempts"/>-th failed attempt: 1, 2, 4 … minutes, at most an hour.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(Math.Pow(2, Math.Max(attempts, 1) - 1), 60));

    /// <summary>Sends the messages that are due, oldest first, at most <see cref="BatchSize"/>; returns how many went out.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var now = Now();
        var due = await Claimable(db.OutboxMessages.AsNoTracking(), now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Select(m => m.Id).Take(BatchSize)
            .ToListAsync(cancellationToken);
        return await DeliverAsync(due, cancellationToken);
    }

    /// <summary>Sends the given messages if they are still due and nobody else holds them; returns how many went out.</summary>
    public async Task<int> DeliverAsync(IEnumerable<long> ids, CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var id in ids)
        {
            if (await TryDeliverAsync(id, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<bool> TryDeliverAsync(long id, CancellationToken cancellationToken)
    {
        var now = Now();
        var claimed = await Claimable(db.OutboxMessages.Where(m => m.Id == id), now)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, now + ClaimFor).SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        var row = await db.OutboxMessages.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.Mime, m.Attempts, m.To }).SingleAsync(cancellationToken);
        try
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(row.Mime));
            await delivery.DeliverAsync(await MimeMessage.LoadAsync(stream, cancellationToken), cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var failedAt = Now();
            DateTime? gaveUp = row.Attempts >= options.Value.MaxAttempts ? failedAt : null;
            var error = ex.Message.Length > OutboxMessage.ErrorLength ? ex.Message[..OutboxMessage.ErrorLength] : ex.Message;
            await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.ClaimedUntil, (DateTime?)null)
                .SetProperty(m => m.NextAttemptAt, failedAt + Backoff(row.Attempts))
                .SetProperty(m => m.GaveUpAt, gaveUp)
                .SetProperty(m => m.LastError, error), CancellationToken.None);
            logger.LogWarning(ex, "Could not send e-mail {OutboxId} to {Recipient} (attempt {Attempts}); {Next}", id, row.To, row.Attempts, gaveUp is null ? "it is retried later" : "it waits for an administrator");
            return false;
        }

        // Sent: a crash before this line leaves the claim to expire and the message is sent again (at least once);
        // every other path sends it exactly once.
        await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.SentAt, Now())
            .SetProperty(m => m.ClaimedUntil, (DateTime?)null)
            .SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
        return true;
    }

    /// <summary>Puts a waiting or given-up message back in the queue, due now (the administrators' retry); false when it is unknown or already sent.</summary>
    public async Task<bool> RequeueAsync(long id, CancellationToken cancellationToken)
    {
        var now = Now();
        return await db.OutboxMessages.Where(m => m.Id == id && m.SentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.GaveUpAt, (DateTime?)null).SetProperty(m => m.NextAttemptAt, now), cancellationToken) == 1;
    }

    /// <summary>
    /// Deletes messages sent more than <see cref="EmailOptions.KeepSentDays"/> days ago: a sent message holds names
    /// and links that are no longer needed once it is delivered (GDPR storage limitation, Art. 5(1)(e)). Waiting and
    /// given-up messages stay for the administrators. Returns how many were deleted.
    /// </summary>
    public async Task<int> DeleteSentAsync(CancellationToken cancellationToken)
    {
        var before = Now() - TimeSpan.FromDays(Math.Max(options.Value.KeepSentDays, 1));
        return await db.OutboxMessages.Where(m => m.SentAt != null && m.SentAt < before).ExecuteDeleteAsync(cancellationToken);
    }

    private static IQueryable<OutboxMessage> Claimable(IQueryable<OutboxMessage> messages, DateTime now) =>
        messages.Where(m => m.SentAt == null && m.GaveUpAt == null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now));

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
