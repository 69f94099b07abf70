using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Pages.Activities;

/// <summary>
/// What the activity form offers, by name: organisations (organiser and participants), markets and sectors
/// (retired terms only where the activity has them, ADR 1150) and companies the viewer may identify
/// (<see cref="DataScopes.IdentifiableBy"/>): a partner never sees a company listed without its consent. Up to
/// <see cref="ListAllUpTo"/> identifiable companies are all listed; beyond that (a project manager may identify
/// 50,000 at the target scale, issue 12) <see cref="Companies"/> holds the chosen ones and those a name search found.
/// </summary>
/// <param name="IdentifiableCompanies">How many companies the viewer may identify in all.</param>
/// <param name="Found">Companies the name search found, counted up to <see cref="SearchLimit"/> + 1; null when no search ran.</param>
public sealed record ActivityChoices(
    IReadOnlyList<(int Id, string Name)> Organisations,
    IReadOnlyList<(int Id, string Name)> Markets,
    IReadOnlyList<(int Id, string Name)> Sectors,
    IReadOnlyList<(int Id, string Name)> Companies,
    int IdentifiableCompanies,
    int? Found)
{
    /// <summary>Up to this many identifiable companies the form lists them all as tick boxes.</summary>
    public const int ListAllUpTo = 100;

    /// <summary>Most companies one name search adds to the list, in name order.</summary>
    public const int SearchLimit = 30;

    /// <summary>Whether the form lists only chosen and found companies and offers the name search.</summary>
    public bool SearchesCompanies => IdentifiableCompanies > ListAllUpTo;

    /// <summary>The name search found more than <see cref="SearchLimit"/>; only the first are listed.</summary>
    public bool MoreFound => Found > SearchLimit;

    /// <summary>
    /// Loads the choices. <paramref name="chosenCompanies"/> (ids from the form or the stored activity) stay listed
    /// when the viewer may identify them; <paramref name="companySearch"/> (free text, normalised like the client
    /// search) adds up to <see cref="SearchLimit"/> more.
    /// </summary>
    public static async Task<ActivityChoices> LoadAsync(
        AppDbContext db, Viewer viewer, IReadOnlyCollection<int> keptTerms, IReadOnlyCollection<int> chosenCompanies, string? companySearch, CancellationToken cancellationToken)
    {
        var organisations = await db.Organisations.AsNoTracking().OrderByName(o => o.Name, db).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        var terms = await db.TaxonomyTerms.AsNoTracking()
            .Where(t => (t.Kind == TaxonomyKind.Market || t.Kind == TaxonomyKind.Sector) && !t.IsAgnostic && (t.RetiredAt == null || keptTerms.Contains(t.Id)))
            .OrderBy(t => t.SortOrder).ThenByName(t => t.Name, db).Select(t => new { t.Id, t.Kind, t.Name }).ToListAsync(cancellationToken);
        var identifiable = db.Companies.AsNoTracking().IdentifiableBy(viewer);
        var total = await identifiable.CountAsync(cancellationToken);
        var chosen = chosenCompanies.Distinct().ToList();
        var companies = await (total <= ListAllUpTo ? identifiable : identifiable.Where(c => chosen.Contains(c.Id)))
            .OrderByName(c => c.Name, db).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        var found = total > ListAllUpTo && TextNormalizer.Normalize(companySearch) is { Length: > 0 } term
            ? await identifiable.Where(c => c.SearchText.Contains(term) && !chosen.Contains(c.Id))
                .OrderByName(c => c.Name, db).Select(c => new { c.Id, c.Name }).Take(SearchLimit + 1).ToListAsync(cancellationToken)
            : null;
        return new ActivityChoices(
            organisations.Select(o => (o.Id, o.Name)).ToList(),
            terms.Where(t => t.Kind == TaxonomyKind.Market).Select(t => (t.Id, t.Name)).ToList(),
            terms.Where(t => t.Kind == TaxonomyKind.Sector).Select(t => (t.Id, t.Name)).ToList(),
            companies.Concat(found?.Take(SearchLimit) ?? []).Select(c => (c.Id, c.Name)).ToList(),
            total,
            found?.Count);
    }
}

/// <summary>What the shared activity fields (<c>_ActivityFields</c>) need from the page that shows them.</summary>
public interface IActivityFormPage
{
    ActivityInput Input { get; }

    ActivityChoices Choices { get; }

    /// <summary>The programme the activity belongs to, shown above the form.</summary>
    string ProgrammeName { get; }

    /// <summary>Participating companies the viewer may not identify; they stay as recorded.</summary>
    int HiddenCompanies { get; }

    /// <summary>The name typed into the company search, kept when the form is shown again.</summary>
    string? CompanySearch { get; }
}
