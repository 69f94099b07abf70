using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using MediconGlobal.Core.Domain;
using MediconGlobal.Web.Resources;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Tests.Localisation;

/// <summary>
/// Finds taxonomy terms and countries shown by their English name on a Swedish or Danish page although they have a
/// name in that language (issue 14 item 2: the dashboard, the referral list and a dozen forms printed the stored name;
/// the region choices' country groups were English optgroup labels, which are read out but are not text nodes).
/// </summary>
internal sealed class EnglishTermCheck(IReadOnlySet<string> englishNames)
{
    /// <summary>How a finding begins, so a crawl can tell these from its other findings.</summary>
    public const string Finding = "English term: ";

    /// <summary>
    /// The check for <paramref name="culture"/>: the English names of the terms whose label there differs, and of the
    /// countries (<see cref="Countries"/>, translated as keys) whose name there differs.
    /// </summary>
    public static async Task<EnglishTermCheck> LoadAsync(PortalFactory portal, string culture)
    {
        var names = await portal.WithDbAsync(async db =>
            (await db.TaxonomyTerms.AsNoTracking().Select(t => new { t.Name, Label = culture == "sv" ? t.NameSv : t.NameDa }).ToListAsync())
                .Where(t => t.Label is { Length: > 0 } && t.Label != t.Name).Select(t => t.Name).ToHashSet(StringComparer.Ordinal));
        var localizer = portal.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            names.UnionWith(Countries.All.Select(c => c.Name).Where(name => localizer[name] is { ResourceNotFound: false } translated && translated.Value != name));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }

        return new EnglishTermCheck(names);
    }

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

        // Labels read out without being text: a select's option groups.
        foreach (var group in page.Body.QuerySelectorAll("optgroup[label]"))
        {
            if (group.GetAttribute("label") is { } label && englishNames.Contains(label.Trim()) && group.Closest("[lang]")?.GetAttribute("lang") == pageLanguage)
            {
                yield return Finding + label.Trim() + " (optgroup label)";
            }
        }
    }
}
