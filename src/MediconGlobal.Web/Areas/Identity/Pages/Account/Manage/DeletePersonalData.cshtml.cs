using MediconGlobal.Core.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MediconGlobal.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Identity's "delete my account" page. Replaces the packaged one, which fails with an error page when the
/// password field is left empty; here an empty or wrong password is a message on the form.
/// </summary>
public class DeletePersonalDataModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, ILogger<DeletePersonalDataModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool RequirePassword { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return NotFound();
        }

        RequirePassword = await users.HasPasswordAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return NotFound();
        }

        RequirePassword = await users.HasPasswordAsync(user);
        if (RequirePassword && (string.IsNullOrEmpty(Input.Password) || !await users.CheckPasswordAsync(user, Input.Password)))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.Password)}", "Enter your current password to delete your account.");
            return Page();
        }

        var result = await users.DeleteAsync(user);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, "Your account could not be deleted. Please try again, or ask an administrator.");
            return Page();
        }

        await signIn.SignOutAsync();
        logger.LogInformation("User {UserId} deleted their account", user.Id);
        return Redirect("~/");
    }

    public sealed class InputModel
    {
        public string? Password { get; set; }
    }
}
