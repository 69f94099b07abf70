namespace MediconGlobal.Core.Notifications;

/// <summary>
/// One e-mail in the durable outbox (issue 17 item 7, ADR 1701): written in the same transaction as the change
/// that causes it, then delivered by whichever portal instance claims it first. <see cref="Mime"/> is the whole
/// message as the recipient will get it (RFC 5322 text), so delivery needs nothing but this row.
/// </summary>
/// <remarks>
/// States: waiting (<see cref="SentAt"/> and <see cref="GaveUpAt"/> null; due from <see cref="NextAttemptAt"/>),
/// claimed (<see cref="ClaimedUntil"/> in the future: one instance is sending it), sent, or given up after
/// the configured number of attempts — an administrator can put it back in the queue. Not an
/// <see cref="Domain.Entity"/>: rows are changed by atomic updates of the sender, not by people, so they carry no
/// audit fields and no version.
/// </remarks>
public class OutboxMessage
{
    private OutboxMessage()
    {
    }

    /// <param name="to">The recipient's address.</param>
    /// <param name="subject">The subject, kept beside the message for the administrators' list.</param>
    /// <param name="mime">The message in RFC 5322 form.</param>
    /// <param name="at">When it was queued (UTC); it is due at once.</param>
    public OutboxMessage(string to, string subject, string mime, DateTime at)
    {
        To = to;
        Subject = subject.Length > SubjectLength ? subject[..SubjectLength] : subject;
        Mime = mime;
        CreatedAt = at;
        NextAttemptAt = at;
    }

    /// <summary>The longest subject kept for the list (the message itself keeps the whole subject).</summary>
    public const int SubjectLength = 300;

    /// <summary>The longest error text kept from a failed attempt.</summary>
    public const int ErrorLength = 2000;

    public long Id { get; private set; }

    public string To { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public string Mime { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    /// <summary>The earliest moment (UTC) the next attempt may be made.</summary>
    public DateTime NextAttemptAt { get; private set; }

    /// <summary>Attempts made so far, failed or not.</summary>
    public int Attempts { get; private set; }

    /// <summary>While in the future, one instance holds the message and no other may send it.</summary>
    public DateTime? ClaimedUntil { get; private set; }

    public DateTime? SentAt { get; private set; }

    /// <summary>Set when the last allowed attempt failed; the message then waits for an administrator.</summary>
    public DateTime? GaveUpAt { get; private set; }

    /// <summary>Why the last attempt failed (the SMTP server's answer or the connection error).</summary>
    public string? LastError { get; private set; }
}
