using Microsoft.AspNetCore.Identity.UI.Services;

namespace MediconGlobal.Web.Infrastructure;

/// <summary>
/// The pluggable email sender. This one only writes the message to the log; register a real sender (SMTP or a
/// mail service) in production by replacing <see cref="IEmailSender"/>.
/// </summary>
public sealed class LoggingEmailSender(ILogger<LoggingEmailSender> logger) : IEmailSender
{
    public Task SendEmailAsync(string email, string subject, string htmlMessage)
    {
        logger.LogInformation("Email to {Recipient}: {Subject}", email, subject);
        return Task.CompletedTask;
    }
}
