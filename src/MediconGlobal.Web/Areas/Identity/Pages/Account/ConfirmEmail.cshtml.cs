using MediconGlobal.Core.Accounts;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Confirms an address from the link in the confirmation e-mail, creating a founder's company with it (ADR 1216). A
/// wrong, used or cut-off link is a message (400), never an error page.
/// </summary>
[AllowAnonymous]
public class ConfirmEmailModel(AppDbContext db, UserManager<ApplicationUser> users, IStringLocalizer<SharedResource> t) : PageModel
{
    public bool Confirmed { get; private set; }

    public string Message { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string? userId = null, string? code = null)
    {
        var user = string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);
        var token = AccountMail.Decode(code);
        if (user is not null && token is not null)
        {
            // Tracked only: Identity's save below writes the company with the confirmation, or nothing when the token fails.
            await FounderRegistration.ClaimPendingCompanyAsync(db, user, HttpContext.RequestAborted);
        }

        Confirmed = user is not null && token is not null && (await users.ConfirmEmailAsync(user, token)).Succeeded;
        Message = Confirmed
            ? t["Thank you: your e-mail address is confirmed."]
            : t["This confirmation link has expired, has already been used or is not complete. Ask for a new one."];
        var page = Page();
        page.StatusCode = Confirmed ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        return page;
    }
}
