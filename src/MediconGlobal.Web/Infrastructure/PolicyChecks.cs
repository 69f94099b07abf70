using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace MediconGlobal.Web.Infrastructure;

/// <summary>
/// What a view shows (a menu entry, an edit button, a history link) follows the named policy of the page it leads
/// to, so the menu and the page cannot disagree about who may open it (issue 15 item 7, ADR 1930).
/// </summary>
public static class PolicyChecks
{
    /// <summary>True when <paramref name="user"/> satisfies the policy named <paramref name="policy"/> (a name of <c>Policies</c>); false for anonymous visitors of any role policy.</summary>
    public static async Task<bool> MayAsync(this IAuthorizationService authorization, ClaimsPrincipal user, string policy) =>
        (await authorization.AuthorizeAsync(user, policy)).Succeeded;
}
