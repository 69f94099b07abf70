namespace MediconGlobal.Core.Notifications;

/// <summary>
/// Builds the absolute addresses that e-mails link to, from the portal's configured public address
/// (<c>Portal:PublicUrl</c>, see <c>docs/operations.md</c>) — never from the request's <c>Host</c> header, which
/// anyone can set (OWASP ASVS 5.1.5, password-reset poisoning; issue 10 item 1).
/// </summary>
/// <remarks>The address is resolved on first use, so Development can fall back to the server's own listening address.</remarks>
public sealed class PortalLinks(Func<Uri> resolvePublicAddress)
{
    private readonly Lazy<Uri> _publicAddress = new(() => WithTrailingSlash(resolvePublicAddress()));

    /// <summary>The public address with a trailing slash, e.g. <c>https://portal.example.org/</c> (it may carry a path base).</summary>
    public Uri PublicAddress => _publicAddress.Value;

    /// <summary>
    /// The absolute address of a portal path. <paramref name="pathAndQuery"/> is relative to the portal's root,
    /// with or without a leading slash (<c>/referrals/12</c>); an absolute address is refused with
    /// <see cref="ArgumentException"/> so no caller can smuggle in another host.
    /// </summary>
    public string Absolute(string pathAndQuery)
    {
        if (Uri.TryCreate(pathAndQuery, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            throw new ArgumentException("Pass a path inside the portal, not an absolute address.", nameof(pathAndQuery));
        }

        return new Uri(PublicAddress, pathAndQuery.TrimStart('/')).AbsoluteUri;
    }

    private static Uri WithTrailingSlash(Uri address) =>
        address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
}
