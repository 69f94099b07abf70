using System.Globalization;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Infrastructure.Localisation;

/// <summary>
/// Texts that state a count ("1 offer", "3 offers"): the key is chosen by the count's plural category, so no page
/// says "1 offers" in any language (ADR 1401; issue 11 found "1 offers" on the merge page).
/// </summary>
/// <remarks>
/// The categories follow the CLDR cardinal plural rules. For whole numbers, English, Swedish, Danish and Norwegian
/// Bokmål share one rule: "one" for exactly 1, "other" for everything else (0 included), so adding Bokmål needs
/// translation files only. A language with more categories (e.g. Polish, Finnish is like English) would add a
/// category here. <c>scripts/l10n-keys.py</c> lists both keys of every <c>Count(…)</c> call.
/// </remarks>
public static class CountedText
{
    /// <summary>
    /// The text for <paramref name="count"/> in the request's language: <paramref name="one"/> when the count is 1,
    /// otherwise <paramref name="other"/>, both looked up as keys and formatted with the count as <c>{0}</c> (written with
    /// the culture's digit grouping: "1 234" in Swedish, "1,234" in English) followed by <paramref name="arguments"/> as
    /// <c>{1}</c>, <c>{2}</c>….
    /// </summary>
    /// <param name="t">The localiser of the page or e-mail.</param>
    /// <param name="count">A whole number of things (offers, needs, companies…); negative counts take "other".</param>
    /// <param name="one">English key for exactly one, e.g. <c>"{0} offer"</c>.</param>
    /// <param name="other">English key for any other count, e.g. <c>"{0} offers"</c>.</param>
    /// <param name="arguments">Further values of the text, after the count.</param>
    public static LocalizedString Count(this IStringLocalizer t, long count, string one, string other, params object[] arguments)
    {
        var key = count == 1 ? one : other;
        return t[key, [count.ToString("N0", CultureInfo.CurrentCulture), .. arguments]];
    }
}
