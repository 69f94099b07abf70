using MimeKit;

namespace MediconGlobal.Web.Infrastructure.Mail;

/// <summary>
/// Hands a finished message to wherever mail goes: an SMTP server (<see cref="SmtpDelivery"/>) or, in
/// Development, a pickup folder (<see cref="PickupFolderDelivery"/>). Pages never call it directly; they go
/// through <see cref="PortalMailer"/>, which puts each message in the durable outbox; <see cref="OutboxSender"/>
/// calls this.
/// </summary>
public interface IMailDelivery
{
    /// <summary>Delivers <paramref name="message"/>; throws when the server or folder refuses it.</summary>
    Task DeliverAsync(MimeMessage message, CancellationToken cancellationToken);
}
