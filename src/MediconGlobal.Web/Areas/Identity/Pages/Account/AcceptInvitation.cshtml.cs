using FluentValidation;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Time;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Areas.Identity.Pages.Account;

/// <summary>
/// An invited person chooses their first password from the link in the invitation e-mail (issue 11 item 1). The
/// link's token (<see cref="InvitationTokenProvider"/>) is checked on opening and again on saving; setting the
/// password renews the security stamp, so the link works once. Opening the link proves the address, so it is
/// confirmed too. A wrong, used, expired or cancelled link is a message (400), never an error page; a genuine link
/// that is older than <see cref="ApplicationUser.InvitationLifespanDays"/> days by the portal's clock says when it
/// expired and that the inviter can send a new one.
/// </summary>
[AllowAnonymous]
public class AcceptInvitationModel(UserManager<ApplicationUser> users, TimeProvider clock, DisplayTime time, IStringLocalizer<SharedResource> t, ILogger<AcceptInvitationModel> logger) : PageModel
{
    [BindProperty]
    public AcceptInvitationInput Input { get; set; } = new();

    /// <summary>The invited address, shown so the person knows which account they set up.</summary>
    public string Email { get; private set; } = "";

    public bool LinkIsBroken { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? userId = null, string? code = null)
    {
        Input = new AcceptInvitationInput { UserId = userId ?? "", Code = code ?? "" };
        return await InvitedAsync() is null ? BrokenLink() : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await InvitedAsync() is not { } user)
        {
            return BrokenLink();
        }

        if (!this.IsValid(new AcceptInvitationInputValidator(t).Validate(Input), nameof(Input)))
        {
            return Page();
        }

        var result = await users.AddPasswordAsync(user, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Password)}", error.Description);
            }

            return Page();
        }

        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        logger.LogInformation("User {UserId} accepted their invitation", user.Id);
        TempData["Message"] = t["Your password is set. Sign in with your e-mail address and the new password."].Value;
        return RedirectToPage("./Login");
    }

    /// <summary>
    /// The invited account the link is for, while its invitation is pending, the token holds and the invitation has
    /// not expired; otherwise null (<see cref="ExpiredOn"/> says when a genuine link expired).
    /// </summary>
    private async Task<ApplicationUser?> InvitedAsync()
    {
        if (string.IsNullOrEmpty(Input.UserId) || AccountMail.Decode(Input.Code) is not { } token
            || await users.FindByIdAsync(Input.UserId) is not { IsInvitationPending: true } user
            || !await users.VerifyUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose, token))
        {
            return null;
        }

        if (user.InvitationHasExpired(clock.GetUtcNow().UtcDateTime))
        {
            ExpiredOn = user.InvitationExpiresAt;
            return null;
        }

        Email = user.Email ?? "";
        return user;
    }

    /// <summary>When the opened invitation link expired, if it was genuine but too old.</summary>
    private DateTime? ExpiredOn { get; set; }

    private PageResult BrokenLink()
    {
        LinkIsBroken = true;
        ModelState.AddModelError(string.Empty, ExpiredOn is { } expired
            ? t["This invitation expired on {0}. Ask the person who invited you to send it again; the new link works for {1} days.", time.LongMinute(expired), ApplicationUser.InvitationLifespanDays]
            : t["This invitation link has expired, has already been used or is not complete. Ask the person who invited you to send it again."]);
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }
}

public sealed class AcceptInvitationInput : INewPasswordInput
{
    public string UserId { get; set; } = "";

    public string Code { get; set; } = "";

    public string Password { get; set; } = "";

    public string ConfirmPassword { get; set; } = "";
}

public sealed class AcceptInvitationInputValidator : AbstractValidator<AcceptInvitationInput>
{
    public AcceptInvitationInputValidator(IStringLocalizer<SharedResource> t)
    {
        RuleFor(i => i.Password).NewPassword(t);
        RuleFor(i => i.ConfirmPassword).Equal(i => i.Password).WithMessage(t["The two passwords do not match."]);
    }
}
