using MediconGlobal.Core.Data;
using MediconGlobal.Core.Notifications;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Notifications;

/// <summary>The "Notifications" link in the header, with the number of changes since the user's last visit.</summary>
public sealed class NotificationsLinkViewComponent(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (UserClaimsPrincipal.GetUserId() is not { } userId)
        {
            return Content("");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var seen = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.NotificationsSeenAt).FirstOrDefaultAsync();
        var count = (await NotificationFeed.LoadAsync(db, UserClaimsPrincipal.ToViewer(), IndexModel.Since(seen, now), now)).Count;
        var current = HttpContext.Request.Path.StartsWithSegments("/notifications") ? " aria-current=\"page\"" : "";
        var badge = count == 0
            ? ""
            : $" <span class=\"badge rounded-pill text-bg-light\">{count}<span class=\"visually-hidden\"> {Encode(t["new"])}</span></span>";
        return new HtmlContentViewComponentResult(new HtmlString($"<a class=\"nav-link\" href=\"/notifications\"{current}>{Encode(t["Notifications"])}{badge}</a>"));
    }

    private static string Encode(string text) => System.Net.WebUtility.HtmlEncode(text);
}
