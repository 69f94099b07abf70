using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Landscape;
using MediconGlobal.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MediconGlobal.Web.Pages.Landscape;

[Authorize(Policy = Policies.ProjectManagement)]
public class PipelineModel(AppDbContext db) : PageModel
{
    public const string ListView = "list";

    [BindProperty(SupportsGet = true)]
    public OrganisationType? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    /// <summary>"board" (default) or "list".</summary>
    [BindProperty(SupportsGet = true)]
    public string? View { get; set; }

    public IReadOnlyList<PipelineEntry> Entries { get; private set; } = [];

    public IReadOnlyList<string> Countries { get; private set; } = [];

    public bool ShowsList => string.Equals(View, ListView, StringComparison.OrdinalIgnoreCase);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Countries = await OrganisationDirectory.CountriesAsync(db, cancellationToken);
        Entries = await PipelineQuery.LoadAsync(db, Type, Country, cancellationToken);
    }

    public IEnumerable<PipelineEntry> At(PartnershipStatus status) => Entries.Where(e => e.Status == status);

    public string ViewUrl(string view) => Url.Page("/Landscape/Pipeline", new { type = Type, country = Country, view })!;
}
