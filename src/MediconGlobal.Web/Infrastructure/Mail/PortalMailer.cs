using MediconGlobal.Core.Notifications;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MediconGlobal.Web.Infrastructure.Mail;

/// <summary>
/// The one way the portal sends e-mail (notifications, confirmations, resets, invitations): it turns an
/// <see cref="OutgoingMail"/> (plain text with absolute links from <see cref="PortalLinks"/>) into a message with a
/// text and an HTML part and hands it to the registered <see cref="IMailDelivery"/>. A failed e-mail is logged,
/// never shown as an error: the step it belongs to is already saved. A durable outbox belongs here, behind
/// <see cref="SendAsync(OutgoingMail)"/>.
/// </summary>
public sealed class PortalMailer(IMailDelivery delivery, IOptions<EmailOptions> options, TimeProvider clock, ILogger<PortalMailer> logger)
{
    public async Task SendAsync(IEnumerable<OutgoingMail> mails)
    {
        foreach (var mail in mails)
        {
            await SendAsync(mail);
        }
    }

    /// <summary>
    /// Sends one message. It takes no cancellation token on purpose: the step the mail belongs to is saved, so a
    /// browser that goes away must not stop its e-mail half-way.
    /// </summary>
    public async Task SendAsync(OutgoingMail mail)
    {
        try
        {
            await delivery.DeliverAsync(Compose(mail), CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not send the email {Subject} to {Recipient}", mail.Subject, mail.To);
        }
    }

    private MimeMessage Compose(OutgoingMail mail)
    {
        var settings = options.Value;
        var message = new MimeMessage { Subject = mail.Subject, Date = clock.GetUtcNow() };
        message.From.Add(new MailboxAddress(settings.FromName, settings.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Body = new BodyBuilder { TextBody = mail.Body, HtmlBody = ToHtml(mail.Body) }.ToMessageBody();
        return message;
    }

    /// <summary>The text body as simple HTML: encoded, paragraphs and line breaks kept, web addresses as links.</summary>
    private static string ToHtml(string text) =>
        "<!DOCTYPE html><html><body style=\"font-family:sans-serif\"><p>"
        + PickedUpMail.Linkify(text.Replace("\r\n", "\n", StringComparison.Ordinal))
            .Replace("\n\n", "</p><p>", StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal)
        + "</p></body></html>";
}
