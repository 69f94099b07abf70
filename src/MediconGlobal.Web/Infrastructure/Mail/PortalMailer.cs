using System.Text;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Notifications;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MediconGlobal.Web.Infrastructure.Mail;

/// <summary>
/// The one way the portal sends e-mail (notifications, confirmations, resets, invitations): it turns an
/// <see cref="OutgoingMail"/> (plain text with absolute links from <see cref="PortalLinks"/>) into a message with a
/// text and an HTML part and puts it in the durable outbox (<see cref="OutboxMessage"/>, ADR 1701), in the same
/// transaction as the change it belongs to. Right after the commit the request tries to deliver it
/// (<see cref="OutboxSender"/>), so mail normally leaves at once; when that fails the recurring
/// <see cref="OutboxJob"/> retries with backoff. A failed e-mail is never shown as an error: the step is saved.
/// </summary>
public sealed class PortalMailer(AppDbContext db, OutboxSender sender, IOptions<EmailOptions> options, PortalLinks links, TimeProvider clock)
{
    /// <summary>
    /// Runs <paramref name="change"/> (a command that saves) and, when it is done, queues the e-mails
    /// <paramref name="mailsFor"/> builds from the saved record's id — both in one database transaction, so there is
    /// never a saved change without its e-mails nor an e-mail about a change that was not saved. Then delivers them.
    /// </summary>
    public async Task<CommandResult> SaveWithMailAsync(Func<Task<CommandResult>> change, Func<int, Task<IReadOnlyList<OutgoingMail>>> mailsFor, CancellationToken cancellationToken)
    {
        List<OutboxMessage> queued;
        CommandResult result;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            result = await change();
            if (result is not { Outcome: CommandOutcome.Done, Id: { } id })
            {
                return result;
            }

            queued = Queue(await mailsFor(id));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await DeliverAsync(queued);
        return result;
    }

    /// <summary>
    /// Queues and delivers e-mail that goes with no saved change of its own (a reset link, a confirmation link).
    /// It takes no cancellation token on purpose: a browser that goes away must not stop its e-mail half-way.
    /// </summary>
    public async Task SendAsync(OutgoingMail mail)
    {
        var queued = Queue([mail]);
        await db.SaveChangesAsync(CancellationToken.None);
        await DeliverAsync(queued);
    }

    private List<OutboxMessage> Queue(IEnumerable<OutgoingMail> mails)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = mails.Select(mail => new OutboxMessage(mail.To, mail.Subject, Serialise(Compose(mail)), now)).ToList();
        db.OutboxMessages.AddRange(rows);
        return rows;
    }

    private Task DeliverAsync(List<OutboxMessage> queued) =>
        queued.Count == 0 ? Task.CompletedTask : sender.DeliverAsync(queued.Select(m => m.Id).ToList(), CancellationToken.None);

    private MimeMessage Compose(OutgoingMail mail)
    {
        var settings = options.Value;
        var message = new MimeMessage { Subject = mail.Subject, Date = clock.GetUtcNow() };
        message.From.Add(new MailboxAddress(settings.FromName, settings.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        if (mail.UnsubscribeUrl is { } unsubscribe)
        {
            // RFC 8058 one-click: the mail client POSTs "List-Unsubscribe=One-Click" to the address, no sign-in needed.
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        message.Body = new BodyBuilder { TextBody = mail.Body, HtmlBody = ToHtml(mail.Body) }.ToMessageBody();
        return message;
    }

    /// <summary>The message as 7-bit text (quoted-printable or base64 parts), so the outbox column holds it losslessly on every database.</summary>
    private static string Serialise(MimeMessage message)
    {
        message.Prepare(EncodingConstraint.SevenBit);
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return Encoding.ASCII.GetString(stream.ToArray());
    }

    /// <summary>
    /// The text body as simple HTML: encoded, paragraphs and line breaks kept, the portal's own addresses as links.
    /// Any other address is text: it can only have come from what someone typed (a problem report, a referral's
    /// message), and a link in a message from the portal would lend it the portal's name.
    /// </summary>
    private string ToHtml(string text) =>
        "<!DOCTYPE html><html><body style=\"font-family:sans-serif\"><p>"
        + PickedUpMail.Linkify(text.Replace("\r\n", "\n", StringComparison.Ordinal), links.PublicAddress.AbsoluteUri)
            .Replace("\n\n", "</p><p>", StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal)
        + "</p></body></html>";
}
