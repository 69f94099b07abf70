using MediconGlobal.Core.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MediconGlobal.Web.Areas.Identity;

/// <summary>
/// The password-hashing work sign-in does when it has no account's hash to check (an unknown address, a locked account),
/// so those answers take as long as a wrong password and the time tells nobody which addresses have accounts (issue 10
/// item 7; OWASP ASVS 4.0 §2.2.1 and the Authentication Cheat Sheet's "authentication responses"). One per portal: the
/// hash it checks against is made once, with this portal's <see cref="PasswordHasherOptions"/>, so it costs the
/// iterations a stored hash costs here (a hash carries its own iteration count; one kept in a static field outlived the
/// portal whose settings made it).
/// </summary>
public sealed class SignInTiming
{
    private readonly PasswordHasher<ApplicationUser> _hasher;
    private readonly string _hash;

    public SignInTiming(IOptions<PasswordHasherOptions> options)
    {
        _hasher = new PasswordHasher<ApplicationUser>(options);
        _hash = _hasher.HashPassword(new ApplicationUser(), Guid.NewGuid().ToString());
    }

    /// <summary>Verifies <paramref name="password"/> against a hash no password matches, for the cost alone; the answer is not used.</summary>
    public void SpendAWrongPasswordsWork(string password) => _hasher.VerifyHashedPassword(new ApplicationUser(), _hash, password);
}
