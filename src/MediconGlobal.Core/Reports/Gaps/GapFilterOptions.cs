using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Reports.Gaps;

public sealed record FilterOption(int Id, string Name);

/// <summary>The values the report's filters offer: regions, sectors and the home incubators of the companies a viewer counts.</summary>
public sealed record GapFilterOptions(IReadOnlyList<FilterOption> Regions, IReadOnlyList<FilterOption> Sectors, IReadOnlyList<FilterOption> Incubators)
{
    public static IReadOnlyList<(string Code, string Name)> Countries => Domain.Countries.InOks;

    public static async Task<GapFilterOptions> LoadAsync(AppDbContext db, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var terms = await db.TaxonomyTerms.AsNoTracking()
            .Where(t => t.Kind == TaxonomyKind.Region || t.Kind == TaxonomyKind.Sector)
            .OrderBy(t => t.SortOrder).ThenByName(t => t.Name, db)
            .Select(t => new { t.Kind, Option = new FilterOption(t.Id, t.Name) })
            .ToListAsync(cancellationToken);
        var companies = GapAnalysis.CompaniesCounted(db.Companies, viewer);
        var incubators = await db.Organisations.AsNoTracking()
            .Where(o => companies.Any(c => c.HomeIncubatorId == o.Id))
            .OrderByName(o => o.Name, db)
            .Select(o => new FilterOption(o.Id, o.Name))
            .ToListAsync(cancellationToken);
        return new GapFilterOptions(
            terms.Where(t => t.Kind == TaxonomyKind.Region).Select(t => t.Option).ToList(),
            terms.Where(t => t.Kind == TaxonomyKind.Sector).Select(t => t.Option).ToList(),
            incubators);
    }
}
