using MediconGlobal.Core.Domain;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Areas.Identity.Pages.Account;

/// <summary>Sends a new confirmation link to an unconfirmed address; answers the same for any address (issue 10 item 7).</summary>
[AllowAnonymous]
public class ResendEmailConfirmationModel(UserManager<ApplicationUser> users, AccountMail mail, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet(string? email = null) => Input.Email = email ?? "";

    public async Task<IActionResult> OnPostAsync()
    {
        if (!this.IsValid(new EmailInputValidator(t).Validate(Input), nameof(Input)))
        {
            return Page();
        }

        if (await users.FindByEmailAsync(Input.Email.Trim()) is { EmailConfirmed: false } user)
        {
            await mail.SendConfirmationAsync(user);
        }

        Sent = true;
        return Page();
    }
}
