using System.Reflection;
using MediconGlobal.Core.Domain;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Areas.Identity;

/// <summary>
/// Refuses passwords that are too long, that appear in the shipped list of common and breached passwords (ASVS
/// 2.1.7; <c>CommonPasswords/README.md</c> gives the list's origin and licence), or that are the account's own
/// e-mail address. Length and the absence of composition rules are Identity's options (see
/// <see cref="PasswordPolicy"/>); this runs beside them for every way a password is set.
/// </summary>
public sealed class CommonPasswordValidator(IStringLocalizer<SharedResource> t) : IPasswordValidator<ApplicationUser>
{
    private static readonly Lazy<HashSet<string>> CommonPasswords = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        if (password.Length > PasswordPolicy.MaximumLength)
        {
            return Fail("PasswordTooLong", t["A password has at most {0} characters.", PasswordPolicy.MaximumLength]);
        }

        if (IsCommon(password))
        {
            return Fail("PasswordTooCommon", t["This password is one of the most common ones and easy to guess. Choose another, for example a few unrelated words."]);
        }

        return string.Equals(password.Trim(), user.Email?.Trim(), StringComparison.OrdinalIgnoreCase)
            ? Fail("PasswordIsEmail", t["Do not use your e-mail address as your password."])
            : Task.FromResult(IdentityResult.Success);
    }

    /// <summary>True when the password, ignoring case and any digits or symbols at its end, is in the common-password list.</summary>
    public static bool IsCommon(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        var stem = lower.TrimEnd("0123456789!@#$%^&*()-_=+.,;:?~'\"/\\|[]{}<> ".ToCharArray());
        return CommonPasswords.Value.Contains(lower) || (stem.Length >= 4 && CommonPasswords.Value.Contains(stem));
    }

    private static Task<IdentityResult> Fail(string code, string description) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = description }));

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("MediconGlobal.Web.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The embedded common-password list is missing.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                passwords.Add(line.Trim().ToLowerInvariant());
            }
        }

        return passwords;
    }
}
