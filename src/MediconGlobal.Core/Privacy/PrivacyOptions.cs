namespace MediconGlobal.Core.Privacy;

/// <summary>
/// The <c>Privacy</c> configuration section. <see cref="CellKeySecret"/> keys every company's fixed random key
/// (ADR 1801): base64 of at least 32 random bytes (<c>openssl rand -base64 32</c>), the same on every instance
/// and never changed — a new secret draws new noise for every figure, and a reader who kept figures from
/// before could average the two. Required outside Development; start-up fails without it.
/// </summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    public string? CellKeySecret { get; set; }

    /// <summary>The secret's bytes, or null when it is missing, not base64 or too short.</summary>
    public byte[]? SecretBytes()
    {
        if (string.IsNullOrWhiteSpace(CellKeySecret))
        {
            return null;
        }

        var buffer = new byte[CellKeySecret.Length];
        return Convert.TryFromBase64String(CellKeySecret.Trim(), buffer, out var written) && written >= SmallCellProtection.MinimumSecretBytes
            ? buffer[..written]
            : null;
    }
}
