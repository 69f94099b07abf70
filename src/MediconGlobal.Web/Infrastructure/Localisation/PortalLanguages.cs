using System.Globalization;
using MediconGlobal.Core.Security;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.WebUtilities;

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
    /// The order in which a request's language is chosen: an explicit <c>?culture=</c> link (on an error page, the one of
    /// the address that failed), the signed-in account's choice, the choice remembered in this browser's cookie, the
    /// browser's <c>Accept-Language</c>, then English.
    /// </summary>
    public static IList<IRequestCultureProvider> Providers(string cookieName) =>
    [
        new QueryStringRequestCultureProvider(),
        new FailedAddressCultureProvider(),
        new AccountCultureProvider(),
        new CookieRequestCultureProvider { CookieName = cookieName },
        new AcceptLanguageHeaderRequestCultureProvider(),
    ];

    /// <summary>
    /// On the error page the status code pages show for a 404 or 403 (<c>UseStatusCodePagesWithReExecute</c>), the
    /// query string is the error page's own (<c>?code=404</c>), so the failed address's <c>?culture=</c> is read from the
    /// original query string the middleware keeps (<see cref="IStatusCodeReExecuteFeature"/>).
    /// </summary>
    private sealed class FailedAddressCultureProvider : RequestCultureProvider
    {
        private static readonly QueryStringRequestCultureProvider Keys = new();

        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            if (httpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalQueryString is not { Length: > 1 } original)
            {
                return NullProviderCultureResult;
            }

            var query = QueryHelpers.ParseQuery(original);
            string? Read(string key) => query.TryGetValue(key, out var value) && value.Count > 0 && !string.IsNullOrWhiteSpace(value[0]) ? value[0] : null;
            var culture = Read(Keys.QueryStringKey);
            var uiCulture = Read(Keys.UIQueryStringKey);
            return culture is null && uiCulture is null
                ? NullProviderCultureResult
                : Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(culture ?? uiCulture!, uiCulture ?? culture!));
        }
    }

    /// <summary>The language saved on the signed-in account, carried in the sign-in cookie's claims.</summary>
    private sealed class AccountCultureProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
            Task.FromResult<ProviderCultureResult?>(httpContext.User.FindFirst(PortalClaims.Culture)?.Value is { Length: > 0 } culture
                ? new ProviderCultureResult(culture)
                : null);
    }
}
