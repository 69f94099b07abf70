using MediconGlobal.Core.Domain;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Turning two-factor authentication off (the app's key stays, so turning it on again needs only a code). When it is already off the page says so.</summary>
public class Disable2faModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, IStringLocalizer<SharedResource> t, ILogger<Disable2faModel> logger) : PageModel
{
    public bool IsEnabled { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return NotFound();
        }

        IsEnabled = await users.GetTwoFactorEnabledAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return NotFound();
        }

        if (await users.GetTwoFactorEnabledAsync(user))
        {
            await users.SetTwoFactorEnabledAsync(user, false);

            // The security stamp changes with it, ending every other session; this one is renewed.
            await signIn.RefreshSignInAsync(user);
            logger.LogInformation("User {UserId} turned off two-factor authentication", user.Id);
        }

        TempData["Message"] = t["Two-factor authentication is off."].Value;
        return RedirectToPage("./TwoFactorAuthentication");
    }
}
