namespace MediconGlobal.Web.Areas.Identity;

/// <summary>Authenticator codes as people type them: spaces and dashes ("123 456") are ignored.</summary>
public static class TwoFactorCode
{
    /// <summary>The code without spaces and dashes; empty when nothing is left.</summary>
    public static string Normalise(string? code) =>
        (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();
}
