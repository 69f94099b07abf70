using MediconGlobal.Web.Infrastructure.Mail;

namespace MediconGlobal.Testing.Web;

/// <summary>
/// The e-mail the portal under test really wrote: the <c>.eml</c> files of its pickup folder (as in Development),
/// read back with MimeKit. Every <see cref="PortalFactory"/> has one; use it to follow links from e-mails.
/// </summary>
public sealed class Mailbox(string folder)
{
    /// <summary>The public address the test portal builds its e-mail links from (outside Development).</summary>
    public const string PublicUrl = "https://portal.test";

    public string Folder { get; } = folder;

    /// <summary>Every message, newest first.</summary>
    public IReadOnlyList<PickedUpMail> All() => PickupFolderDelivery.Read(Folder);

    /// <summary>The messages to <paramref name="address"/>, newest first.</summary>
    public IReadOnlyList<PickedUpMail> To(string address) => All().Where(m => m.IsTo(address)).ToList();

    /// <summary>The newest message to <paramref name="address"/> (whose subject contains <paramref name="subject"/> when given), or null.</summary>
    public PickedUpMail? NewestTo(string address, string? subject = null) =>
        To(address).FirstOrDefault(m => subject is null || m.Subject.Contains(subject, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Waits (up to <paramref name="timeout"/>, default 10 s) for a message to <paramref name="address"/> that
    /// <paramref name="where"/> accepts, and fails the test if none comes. Waiting keeps tests right once mail
    /// is sent in the background.
    /// </summary>
    public async Task<PickedUpMail> WaitForAsync(string address, Func<PickedUpMail, bool>? where = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            if (To(address).FirstOrDefault(m => where is null || where(m)) is { } mail)
            {
                return mail;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"No e-mail to {address} arrived in {Folder}; there are: {string.Join("; ", All().Select(m => $"{string.Join(",", m.To)}: {m.Subject}"))}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The only link in <paramref name="mail"/> whose address contains <paramref name="fragment"/> (e.g. "ResetPassword").</summary>
    public static string LinkIn(PickedUpMail mail, string fragment) =>
        Assert.Single(mail.Links, l => l.Contains(fragment, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// True when <paramref name="mail"/> links to exactly <paramref name="path"/> (e.g. "/referrals/12", not
    /// "/referrals/120"): tells apart the portal's messages about different records sent to one person.
    /// </summary>
    public static bool LinksTo(PickedUpMail mail, string path) => mail.Links.Any(l => new Uri(l).AbsolutePath == path);

    /// <summary>Path and query of a link, for following it with a test client whose host differs from the public address.</summary>
    public static string Local(string link) => new Uri(link).PathAndQuery;
}
