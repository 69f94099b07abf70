using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Programmes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MediconGlobal.Web.Pages.Programmes;

/// <summary>Earlier initiatives side by side: funding, duration, partners, reach and funnels. Programmes are public.</summary>
[AllowAnonymous]
public class CompareModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ids")]
    public List<int> Ids { get; set; } = [];

    public IReadOnlyList<(int Id, string Name, ProgrammeStatus Status)> Choices { get; private set; } = [];

    public IReadOnlyList<ComparedProgramme> Programmes { get; private set; } = [];

    public bool TooMany { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Choices = await ProgrammeComparison.ChoicesAsync(db, cancellationToken);

        // Without a choice, compare the initiatives that have finished or are running.
        var ids = Ids.Count > 0 ? Ids.Distinct().ToList() : Choices.Where(c => c.Status != ProgrammeStatus.Planned).Select(c => c.Id).ToList();
        TooMany = ids.Count > ProgrammeComparison.MaxCompared;
        Programmes = await ProgrammeComparison.LoadAsync(db, ids.Take(ProgrammeComparison.MaxCompared).ToList(), cancellationToken);
        Ids = Programmes.Select(p => p.Id).ToList();
    }
}
