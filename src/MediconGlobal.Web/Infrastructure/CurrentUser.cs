using System.Security.Claims;
using MediconGlobal.Core.Security;

namespace MediconGlobal.Web.Infrastructure;

/// <summary>The signed-in user of the current request, for audit fields and attribution.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public string? UserId => accessor.HttpContext?.User.GetUserId();

    /// <summary>The signed-in user's name; <see cref="RecordedActors.Anonymous"/> in a request without one, <see cref="RecordedActors.System"/> outside a request (seeding, jobs).</summary>
    public string? UserName => accessor.HttpContext is { } http ? http.User.Identity?.Name ?? RecordedActors.Anonymous : RecordedActors.System;
}

public static class ClaimsPrincipalExtensions
{
    public static string? GetUserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static string GetDisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(PortalClaims.DisplayName) ?? user.Identity?.Name ?? "";

    /// <summary>The signed-in user as the entities record who did something.</summary>
    public static Core.Domain.Actor ToActor(this ClaimsPrincipal user) => new(user.GetUserId() ?? "", user.GetDisplayName());

    /// <summary>The organisation a staff user belongs to; null for startup users and anonymous visitors.</summary>
    public static int? GetOrganisationId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(PortalClaims.OrganisationId), out var id) ? id : null;

    /// <summary>The company a startup user belongs to.</summary>
    public static int? GetCompanyId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(PortalClaims.CompanyId), out var id) ? id : null;

    /// <summary>Project managers and administrators see every organisation's data.</summary>
    public static bool SeesEverything(this ClaimsPrincipal user) => user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.ProjectManager);
}

public static class ViewerExtensions
{
    /// <summary>The viewer the core library's data scopes work with.</summary>
    public static Viewer ToViewer(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
            ? new Viewer(user.GetUserId(), Roles.All.Where(user.IsInRole).ToHashSet(), user.GetOrganisationId(), user.GetCompanyId())
            : Viewer.Anonymous;
}
