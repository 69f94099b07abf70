using MediconGlobal.Core.Data;
using MediconGlobal.Core.Notifications;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Infrastructure.Localisation;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Notifications;

/// <summary>
/// The "Notifications" link in the header, with the number of changes since the user's last visit. On wide
/// screens it is a bell (the word stays for screen readers); in the collapsed phone menu the word shows.
/// </summary>
public sealed class NotificationsLinkViewComponent(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : ViewComponent
{
    private const string Bell =
        "<svg class=\"bell d-none d-xl-inline\" width=\"18\" height=\"18\" viewBox=\"0 0 16 16\" fill=\"currentColor\" aria-hidden=\"true\" focusable=\"false\">"
        + "<path d=\"M8 16a2 2 0 0 0 2-2H6a2 2 0 0 0 2 2zm.995-14.901a1 1 0 1 0-1.99 0A5.002 5.002 0 0 0 3 6c0 1.098-.5 6-2 7h14c-1.5-1-2-5.902-2-7 0-2.42-1.72-4.44-4.005-4.901z\"/></svg>";

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (UserClaimsPrincipal.GetUserId() is not { } userId)
        {
            return Content("");
        }

        // The notifications page has just marked everything seen, so there is nothing to count there.
        var address = Url.Page("/Notifications/Index")!;
        var onNotifications = HttpContext.Request.Path.StartsWithSegments(address);
        var count = onNotifications ? 0 : await CountAsync(userId);
        var current = onNotifications ? " aria-current=\"page\"" : "";
        var word = Encode(t["Notifications"]);
        var badge = count == 0
            ? ""
            : $" <span class=\"badge rounded-pill text-bg-light\"><span aria-hidden=\"true\">{count}</span><span class=\"visually-hidden\">{Encode(t.Count(count, "{0} new notification", "{0} new notifications"))}</span></span>";
        var html = $"<a class=\"nav-link notifications-link\" href=\"{address}\" title=\"{word}\"{current}>{Bell}<span class=\"d-xl-none\">{word}</span><span class=\"visually-hidden d-none d-xl-inline\">{word}</span>{badge}</a>";
        return new HtmlContentViewComponentResult(new HtmlString(html));
    }

    private async Task<int> CountAsync(string userId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var seen = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.NotificationsSeenAt).FirstOrDefaultAsync();
        return (await NotificationFeed.LoadAsync(db, UserClaimsPrincipal.ToViewer(), IndexModel.Since(seen, now), now)).Count;
    }

    private static string Encode(string text) => System.Net.WebUtility.HtmlEncode(text);
}
