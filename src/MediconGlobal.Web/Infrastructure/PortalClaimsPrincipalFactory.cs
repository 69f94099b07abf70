using System.Globalization;
using System.Security.Claims;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MediconGlobal.Web.Infrastructure;

/// <summary>Adds the user's organisation, company and display name to the sign-in cookie, so scoping needs no look-up.</summary>
public sealed class PortalClaimsPrincipalFactory(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.DisplayName, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName));
        if (user.OrganisationId is { } organisationId)
        {
            identity.AddClaim(new Claim(PortalClaims.OrganisationId, organisationId.ToString(CultureInfo.InvariantCulture)));
        }

        if (user.CompanyId is { } companyId)
        {
            identity.AddClaim(new Claim(PortalClaims.CompanyId, companyId.ToString(CultureInfo.InvariantCulture)));
        }

        if (!string.IsNullOrEmpty(user.PreferredCulture))
        {
            identity.AddClaim(new Claim(PortalClaims.Culture, user.PreferredCulture));
        }

        return identity;
    }
}
