using Microsoft.Extensions.Options;
using MimeKit;

namespace MediconGlobal.Web.Infrastructure.Mail;

/// <summary>Settings of section <c>Email</c> (see <c>docs/operations.md</c>).</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>SMTP server that delivers mail outside Development (sent with MailKit). Unset: see <see cref="PickupFolder"/>.</summary>
    public string? SmtpHost { get; set; }

    /// <summary>SMTP port: 587 (STARTTLS, the default) or 465 (TLS from the first byte).</summary>
    public int SmtpPort { get; set; } = 587;

    /// <summary>Require TLS to the SMTP server (STARTTLS on 587, implicit TLS on 465). Only turn off for a relay on the same host.</summary>
    public bool UseSsl { get; set; } = true;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Sender address of every e-mail.</summary>
    public string From { get; set; } = "no-reply@mediconglobal.example";

    /// <summary>Sender name shown by mail programs.</summary>
    public string FromName { get; set; } = "MediconGlobal";

    /// <summary>
    /// Folder the messages are written to as <c>.eml</c> files instead of being sent. Always used in Development
    /// (default <c>App_Data/mail</c>, listed at <c>/dev/mail</c>); elsewhere only when set and no SMTP server is.
    /// Relative paths are relative to the content root.
    /// </summary>
    public string? PickupFolder { get; set; }

    /// <summary>Seconds between runs of the outbox job on each instance (ADR 1701): how soon a message that could not be sent at once is retried when due.</summary>
    public int OutboxPollSeconds { get; set; } = 30;

    /// <summary>Attempts before a message is given up and waits for an administrator at <c>/admin/mail</c>; with the backoff of 1, 2, 4 … 60 minutes, 12 attempts span about seven hours.</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>
    /// Days a sent message stays in the outbox (and on <c>/admin/mail</c>) before the hourly clean-up deletes it; at
    /// least 1. Messages that wait or were given up are never deleted by it.
    /// </summary>
    public int KeepSentDays { get; set; } = 30;

    /// <summary>Seconds one SMTP connection may take (connect, send, quit) before the attempt counts as failed.</summary>
    public int SendTimeoutSeconds { get; set; } = 30;
}

/// <summary>Checks <see cref="EmailOptions"/> at start-up: outside Development mail must go somewhere, or nobody could confirm an address or reset a password.</summary>
public sealed class EmailOptionsValidator(IHostEnvironment environment) : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var failures = new List<string>();
        if (!MailboxAddress.TryParse(options.From, out _) || !options.From.Contains('@', StringComparison.Ordinal))
        {
            failures.Add($"Email:From '{options.From}' is not an e-mail address.");
        }

        if (!environment.IsDevelopment() && string.IsNullOrWhiteSpace(options.SmtpHost) && string.IsNullOrWhiteSpace(options.PickupFolder))
        {
            failures.Add("Outside Development set Email:SmtpHost (the SMTP server that sends the portal's e-mails) or, for a test installation, Email:PickupFolder.");
        }

        if (options.SmtpPort is < 1 or > 65535)
        {
            failures.Add($"Email:SmtpPort {options.SmtpPort} is not a port number.");
        }

        if (options.OutboxPollSeconds is < 1 or > 3600)
        {
            failures.Add($"Email:OutboxPollSeconds {options.OutboxPollSeconds} must be 1 to 3600.");
        }

        if (options.MaxAttempts is < 1 or > 100)
        {
            failures.Add($"Email:MaxAttempts {options.MaxAttempts} must be 1 to 100.");
        }

        if (options.SendTimeoutSeconds is < 1 or > 240)
        {
            failures.Add($"Email:SendTimeoutSeconds {options.SendTimeoutSeconds} must be 1 to 240 (less than the outbox's claim of five minutes).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
