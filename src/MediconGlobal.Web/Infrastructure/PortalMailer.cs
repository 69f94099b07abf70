using System.Net;
using MediconGlobal.Core.Notifications;
using Microsoft.AspNetCore.Identity.UI.Services;

namespace MediconGlobal.Web.Infrastructure;

/// <summary>
/// Sends the portal's notification emails through whichever <see cref="IEmailSender"/> is registered. A failed
/// email is logged, never shown as an error: the step it belongs to is already saved and shows up in the
/// recipient's in-app notifications anyway.
/// </summary>
public sealed class PortalMailer(IEmailSender sender, ILogger<PortalMailer> logger)
{
    public async Task SendAsync(IEnumerable<OutgoingMail> mails)
    {
        foreach (var mail in mails)
        {
            try
            {
                var html = string.Join("<br>", WebUtility.HtmlEncode(mail.Body).Split('\n'));
                await sender.SendEmailAsync(mail.To, mail.Subject, html);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Could not send the email {Subject} to {Recipient}", mail.Subject, mail.To);
            }
        }
    }

    /// <summary>The address links in emails point to, taken from the current request.</summary>
    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
