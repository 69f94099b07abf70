using MediconGlobal.Core.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MediconGlobal.Web.Infrastructure;

/// <summary>
/// Identity's sign-in manager, except that a deactivated account (<see cref="ApplicationUser.DeactivatedAt"/>) may
/// not sign in (issue 11 item 1): it answers "not allowed" for the password and the two-factor step alike.
/// Deactivating also renews the security stamp, so the sessions already open end on their next request (ADR 1003).
/// </summary>
public sealed class PortalSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(ApplicationUser user) => user.DeactivatedAt is null && await base.CanSignInAsync(user);
}
