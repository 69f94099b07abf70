using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MediconGlobal.Web.Pages.Programmes;

/// <summary>Initiatives and projects: who led them, who funded them and what they achieved.</summary>
[AllowAnonymous]
public class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    public IReadOnlyList<ProgrammeCard> Programmes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var status = Enum.TryParse<ProgrammeStatus>(Status, ignoreCase: true, out var parsed) ? parsed : (ProgrammeStatus?)null;
        Programmes = await ProgrammeDirectory.ListAsync(db, Text, status, cancellationToken);
    }
}
