using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Programmes;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Programmes;

/// <summary>Project managers record an initiative's lessons learned and group its indicators into funnels.</summary>
[Authorize(Policy = Policies.ProjectManagement)]
public class ResultsModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
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

        if (!this.IsValid(new ResultsInputValidator().Validate(Input), nameof(Input)))
        {
            return Page();
        }

        var funnels = Input.Indicators.GroupBy(i => i.Id).ToDictionary(g => g.Key, g => g.Last().Funnel);
        var result = await new ProgrammeResults(db).SaveAsync(id, Input.Version, Input.LessonsLearned, funnels, cancellationToken);
        switch (result.Outcome)
        {
            case CommandOutcome.NotFound:
                return NotFound();
            case CommandOutcome.Conflict:
                db.ChangeTracker.Clear();
                await LoadAsync(id, cancellationToken);
                await this.ShowConflictAsync(nameof(Input), Describe(Input.LessonsLearned, i => funnels.GetValueOrDefault(i.Id)), Describe(Programme.LessonsLearned, i => i.Funnel),
                    await SavedVersion.LoadAsync(db.Programmes, id, cancellationToken));
                return Page();
            default:
                TempData["Message"] = t["Lessons learned and funnels saved."].Value;
                return RedirectToPage("/Programmes/Compare", new { ids = id });
        }
    }

    /// <summary>The form in words: the lessons and each indicator's funnel, keyed by the indicator's row on the page.</summary>
    private Dictionary<string, string> Describe(string? lessons, Func<ComparedIndicator, string?> funnel)
    {
        var values = new Dictionary<string, string> { [nameof(ResultsInput.LessonsLearned)] = lessons?.Trim() ?? "" };
        for (var i = 0; i < Programme.Indicators.Count; i++)
        {
            values[$"{nameof(ResultsInput.Indicators)}[{i}].{nameof(IndicatorFunnelInput.Funnel)}"] = funnel(Programme.Indicators[i])?.Trim() ?? "";
        }

        return values;
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
