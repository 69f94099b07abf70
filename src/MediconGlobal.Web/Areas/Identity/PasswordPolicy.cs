namespace MediconGlobal.Web.Areas.Identity;

/// <summary>The portal's password rules (OWASP ASVS 4.0 §2.1, issue 10 item 14; ADR 1102).</summary>
public static class PasswordPolicy
{
    /// <summary>ASVS 2.1.1: at least 12 characters.</summary>
    public const int MinimumLength = 12;

    /// <summary>ASVS 2.1.2: passphrases of 64 characters and more are allowed; 128 at most.</summary>
    public const int MaximumLength = 128;
}
