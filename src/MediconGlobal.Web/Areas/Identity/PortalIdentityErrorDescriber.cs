using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Areas.Identity;

/// <summary>Identity's own messages (password too short, address taken, expired link …) in the portal's words, through the localiser.</summary>
public sealed class PortalIdentityErrorDescriber(IStringLocalizer<SharedResource> t) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = t["A password needs at least {0} characters. A few unrelated words make a long one that is easy to remember.", length] };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = t["Another account already uses this e-mail address."] };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = t["Another account already uses this e-mail address."] };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = t["Enter a valid e-mail address, like name@example.com."] };

    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = t["Enter a valid e-mail address, like name@example.com."] };

    public override IdentityError InvalidToken() =>
        new() { Code = nameof(InvalidToken), Description = t["This link or code has expired or has already been used."] };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = t["The password is not correct."] };

    public override IdentityError RecoveryCodeRedemptionFailed() =>
        new() { Code = nameof(RecoveryCodeRedemptionFailed), Description = t["That recovery code is not valid or was already used."] };

    public override IdentityError ConcurrencyFailure() =>
        new() { Code = nameof(ConcurrencyFailure), Description = t["Someone changed this account at the same time. Please try again."] };

    public override IdentityError DefaultError() =>
        new() { Code = nameof(DefaultError), Description = t["Something went wrong. Please try again."] };
}
