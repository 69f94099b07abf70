using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MediconGlobal.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Shows freshly made recovery codes once (they come through TempData); opened any other time it goes back to the two-factor page.</summary>
public class ShowRecoveryCodesModel : PageModel
{
    public const string TempDataKey = "RecoveryCodes";

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (TempData[TempDataKey] is not string[] { Length: > 0 } codes)
        {
            return RedirectToPage("./TwoFactorAuthentication");
        }

        RecoveryCodes = codes;
        return Page();
    }
}
