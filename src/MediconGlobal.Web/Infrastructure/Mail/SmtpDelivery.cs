using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MediconGlobal.Web.Infrastructure.Mail;

/// <summary>Sends through the configured SMTP server with MailKit (<c>Email:SmtpHost</c>); used outside Development.</summary>
public sealed class SmtpDelivery(IOptions<EmailOptions> options) : IMailDelivery
{
    public async Task DeliverAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        // Never "when available": a server that offers no TLS must fail, not receive reset links in clear text.
        var security = !settings.UseSsl ? SecureSocketOptions.None
            : settings.SmtpPort == 465 ? SecureSocketOptions.SslOnConnect
            : SecureSocketOptions.StartTls;
        using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(settings.SendTimeoutSeconds).TotalMilliseconds };
        await client.ConnectAsync(settings.SmtpHost ?? throw new InvalidOperationException("Email:SmtpHost is not set."), settings.SmtpPort, security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
