using MediconGlobal.Core.Data;
using MediconGlobal.Core.Programmes;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MediconGlobal.Web.Pages.Programmes;

/// <summary>Project managers record an initiative's lessons learned and group its indicators into funnels.</summary>
[Authorize(Policy = Policies.ProjectManagement)]
public class ResultsModel(AppDbContext db) : PageModel
{
    public const string ConflictMessage = "Someone else changed this initiative while you were editing. The form now shows what is stored; make your change again.";

    [BindProperty]
    public ResultsInput Input { get; set; } = new();

    public ComparedProgramme Programme { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = new ResultsInput
        {
            LessonsLearned = Programme.LessonsLearned,
            Version = Programme.Version,
            Indicators = Programme.Indicators.Select(i => new IndicatorFunnelInput { Id = i.Id, Funnel = i.Funnel }).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var validation = new ResultsInputValidator().Validate(Input);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState, nameof(Input));
            return Page();
        }

        var funnels = Input.Indicators.GroupBy(i => i.Id).ToDictionary(g => g.Key, g => g.Last().Funnel);
        switch (await new ProgrammeResults(db).SaveAsync(id, Input.Version, Input.LessonsLearned, funnels, cancellationToken))
        {
            case ResultsOutcome.NotFound:
                return NotFound();
            case ResultsOutcome.Conflict:
                ModelState.Clear();
                ModelState.AddModelError(string.Empty, ConflictMessage);
                await OnGetAsync(id, cancellationToken);
                return Page();
            default:
                TempData["Message"] = "Lessons learned and funnels saved.";
                return Redirect($"/programmes/compare?ids={id}");
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var found = await ProgrammeComparison.LoadAsync(db, [id], cancellationToken);
        if (found.Count == 0)
        {
            return false;
        }

        Programme = found[0];
        return true;
    }
}
