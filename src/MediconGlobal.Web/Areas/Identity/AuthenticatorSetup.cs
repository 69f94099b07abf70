using System.Globalization;
using System.Text;
using QRCoder;

namespace MediconGlobal.Web.Areas.Identity;

/// <summary>
/// What an authenticator app needs to add the portal: the shared key in readable groups and the standard
/// <c>otpauth://</c> address (Google Authenticator key-URI format: TOTP, SHA-1, 6 digits, 30 s), drawn as a QR code
/// on the server with QRCoder, so no script or image comes from elsewhere.
/// </summary>
public static class AuthenticatorSetup
{
    public const string Issuer = "MediconGlobal";

    /// <summary>The key in groups of four lower-case characters, as people type it.</summary>
    public static string Readable(string key)
    {
        var readable = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            readable.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return readable.ToString().TrimEnd().ToLowerInvariant();
    }

    /// <summary>The <c>otpauth://totp/…</c> address an app reads from the QR code.</summary>
    public static string Uri(string email, string key) =>
        string.Create(CultureInfo.InvariantCulture, $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(email)}?secret={key}&issuer={System.Uri.EscapeDataString(Issuer)}&digits=6");

    /// <summary>The QR code of <paramref name="uri"/> as a PNG <c>data:</c> address (allowed by the portal's CSP for images).</summary>
    public static string QrCodeDataUri(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
