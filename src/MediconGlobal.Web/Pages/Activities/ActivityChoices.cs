using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Pages.Activities;

/// <summary>
/// What the activity form offers, by name: organisations (organiser and participants), markets and sectors
/// (retired terms only where the activity has them, ADR 1150) and the companies the viewer may identify
/// (<see cref="DataScopes.IdentifiableBy"/>): a partner never sees a company listed without its consent.
/// </summary>
public sealed record ActivityChoices(
    IReadOnlyList<(int Id, string Name)> Organisations,
    IReadOnlyList<(int Id, string Name)> Markets,
    IReadOnlyList<(int Id, string Name)> Sectors,
    IReadOnlyList<(int Id, string Name)> Companies)
{
    public static async Task<ActivityChoices> LoadAsync(AppDbContext db, Viewer viewer, IReadOnlyCollection<int> keptTerms, CancellationToken cancellationToken)
    {
        var organisations = await db.Organisations.AsNoTracking().OrderByName(o => o.Name, db).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        var terms = await db.TaxonomyTerms.AsNoTracking()
            .Where(t => (t.Kind == TaxonomyKind.Market || t.Kind == TaxonomyKind.Sector) && !t.IsAgnostic && (t.RetiredAt == null || keptTerms.Contains(t.Id)))
            .OrderBy(t => t.SortOrder).ThenByName(t => t.Name, db).Select(t => new { t.Id, t.Kind, t.Name }).ToListAsync(cancellationToken);
        var companies = await db.Companies.AsNoTracking().IdentifiableBy(viewer).OrderByName(c => c.Name, db).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        return new ActivityChoices(
            organisations.Select(o => (o.Id, o.Name)).ToList(),
            terms.Where(t => t.Kind == TaxonomyKind.Market).Select(t => (t.Id, t.Name)).ToList(),
            terms.Where(t => t.Kind == TaxonomyKind.Sector).Select(t => (t.Id, t.Name)).ToList(),
            companies.Select(c => (c.Id, c.Name)).ToList());
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
}
