using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Time;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Infrastructure;

/// <summary>Who saved the version that won a conflict, when, and its version number (for the form's next save).</summary>
public sealed record SavedVersion(int Version, string? By, DateTime At)
{
    public static SavedVersion Of(Entity entity) => new(entity.Version, entity.UpdatedBy, entity.UpdatedAt);

    /// <summary>The saved version of the record <paramref name="id"/> of <paramref name="records"/>, as stored now.</summary>
    public static Task<SavedVersion> LoadAsync<T>(IQueryable<T> records, int id, CancellationToken cancellationToken)
        where T : Entity =>
        records.AsNoTracking().Where(e => e.Id == id).Select(e => new SavedVersion(e.Version, e.UpdatedBy, e.UpdatedAt)).SingleAsync(cancellationToken);
}

/// <summary>
/// After a conflict, the other person's saved value of each field that differs from what the form holds, keyed
/// by the field's full name (e.g. <c>Input.Name</c>); the <c>&lt;saved-value&gt;</c> tag helper shows them.
/// </summary>
public sealed record EditConflict(IReadOnlyDictionary<string, string> Theirs)
{
    public const string ViewDataKey = nameof(EditConflict);
}

/// <summary>
/// The one behaviour on an edit conflict, on every editing page (docs/decisions/1050): keep what the person typed,
/// show the other person's saved values beside it, change nothing — and let a second save keep theirs.
/// </summary>
public static class EditConflicts
{
    /// <summary>
    /// Re-shows a form after <see cref="CommandOutcome.Conflict"/>. <paramref name="mine"/> and
    /// <paramref name="theirs"/> describe the form as posted and as now saved, field name (relative to
    /// <paramref name="prefix"/>) to value in words; every field whose saved value differs gets it beside the field.
    /// ModelState keeps what was typed; the form's hidden <c>Version</c> becomes <paramref name="saved"/>'s, so saving
    /// again overwrites knowingly. The message goes under <paramref name="messageKey"/> (the validation summary by
    /// default). The page must return <c>Page()</c> and save nothing.
    /// </summary>
    public static async Task ShowConflictAsync(this PageModel page, string prefix, IReadOnlyDictionary<string, string> mine, IReadOnlyDictionary<string, string> theirs, SavedVersion saved, string messageKey = "")
    {
        var t = page.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var who = await WhoAsync(page, saved, t);
        var differences = theirs
            .Where(field => mine.GetValueOrDefault(field.Key, "") != field.Value)
            .ToDictionary(field => $"{prefix}.{field.Key}", field => field.Value.Length == 0 ? t["(empty)"].Value : field.Value);
        page.ViewData[EditConflict.ViewDataKey] = new EditConflict(differences);
        page.SetVersion(prefix, saved.Version);
        page.ModelState.AddModelError(messageKey, t[
            "{0} saved a change here at {1}, while you were editing. Nothing of yours was saved or lost: what you entered is still in the form, and their saved values are shown beside each field that differs. Save again to keep yours.",
            who, page.HttpContext.RequestServices.GetRequiredService<DisplayTime>().Minute(saved.At)].Value);
    }

    /// <summary>
    /// Re-shows a page after a conflict on a button (a step with nothing typed, e.g. "Publish"): the page shows the
    /// record as now saved and says so, naming its state now (<paramref name="state"/>, in words). Nothing is saved;
    /// the page renders the saved version in its forms (<see cref="SetVersion"/> for forms bound with <c>asp-for</c>).
    /// </summary>
    public static async Task ShowActionConflictAsync(this PageModel page, SavedVersion saved, string state)
    {
        var t = page.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var who = await WhoAsync(page, saved, t);
        page.ModelState.AddModelError(string.Empty, t[
            "{0} saved a change here at {1}, before your click arrived. Nothing was changed: the page shows what they saved (now: {2}). Try again if you still want to.",
            who, page.HttpContext.RequestServices.GetRequiredService<DisplayTime>().Minute(saved.At), state].Value);
    }

    /// <summary>
    /// Who saved the winning version, as the sentence's subject: their user name where <see cref="ActorNames"/> lets the
    /// viewer see it, otherwise "Someone else" (another organisation's staff, the portal's own jobs, a visitor, a
    /// deleted account, or a name the page chose not to show).
    /// </summary>
    private static async Task<string> WhoAsync(PageModel page, SavedVersion saved, IStringLocalizer<SharedResource> t)
    {
        var shown = await page.HttpContext.RequestServices.GetRequiredService<ActorNames>()
            .ForViewerAsync(page.User, saved.By, page.HttpContext.RequestAborted);
        return shown is { } name && name.Contains('@', StringComparison.Ordinal) ? name : t["Someone else"].Value;
    }

    /// <summary>Makes the hidden <c>Version</c> of the form <paramref name="prefix"/> render <paramref name="version"/>, whatever was posted.</summary>
    public static void SetVersion(this PageModel page, string prefix, int version)
    {
        var key = $"{prefix}.{nameof(Entity.Version)}";
        var text = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        page.ModelState.Remove(key);
        page.ModelState.SetModelValue(key, new ValueProviderResult(text));
    }

    /// <summary>
    /// Turns a command's result into the page's answer: null when it was done or a conflict (the caller redirects,
    /// or shows the conflict with <see cref="ShowConflictAsync"/> or <see cref="ShowActionConflictAsync"/> — a conflict is never
    /// success, so callers test <see cref="CommandResult.IsDone"/>); 404 when the record is not the viewer's; a refusal
    /// becomes a message at the top of the form.
    /// </summary>
    public static IActionResult? Handle(this PageModel page, CommandResult result)
    {
        switch (result.Outcome)
        {
            case CommandOutcome.NotFound:
                return page.NotFound();
            case CommandOutcome.Refused:
                var t = page.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                page.ModelState.AddModelError(string.Empty, t[result.Message ?? "That step is not possible."].Value);
                return null;
            default:
                return null;
        }
    }
}

/// <summary>Text a person typed into a form that a conflict took away (shown by <c>_UnsavedText</c>); <paramref name="Field"/> names it for ids.</summary>
public sealed record UnsavedText(string Field, string? Text);
