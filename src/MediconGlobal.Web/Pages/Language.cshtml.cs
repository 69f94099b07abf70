using System.Globalization;
using MediconGlobal.Core.Domain;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Infrastructure.Localisation;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace MediconGlobal.Web.Pages;

/// <summary>
/// The language switch (issue 14 item 3): a plain form, so it works without JavaScript. The choice is kept in the
/// culture cookie and, for a signed-in person, on their account, so it follows them to another browser.
/// A visitor's choice needs no antiforgery token: it only sets their own culture cookie, and a token on every public
/// page would make those pages uncacheable (the antiforgery system marks a page with a token <c>no-store</c>). A
/// signed-in person's choice changes their account, so for them the token is checked here and a post without a
/// valid one is answered 400 with nothing saved (ASVS 4.2.2).
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public class LanguageModel(IOptions<RequestLocalizationOptions> localization, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, IHostEnvironment environment, IAntiforgery antiforgery) : PageModel
{
    public IReadOnlyList<CultureInfo> Cultures => PortalLanguages.Offered(localization.Value);

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? culture)
    {
        var signedIn = User.Identity?.IsAuthenticated == true;
        if (signedIn && !await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return BadRequest();
        }

        var chosen = Cultures.FirstOrDefault(c => c.Name == culture);
        if (chosen is null)
        {
            return BadRequest();
        }

        Response.Cookies.Append(
            TransportSecurity.CultureCookieName(environment),
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = !environment.IsDevelopment() || Request.IsHttps, Path = "/" });

        if (signedIn && await users.GetUserAsync(User) is { } user)
        {
            user.PreferredCulture = chosen.Name;
            await users.UpdateAsync(user);
            // The account's language travels in the sign-in cookie; renew it so the next page already has it.
            await signIn.RefreshSignInAsync(user);
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
