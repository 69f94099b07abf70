namespace MediconGlobal.Core.Notifications;

/// <summary>
/// A message for the portal's mailer. The body is plain text; subject and body come from the localiser in the
/// recipient's language (<c>MailCulture</c> in the web project), never from an English literal.
/// </summary>
public sealed record OutgoingMail(string To, string Subject, string Body);
