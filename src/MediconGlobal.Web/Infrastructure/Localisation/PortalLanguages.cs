using System.Globalization;
using MediconGlobal.Core.Security;
using Microsoft.AspNetCore.Localization;

namespace MediconGlobal.Web.Infrastructure.Localisation;

/// <summary>The languages people can choose and how a request's language is found (issue 14 item 3).</summary>
public static class PortalLanguages
{
    /// <summary>The languages offered in the switch: every supported culture but the pseudo-localisation one.</summary>
    public static IReadOnlyList<CultureInfo> Offered(RequestLocalizationOptions options) =>
        [.. (options.SupportedUICultures ?? []).Where(c => !PortalCultures.IsPseudo(c))];

    /// <summary>A language's own name as its speakers write it at the start of a line: "English", "Svenska", "Dansk".</summary>
    public static string NameOf(CultureInfo culture)
    {
        var name = culture.NativeName;
        return name.Length == 0 ? culture.Name : char.ToUpper(name[0], culture) + name[1..];
    }

    /// <summary>
    /// The order in which a request's language is chosen: an explicit <c>?culture=</c> link, the signed-in account's
    /// choice, the choice remembered in this browser's cookie, the browser's <c>Accept-Language</c>, then English.
    /// </summary>
    public static IList<IRequestCultureProvider> Providers(string cookieName) =>
    [
        new QueryStringRequestCultureProvider(),
        new AccountCultureProvider(),
        new CookieRequestCultureProvider { CookieName = cookieName },
        new AcceptLanguageHeaderRequestCultureProvider(),
    ];

    /// <summary>The language saved on the signed-in account, carried in the sign-in cookie's claims.</summary>
    private sealed class AccountCultureProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
            Task.FromResult<ProviderCultureResult?>(httpContext.User.FindFirst(PortalClaims.Culture)?.Value is { Length: > 0 } culture
                ? new ProviderCultureResult(culture)
                : null);
    }
}
