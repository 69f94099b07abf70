using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MediconGlobal.Web.Pages.Organisations;

/// <summary>The directory of support organisations, filtered by type, country, ÖKS region, expertise and sector.</summary>
[AllowAnonymous]
public class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true, Name = "type")]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true, Name = "country")]
    public string? Country { get; set; }

    [BindProperty(SupportsGet = true, Name = "region")]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true, Name = "expertise")]
    public string? Expertise { get; set; }

    [BindProperty(SupportsGet = true, Name = "sector")]
    public string? Sector { get; set; }

    public IReadOnlyList<OrganisationCard> Organisations { get; private set; } = [];

    public IReadOnlyList<string> Countries { get; private set; } = [];

    public TermCatalog Terms { get; private set; } = null!;

    public bool HasFilters => new[] { Text, Type, Country, Region, Expertise, Sector }.Any(v => !string.IsNullOrWhiteSpace(v));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var type = Enum.TryParse<OrganisationType>(Type, ignoreCase: true, out var parsed) ? parsed : (OrganisationType?)null;
        Terms = await TermCatalog.LoadAsync(db, cancellationToken);
        Countries = await OrganisationDirectory.CountriesAsync(db, cancellationToken);
        Organisations = await OrganisationDirectory.SearchAsync(db, new OrganisationFilter(Text, type, Country, Region, Expertise, Sector), cancellationToken);
    }
}
