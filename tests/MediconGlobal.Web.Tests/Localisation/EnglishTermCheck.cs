using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Localisation;

/// <summary>
/// Finds taxonomy terms shown by their English name on a Swedish or Danish page although the term has a label in
/// that language (issue 14 item 2: the dashboard, the referral list and a dozen forms printed the stored name).
/// </summary>
internal sealed class EnglishTermCheck(IReadOnlySet<string> englishNames)
{
    /// <summary>How a finding begins, so a crawl can tell these from its other findings.</summary>
    public const string Finding = "English term: ";

    /// <summary>The check for <paramref name="culture"/>: the English names of the terms whose label there differs.</summary>
    public static async Task<EnglishTermCheck> LoadAsync(PortalFactory portal, string culture) => new(await portal.WithDbAsync(async db =>
        (await db.TaxonomyTerms.AsNoTracking().Select(t => new { t.Name, Label = culture == "sv" ? t.NameSv : t.NameDa }).ToListAsync())
            .Where(t => t.Label is { Length: > 0 } && t.Label != t.Name).Select(t => t.Name).ToHashSet(StringComparer.Ordinal)));

    /// <summary>
    /// Elements whose own text is exactly an English term name, unless marked as another language than the page's
    /// (<c>lang="en"</c> where a term has no label, place names on the map in their own language; ADR 1404).
    /// </summary>
    public IEnumerable<string> On(IHtmlDocument page)
    {
        // The taxonomy editor is where administrators edit the English names themselves.
        if (page.Body is null || page.Url.Contains("/admin/taxonomies", StringComparison.Ordinal))
        {
            yield break;
        }

        var pageLanguage = page.DocumentElement.GetAttribute("lang");
        foreach (var element in page.Body.QuerySelectorAll("*:not(script):not(style):not(textarea)").Where(e => e.Closest("svg") is null))
        {
            var own = string.Concat(element.ChildNodes.OfType<IText>().Select(t => t.Data)).Trim();
            if (own.Length > 0 && englishNames.Contains(own) && element.Closest("[lang]")?.GetAttribute("lang") == pageLanguage)
            {
                yield return Finding + own;
            }
        }
    }
}
