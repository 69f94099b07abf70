namespace MediconGlobal.Core.Notifications;

/// <summary>
/// A message for the portal's mailer. The body is plain text; subject and body come from the localiser in the
/// recipient's language (<c>MailCulture</c> in the web project), never from an English literal.
/// </summary>
/// <param name="UnsubscribeUrl">
/// For mail someone subscribed to (saved-search alerts): the absolute https address that stops it with one POST. The
/// mailer puts it in the <c>List-Unsubscribe</c> and <c>List-Unsubscribe-Post</c> headers (RFC 2369, RFC 8058).
/// </param>
public sealed record OutgoingMail(string To, string Subject, string Body, string? UnsubscribeUrl = null);
