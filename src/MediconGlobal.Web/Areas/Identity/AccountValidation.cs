using FluentValidation;
using MediconGlobal.Web.Resources;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Areas.Identity;

/// <summary>The rules every account form shares for an e-mail address and a new password, with localised messages.</summary>
public static class AccountValidation
{
    /// <summary>The longest e-mail address Identity stores (its column is 256 characters).</summary>
    public const int MaxEmailLength = 256;

    public static IRuleBuilderOptions<T, string> ValidEmail<T>(this IRuleBuilder<T, string> rule, IStringLocalizer<SharedResource> t) =>
        rule.NotEmpty().WithMessage(t["Enter your e-mail address."])
            .MaximumLength(MaxEmailLength).WithMessage(t["An e-mail address has at most {0} characters.", MaxEmailLength])
            .EmailAddress().WithMessage(t["Enter a valid e-mail address, like name@example.com."]);

    /// <summary>
    /// Presence and length, so a form shows them with its other problems; the whole policy (ASVS 2.1, also the
    /// breached-password list) is Identity's validators, so every way of setting a password applies it.
    /// </summary>
    public static IRuleBuilderOptions<T, string> NewPassword<T>(this IRuleBuilder<T, string> rule, IStringLocalizer<SharedResource> t) =>
        rule.NotEmpty().WithMessage(t["Choose a password."])
            .MinimumLength(PasswordPolicy.MinimumLength).WithMessage(t["A password needs at least {0} characters. A few unrelated words make a long one that is easy to remember.", PasswordPolicy.MinimumLength])
            .MaximumLength(PasswordPolicy.MaximumLength).WithMessage(t["A password has at most {0} characters.", PasswordPolicy.MaximumLength]);
}
