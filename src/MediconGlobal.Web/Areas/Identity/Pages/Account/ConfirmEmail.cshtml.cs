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
        // The token is checked before the founder's company is added (ADR 1216), so a wrong one never leaves it pending.
        if (user is not null && token is not null
            && await users.VerifyUserTokenAsync(user, users.Options.Tokens.EmailConfirmationTokenProvider, UserManager<ApplicationUser>.ConfirmEmailTokenPurpose, token))
        {
            await FounderRegistration.ClaimPendingCompanyAsync(db, user, HttpContext.RequestAborted);
            Confirmed = (await users.ConfirmEmailAsync(user, token)).Succeeded;
        }

        // A link opened again (a double click, a mail scanner that opened it first) finds the address confirmed: the
        // first opening changed the security stamp, so its token no longer verifies, but there is nothing left to do.
        var already = !Confirmed && user is { EmailConfirmed: true, PendingCompanyName: null } && token is not null;
        Message = Confirmed ? t["Thank you: your e-mail address is confirmed."]
            : already ? t["Your e-mail address is already confirmed. You can sign in."]
            : t["This confirmation link has expired, has already been used or is not complete. Ask for a new one."];
        Confirmed |= already;
        var page = Page();
        page.StatusCode = Confirmed ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        return page;
    }
}
