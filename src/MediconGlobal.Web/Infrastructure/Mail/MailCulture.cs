using System.Globalization;
using System.Linq.Expressions;
using MediconGlobal.Core.Domain;
using Microsoft.Extensions.Options;

namespace MediconGlobal.Web.Infrastructure.Mail;

/// <summary>Whom an e-mail goes to: the address, and the culture name they prefer ("sv", "da", "en"), null when not known.</summary>
public sealed record MailRecipient(string Email, string? Culture);

/// <summary>
/// The language an e-mail is written in (issue 11): the recipient's preferred culture when the portal knows it and
/// offers it (<see cref="RequestLocalizationOptions.SupportedUICultures"/>), otherwise the UI culture of the request
/// that causes the e-mail. Every composer of e-mail text (<see cref="Areas.Identity.AccountMail"/>,
/// <see cref="PortalMail"/>) builds its subject and body inside <see cref="Compose{T}"/>, so each localiser call
/// there answers in the recipient's language.
/// </summary>
public sealed class MailCulture(IOptions<RequestLocalizationOptions> localization)
{
    /// <summary>
    /// An account as a recipient, for queries: its address and the language chosen with the portal's language switch
    /// (<c>ApplicationUser.PreferredCulture</c>, issue 14 item 3), null until one is chosen.
    /// </summary>
    public static readonly Expression<Func<ApplicationUser, MailRecipient>> Recipient = u => new MailRecipient(u.Email!, u.PreferredCulture);

    private static readonly Func<ApplicationUser, MailRecipient> RecipientOf = Recipient.Compile();

    /// <summary>An account already loaded, as a recipient (see <see cref="Recipient"/>).</summary>
    public static MailRecipient For(ApplicationUser user) => RecipientOf(user);

    /// <summary>
    /// Runs <paramref name="compose"/> with the current culture and UI culture set to the one the e-mail is written
    /// in (see the class), and puts the request's cultures back afterwards. <paramref name="compose"/> must be
    /// synchronous: load the data first, then compose.
    /// </summary>
    public T Compose<T>(MailRecipient recipient, Func<T> compose)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var options = localization.Value;
        CultureInfo.CurrentUICulture = Supported(options.SupportedUICultures, recipient.Culture) ?? uiCulture;
        CultureInfo.CurrentCulture = Supported(options.SupportedCultures, recipient.Culture) ?? culture;
        try
        {
            return compose();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    private static CultureInfo? Supported(IList<CultureInfo>? cultures, string? name) =>
        name is null ? null : cultures?.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}
