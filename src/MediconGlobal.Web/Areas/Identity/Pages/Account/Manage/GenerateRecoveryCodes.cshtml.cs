using MediconGlobal.Core.Domain;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>New recovery codes (the old ones stop working). Without two-factor authentication there is nothing to recover, and the page says so instead of failing.</summary>
public class GenerateRecoveryCodesModel(UserManager<ApplicationUser> users, IStringLocalizer<SharedResource> t, ILogger<GenerateRecoveryCodesModel> logger) : PageModel
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

        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            TempData["Message"] = t["Two-factor authentication is off, so there are no recovery codes to make."].Value;
            return RedirectToPage("./TwoFactorAuthentication");
        }

        TempData[ShowRecoveryCodesModel.TempDataKey] = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, EnableAuthenticatorModel.RecoveryCodeCount))?.ToArray() ?? [];
        logger.LogInformation("User {UserId} made new recovery codes", user.Id);
        return RedirectToPage("./ShowRecoveryCodes");
    }
}
