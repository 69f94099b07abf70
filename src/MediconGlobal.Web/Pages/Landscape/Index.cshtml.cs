using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Landscape;
using MediconGlobal.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Pages.Landscape;

[Authorize(Policy = Policies.ProjectManagement)]
public class IndexModel(AppDbContext db) : PageModel
{
    public const string ByOffers = "offers";

    [BindProperty(SupportsGet = true)]
    public OrganisationType? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Expertise { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Sector { get; set; }

    /// <summary>"organisations" (default) or "offers": what the map's colours count.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Measure { get; set; }

    /// <summary>Code of the region whose organisations are listed.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    public LandscapeView View { get; private set; } = new([], []);

    public ColourScale Scale { get; private set; } = new(0);

    public LandscapeRegion? Selected { get; private set; }

    public IReadOnlyList<(int Id, string Name)> ExpertiseOptions { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> SectorOptions { get; private set; } = [];

    public bool CountsOffers => string.Equals(Measure, ByOffers, StringComparison.OrdinalIgnoreCase);

    public bool IsFiltered => Type is not null || Expertise is not null || Sector is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var terms = await db.TaxonomyTerms.AsNoTracking()
            .Where(t => t.Kind == TaxonomyKind.SupportCategory || t.Kind == TaxonomyKind.Sector)
            .OrderBy(t => t.SortOrder)
            .Select(t => new { t.Id, t.Name, t.Kind })
            .ToListAsync(cancellationToken);
        ExpertiseOptions = terms.Where(t => t.Kind == TaxonomyKind.SupportCategory).Select(t => (t.Id, t.Name)).ToList();
        SectorOptions = terms.Where(t => t.Kind == TaxonomyKind.Sector).Select(t => (t.Id, t.Name)).ToList();

        // An unknown term id in the address filters nothing rather than everything.
        Expertise = ExpertiseOptions.Any(o => o.Id == Expertise) ? Expertise : null;
        Sector = SectorOptions.Any(o => o.Id == Sector) ? Sector : null;

        View = await LandscapeQuery.LoadAsync(db, new LandscapeFilter(Type, Expertise, Sector), cancellationToken);
        Scale = new ColourScale(View.Regions.Select(CountOf).DefaultIfEmpty(0).Max());
        Selected = View.Regions.FirstOrDefault(r => string.Equals(r.Code, Region, StringComparison.OrdinalIgnoreCase));
    }

    public int CountOf(LandscapeRegion region) => CountsOffers ? region.OfferCount : region.OrganisationCount;

    /// <summary>The address of this page with the current filters and another region selected.</summary>
    public string RegionUrl(string code) =>
        Url.Page("/Landscape/Index", new { type = Type, expertise = Expertise, sector = Sector, measure = Measure, region = code }) + "#region";
}
