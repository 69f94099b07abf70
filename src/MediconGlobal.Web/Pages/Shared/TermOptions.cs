using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Shared;

/// <summary>
/// Choices for the client, need and request forms, read from the taxonomies in one query. Retired terms are left
/// out of forms unless the record already has them (<c>kept</c>); filters of lists keep them all (ADR 1150). Each
/// choice reads in the request's language (<see cref="TermLabels.Pick"/>, issue 14 item 2).
/// </summary>
public sealed class TermOptions
{
    public IReadOnlyList<SelectListItem> Categories { get; private init; } = [];

    public IReadOnlyList<SelectListItem> Markets { get; private init; } = [];

    public IReadOnlyList<SelectListItem> Stages { get; private init; } = [];

    public IReadOnlyList<SelectListItem> Sectors { get; private init; } = [];

    /// <summary>Regions grouped by country.</summary>
    public IReadOnlyList<SelectListItem> Regions { get; private init; } = [];

    /// <summary>
    /// The choices in the page's language: terms by their label (<see cref="TermLabels"/>), the regions' country groups
    /// by the country's name through <paramref name="localizer"/> (issue 14: the optgroup labels were English).
    /// </summary>
    public static async Task<TermOptions> LoadAsync(AppDbContext db, IStringLocalizer localizer, CancellationToken cancellationToken, IEnumerable<int?>? kept = null, bool includeRetired = false)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var keep = (kept ?? []).OfType<int>().ToList();
        var terms = await db.TaxonomyTerms.AsNoTracking()
            .Where(t => t.Kind != TaxonomyKind.Language && (includeRetired || t.RetiredAt == null || keep.Contains(t.Id)))
            .OrderBy(t => t.SortOrder).ThenByName(t => t.Name, db)
            .Select(t => new { t.Id, t.Kind, t.Name, t.NameSv, t.NameDa, t.CountryCode, t.IsAgnostic })
            .ToListAsync(cancellationToken);
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        List<SelectListItem> Of(TaxonomyKind kind) => terms.Where(t => t.Kind == kind && !t.IsAgnostic).Select(t => new SelectListItem(TermLabels.Pick(culture, t.Name, t.NameSv, t.NameDa), Id(t.Id))).ToList();
        var groups = terms.Where(t => t.Kind == TaxonomyKind.Region).Select(t => t.CountryCode ?? "").Distinct()
            .ToDictionary(c => c, c => new SelectListGroup { Name = c.Length == 0 ? "" : localizer[CaseLabels.Country(c)].Value });
        return new TermOptions
        {
            Categories = Of(TaxonomyKind.SupportCategory),
            Markets = Of(TaxonomyKind.Market),
            Stages = Of(TaxonomyKind.Stage),
            Sectors = Of(TaxonomyKind.Sector),
            Regions = terms.Where(t => t.Kind == TaxonomyKind.Region)
                .Select(t => new SelectListItem(TermLabels.Pick(culture, t.Name, t.NameSv, t.NameDa), Id(t.Id)) { Group = groups[t.CountryCode ?? ""] }).ToList(),
        };
    }

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
