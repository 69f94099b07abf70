namespace MediconGlobal.Web.Pages.Shared;

/// <summary>Addresses typed by users become links only when they are plain web addresses (no <c>javascript:</c> and the like).</summary>
public static class WebLinks
{
    public static bool IsSafe(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
