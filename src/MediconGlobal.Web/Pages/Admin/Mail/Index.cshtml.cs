using MediconGlobal.Core.Data;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure.Mail;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace MediconGlobal.Web.Pages.Admin.Mail;

/// <summary>
/// The e-mail outbox for administrators (issue 17 item 7, ADR 1701): every message not yet sent — waiting for a
/// retry or given up — with its attempts and last error, and a button that sends one again now. Sent messages are
/// counted, not listed (their text holds personal links), and deleted after <see cref="EmailOptions.KeepSentDays"/>.
/// </summary>
[Authorize(Policy = Policies.Administration)]
public class IndexModel(AppDbContext db, OutboxSender sender, IOptions<EmailOptions> options, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>The most messages listed; the oldest beyond it wait unlisted.</summary>
    public const int Limit = 200;

    public IReadOnlyList<Row> Unsent { get; private set; } = [];

    public int SentCount { get; private set; }

    /// <summary>Days sent messages are kept before the hourly clean-up deletes them (<see cref="EmailOptions.KeepSentDays"/>).</summary>
    public int KeepSentDays => Math.Max(options.Value.KeepSentDays, 1);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        SentCount = await db.OutboxMessages.CountAsync(m => m.SentAt != null, cancellationToken);
        Unsent = await db.OutboxMessages.AsNoTracking().Where(m => m.SentAt == null)
            .OrderByDescending(m => m.GaveUpAt != null).ThenBy(m => m.CreatedAt).Take(Limit)
            .Select(m => new Row(m.Id, m.To, m.Subject, m.CreatedAt, m.Attempts, m.GaveUpAt != null ? null : m.NextAttemptAt, m.GaveUpAt != null, m.ClaimedUntil > now, m.LastError))
            .ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken cancellationToken)
    {
        // The button posts only the message's id; one that cannot be read was not sent by this page.
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        if (!await sender.RequeueAsync(id, cancellationToken))
        {
            return NotFound();
        }

        TempData["Message"] = await sender.DeliverAsync([id], cancellationToken) == 1
            ? t["The e-mail is sent."].Value
            : t["The e-mail could not be sent now; it stays in the queue and is tried again."].Value;
        return RedirectToPage();
    }

    /// <summary>One unsent message. <paramref name="NextAttemptAt"/> is null when it was given up.</summary>
    public sealed record Row(long Id, string To, string Subject, DateTime CreatedAt, int Attempts, DateTime? NextAttemptAt, bool GaveUp, bool Sending, string? LastError);
}
