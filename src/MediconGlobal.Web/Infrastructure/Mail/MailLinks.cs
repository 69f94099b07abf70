using MediconGlobal.Core.Notifications;

namespace MediconGlobal.Web.Infrastructure.Mail;

/// <summary>
/// The absolute address of a portal page for a link that leaves the portal — every e-mail, and the shortlist's
/// share link: the page's path from its route (<see cref="LinkGenerator.GetPathByPage"/>, the <c>@page</c> template
/// is the only place a path is written, ADR 1930) joined to the configured public address (<see cref="PortalLinks"/>,
/// <c>Portal:PublicUrl</c>) — never to the request's host (issue 10 item 1, issue 15 item 7).
/// </summary>
public sealed class MailLinks(LinkGenerator routes, PortalLinks links)
{
    /// <summary>
    /// The absolute address of <paramref name="page"/> (a page name such as <c>/Clients/Details</c>) with its route
    /// <paramref name="values"/> (route parameters; the rest become the query string, <c>area</c> selects an area);
    /// <paramref name="query"/>, when given, is a query string already encoded (a saved search's criteria, without
    /// <c>?</c>); <paramref name="fragment"/> is the part after <c>#</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">No page of that name takes those values (a renamed page or parameter).</exception>
    public string Page(string page, object? values = null, string? query = null, string? fragment = null)
    {
        var path = routes.GetPathByPage(page, handler: null, values: values)
            ?? throw new InvalidOperationException($"No route to the page {page} with the values given.");
        var withQuery = string.IsNullOrEmpty(query) ? path : path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;
        return links.Absolute(string.IsNullOrEmpty(fragment) ? withQuery : withQuery + "#" + fragment);
    }
}
