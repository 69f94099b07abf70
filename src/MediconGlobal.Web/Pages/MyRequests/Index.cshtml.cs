using MediconGlobal.Core.Clients;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Pages.Shared;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.MyRequests;

/// <summary>A founder follows their company's requests for help (and the needs their advisors logged) to the outcome.</summary>
[Authorize(Policy = Policies.Founder)]
public class IndexModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public string CompanyName { get; private set; } = "";

    public string? HomeIncubator { get; private set; }

    public IReadOnlyList<RequestRow> Requests { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : Forbid();

    /// <summary>The founder withdraws one of the company's own requests that nobody has referred yet.</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(int needId, int version, CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        if (viewer.CompanyId is not { } companyId)
        {
            return Forbid();
        }

        // A button with hidden values only: one that cannot be read is a hand-made request.
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        var ownRequest = await db.Needs.VisibleTo(viewer).Open().AnyAsync(n => n.Id == needId && n.RequestedByCompany, cancellationToken);
        var result = ownRequest
            ? await new NeedWorkflow(db, clock).ChangeStatusAsync(viewer, companyId, needId, version, NeedStatus.Withdrawn, null, "Withdrawn by the company.", User.ToActor(), cancellationToken)
            : CommandResult.NotFound;
        if (this.Handle(result) is { } failure)
        {
            return failure;
        }

        if (ModelState.IsValid && result.IsDone)
        {
            TempData["Message"] = t["Your request is withdrawn."].Value;
            return RedirectToPage("/MyRequests/Index");
        }

        db.ChangeTracker.Clear();
        if (result.Outcome == CommandOutcome.Conflict)
        {
            var saved = await SavedVersion.LoadAsync(db.Needs, needId, cancellationToken);
            var status = await db.Needs.Where(n => n.Id == needId).Select(n => n.Status).SingleAsync(cancellationToken);
            // A founder is not shown which advisor saved it.
            await this.ShowActionConflictAsync(saved with { By = null }, t[status.Label()].Value);
        }

        return await LoadAsync(cancellationToken) ? Page() : Forbid();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        var company = await db.Companies.AsNoTracking().VisibleTo(viewer)
            .Select(c => new { c.Id, c.Name, HomeIncubator = c.HomeIncubator != null ? c.HomeIncubator.Name : null })
            .FirstOrDefaultAsync(cancellationToken);
        if (company is null)
        {
            return false;
        }

        (CompanyName, HomeIncubator) = (company.Name, company.HomeIncubator);
        Requests = await db.Needs.AsNoTracking().VisibleTo(viewer)
            .Where(n => n.CompanyId == company.Id)
            .OrderBy(Need.Closed)
            .ThenByDescending(n => n.LoggedAt)
            .Select(n => new RequestRow(
                n.Id,
                n.Version,
                n.Category!.Name,
                n.Market != null ? n.Market.Name : null,
                n.Description,
                n.Status,
                n.UnmetReason,
                n.RequestedByCompany,
                n.LoggedAt,
                n.StatusHistory.Max(h => h.ChangedAt),
                n.Referrals.OrderByDescending(r => r.SentAt).Select(r => new ReferralLine(r.Id, r.ReceivingOrganisation!.Name, r.Status, r.Outcome, r.SentAt != null, r.FounderConfirmation)).ToList()))
            .ToListAsync(cancellationToken);
        return true;
    }

    /// <param name="Sent">A sent referral (not a suggestion): the founder can say whether they got help (ADR 1776).</param>
    /// <param name="Confirmation">The founder's answer so far.</param>
    public sealed record ReferralLine(int Id, string Organisation, ReferralStatus Status, string? Outcome, bool Sent, FounderConfirmation? Confirmation);

    public sealed record RequestRow(
        int Id,
        int Version,
        string Category,
        string? Market,
        string Description,
        NeedStatus Status,
        UnmetReason? UnmetReason,
        bool RequestedByCompany,
        DateTime LoggedAt,
        DateTime LastChange,
        IReadOnlyList<ReferralLine> Referrals)
    {
        public bool CanWithdraw => RequestedByCompany && Need.IsOpenStatus(Status);
    }
}
