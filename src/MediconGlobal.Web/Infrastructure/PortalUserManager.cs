using MediconGlobal.Core.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MediconGlobal.Web.Infrastructure;

/// <summary>
/// Identity's user manager, except that locking an account on purpose (<see cref="SetLockoutEndDateAsync"/> with a
/// time in the future) also renews its security stamp, so every session of the account ends on its next request
/// (issue 10, item 2; ADR 1003). Identity's own lockout after failed sign-ins goes through the store, not this method,
/// so someone guessing passwords can lock an account for a while but cannot sign its owner out.
/// </summary>
public sealed class PortalUserManager(
    IUserStore<ApplicationUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<ApplicationUser> passwordHasher,
    IEnumerable<IUserValidator<ApplicationUser>> userValidators,
    IEnumerable<IPasswordValidator<ApplicationUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<ApplicationUser>> logger,
    TimeProvider clock)
    : UserManager<ApplicationUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<IdentityResult> SetLockoutEndDateAsync(ApplicationUser user, DateTimeOffset? lockoutEnd)
    {
        var result = await base.SetLockoutEndDateAsync(user, lockoutEnd);
        return result.Succeeded && lockoutEnd > clock.GetUtcNow() ? await UpdateSecurityStampAsync(user) : result;
    }
}
