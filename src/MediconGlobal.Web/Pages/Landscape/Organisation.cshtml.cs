using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Landscape;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Landscape;

/// <summary>One organisation's engagement: its pipeline status and history, and what it needs from collaboration.</summary>
[Authorize(Policy = Policies.ProjectManagement)]
public class OrganisationModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    private readonly Engagement _engagement = new(db, clock);

    [BindProperty]
    public MoveInput Move { get; set; } = new();

    [BindProperty]
    public NeedsInput Needs { get; set; } = new();

    public OrganisationSummary Summary { get; private set; } = null!;

    public IReadOnlyList<PartnershipStatusChange> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Move = new MoveInput { To = NextStatus(Summary.Status), Version = Summary.Version };
        Needs = new NeedsInput { CollaborationNeeds = Summary.CollaborationNeeds, Version = Summary.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, CancellationToken cancellationToken)
    {
        if (!this.IsValid(new MoveInputValidator().Validate(Move), nameof(Move)))
        {
            return await RedisplayAsync(id, nameof(Move), cancellationToken);
        }

        var result = await _engagement.MoveAsync(id, Move.Version, Move.To!.Value, Move.Note, User.ToActor(), cancellationToken);
        return await HandleAsync(id, result, nameof(Move), t["Moved to {0}.", t[LandscapeLabels.StatusName(Move.To.Value)].Value].Value, cancellationToken);
    }

    public async Task<IActionResult> OnPostNeedsAsync(int id, CancellationToken cancellationToken)
    {
        if (!this.IsValid(new NeedsInputValidator().Validate(Needs), nameof(Needs)))
        {
            return await RedisplayAsync(id, nameof(Needs), cancellationToken);
        }

        var result = await _engagement.RecordNeedsAsync(id, Needs.Version, Needs.CollaborationNeeds, cancellationToken);
        return await HandleAsync(id, result, nameof(Needs), t["Collaboration needs saved."].Value, cancellationToken);
    }

    public static PartnershipStatus NextStatus(PartnershipStatus current) =>
        current == PartnershipStatus.Partner ? PartnershipStatus.Engaged : current + 1;

    private async Task<IActionResult> HandleAsync(int id, CommandResult result, string form, string confirmation, CancellationToken cancellationToken)
    {
        switch (result.Outcome)
        {
            case CommandOutcome.NotFound:
                return NotFound();
            case CommandOutcome.Done:
                TempData["Message"] = confirmation;
                return RedirectToPage(new { id });
            case CommandOutcome.Refused:
                ModelState.AddModelError($"{form}.To", t[result.Message ?? "The change was refused."].Value);
                return await RedisplayAsync(id, form, cancellationToken);
            default:
                var page = await RedisplayAsync(id, form, cancellationToken);
                if (page is PageResult)
                {
                    await this.ShowConflictAsync(form, Describe(form, Move.To, Move.Note, Needs.CollaborationNeeds), Describe(form, Summary.Status, (History.Count > 0 ? History[0].Note : null), Summary.CollaborationNeeds),
                        await SavedVersion.LoadAsync(db.Organisations, id, cancellationToken), messageKey: form);
                }

                return page;
        }
    }

    private Dictionary<string, string> Describe(string form, PartnershipStatus? status, string? note, string? needs) => form == nameof(Move)
        ? new()
        {
            [nameof(MoveInput.To)] = status is { } s ? t[LandscapeLabels.StatusName(s)].Value : "",
            [nameof(MoveInput.Note)] = note?.Trim() ?? "",
        }
        : new() { [nameof(NeedsInput.CollaborationNeeds)] = needs?.Trim() ?? "" };

    /// <summary>Shows the page again after a refused post: the posted form keeps what was typed, the other shows what is stored.</summary>
    private async Task<IActionResult> RedisplayAsync(int id, string postedForm, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(postedForm + ".", StringComparison.Ordinal) && k != postedForm || k.EndsWith(".Version", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }

        // Both forms carry the current version, so a retry after a conflict saves against what is now stored.
        if (postedForm == nameof(Move))
        {
            Needs = new NeedsInput { CollaborationNeeds = Summary.CollaborationNeeds };
        }
        else
        {
            Move = new MoveInput { To = NextStatus(Summary.Status) };
        }

        Move.Version = Summary.Version;
        Needs.Version = Summary.Version;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var summary = await db.Organisations.AsNoTracking().Where(o => o.Id == id)
            .Select(o => new OrganisationSummary(o.Id, o.Name, o.Type, o.CountryCode, o.Region != null ? o.Region.Name : null, o.Website, o.Description, o.CollaborationNeeds, o.PartnershipStatus, o.Version))
            .FirstOrDefaultAsync(cancellationToken);
        if (summary is null)
        {
            return false;
        }

        Summary = summary;
        History = await db.PartnershipStatusChanges.AsNoTracking().Where(h => h.OrganisationId == id)
            .OrderByDescending(h => h.ChangedAt).ThenByDescending(h => h.Id)
            .ToListAsync(cancellationToken);
        return true;
    }

    public sealed record OrganisationSummary(int Id, string Name, OrganisationType Type, string CountryCode, string? RegionName, string? Website, string? Description, string? CollaborationNeeds, PartnershipStatus Status, int Version);
}
