using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace MediconGlobal.Web.Infrastructure.Mail;

/// <summary>
/// Writes every message as a real <c>.eml</c> file into the pickup folder (Development, and test installations
/// that set <c>Email:PickupFolder</c>), so a developer, the <c>/dev/mail</c> page and the tests read exactly what
/// would have been sent. File names sort by the time of writing.
/// </summary>
public sealed partial class PickupFolderDelivery(string folder, TimeProvider clock) : IMailDelivery
{
    /// <summary>The absolute folder the <c>.eml</c> files are in.</summary>
    public string Folder { get; } = folder;

    public async Task DeliverAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var name = $"{clock.GetUtcNow():yyyyMMdd'T'HHmmssfffffff}-{Guid.NewGuid():N}";
        var partial = Path.Combine(Folder, name + ".tmp");
        await message.WriteToAsync(partial, cancellationToken);
        // A reader never sees half a message: the file only gets its .eml name once complete.
        File.Move(partial, Path.Combine(Folder, name + ".eml"));
    }

    /// <summary>Every message in the folder, newest first. Files that are not readable messages are skipped.</summary>
    public IReadOnlyList<PickedUpMail> ReadAll() => Read(Folder);

    /// <summary>Every message in <paramref name="folder"/>, newest first (also used by the tests).</summary>
    public static IReadOnlyList<PickedUpMail> Read(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var mails = new List<PickedUpMail>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.eml").OrderDescending(StringComparer.Ordinal))
        {
            try
            {
                mails.Add(PickedUpMail.Read(Path.GetFileNameWithoutExtension(file), MimeMessage.Load(file)));
            }
            catch (Exception ex) when (ex is FormatException or IOException)
            {
                // Not a message (or being removed): the listing shows what it can read.
            }
        }

        return mails;
    }
}

/// <summary>One message read back from the pickup folder: addresses, subject, both bodies and the links of the text body.</summary>
public sealed partial record PickedUpMail(string Id, DateTimeOffset Date, string From, IReadOnlyList<string> To, string Subject, string TextBody, string? HtmlBody)
{
    /// <summary>The web addresses in the text body, in order.</summary>
    public IReadOnlyList<string> Links => UrlPattern().Matches(TextBody).Select(m => m.Value).ToList();

    /// <summary>True when the message went to <paramref name="address"/> (case-insensitive).</summary>
    public bool IsTo(string address) => To.Any(t => string.Equals(t, address, StringComparison.OrdinalIgnoreCase));

    internal static PickedUpMail Read(string id, MimeMessage message) => new(
        id,
        message.Date,
        message.From.Mailboxes.FirstOrDefault()?.Address ?? "",
        message.To.Mailboxes.Select(m => m.Address).ToList(),
        message.Subject ?? "",
        message.TextBody ?? "",
        message.HtmlBody);

    /// <summary>
    /// Plain text as HTML-encoded text in which every web address that starts with <paramref name="ownAddress"/> (the
    /// portal's public address with its trailing slash, <c>Portal:PublicUrl</c>) is a link; other addresses stay text.
    /// </summary>
    public static string Linkify(string text, string ownAddress)
    {
        var html = new StringBuilder();
        var last = 0;
        foreach (Match match in UrlPattern().Matches(text))
        {
            if (!match.Value.StartsWith(ownAddress, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var url = WebUtility.HtmlEncode(match.Value);
            html.Append(WebUtility.HtmlEncode(text[last..match.Index])).Append("<a href=\"").Append(url).Append("\">").Append(url).Append("</a>");
            last = match.Index + match.Length;
        }

        return html.Append(WebUtility.HtmlEncode(text[last..])).ToString();
    }

    /// <summary>A web address in plain text: up to the next white space or angle bracket.</summary>
    [GeneratedRegex(@"https?://[^\s<>""]+", RegexOptions.CultureInvariant)]
    public static partial Regex UrlPattern();
}
