using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Pages.Admin.Taxonomies;

/// <summary>The taxonomies administrators keep: how many terms each has in use and retired.</summary>
[Authorize(Policy = Policies.Administration)]
public class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<(TaxonomyInfo Taxonomy, int InUse, int Retired)> Taxonomies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var counts = await db.TaxonomyTerms.AsNoTracking()
            .GroupBy(t => new { t.Kind, Retired = t.RetiredAt != null })
            .Select(g => new { g.Key.Kind, g.Key.Retired, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Count(TaxonomyKind kind, bool retired) => counts.Where(c => c.Kind == kind && c.Retired == retired).Sum(c => c.Count);
        Taxonomies = TaxonomyKinds.All.Select(k => (k, Count(k.Kind, false), Count(k.Kind, true))).ToList();
    }
}
