using MediconGlobal.Core.Clients;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Infrastructure.Mail;
using MediconGlobal.Web.Pages.Shared;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.MyCompany;

/// <summary>
/// A founder sees their company as the incubator holds it (issue 17 item 5): the profile without the advisors'
/// internal notes, the consent recorded on the company's behalf — which the founder can withdraw, at once — and the
/// corrections they proposed with the advisors' answers. Withdrawals and proposals are e-mailed to the company's
/// advisors through the outbox in the same transaction, and appear in their notifications (ADR 1702).
/// </summary>
[Authorize(Policy = Policies.Founder)]
public class IndexModel(AppDbContext db, TimeProvider clock, PortalMailer mailer, CompanyMail mail, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public WithdrawalInput Withdrawal { get; set; } = new();

    [BindProperty]
    public ProposalInput Proposal { get; set; } = new();

    public CompanyView Company { get; private set; } = null!;

    public IReadOnlyList<CompanyCorrectionLine> Corrections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : Forbid();

    public async Task<IActionResult> OnPostWithdrawConsentAsync(CancellationToken cancellationToken)
    {
        if (User.GetCompanyId() is not { } companyId)
        {
            return Forbid();
        }

        if (this.IsValid(new WithdrawalInputValidator().Validate(Withdrawal), nameof(Withdrawal)))
        {
            var result = await mailer.SaveWithMailAsync(
                () => new CompanyRecords(db, clock).WithdrawConsentAsync(User.ToViewer(), companyId, Withdrawal.Version, Withdrawal.Reason, User.ToActor(), cancellationToken),
                id => mail.ConsentWithdrawnAsync(id, cancellationToken),
                cancellationToken);
            if (this.Handle(result) is { } failure)
            {
                return failure;
            }

            if (result.IsDone)
            {
                TempData["Message"] = t["Your consent is withdrawn. Partner organisations no longer see who your company is."].Value;
                return RedirectToPage("/MyCompany/Index", null, null, "consent");
            }

            if (result.Outcome == CommandOutcome.Conflict)
            {
                // Someone (an advisor, or the founder in another tab) changed the company first; a founder is not told who.
                db.ChangeTracker.Clear();
                var shares = await db.Companies.Where(c => c.Id == companyId).Select(c => c.SharesDataWithPartners).SingleAsync(cancellationToken);
                await this.ShowActionConflictAsync(await SavedVersion.LoadAsync(db.Companies, companyId, cancellationToken) with { By = null }, t[shares ? "Given" : "Withdrawn"].Value);
            }
        }

        db.ChangeTracker.Clear();
        return await LoadAsync(cancellationToken) ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostProposeAsync(CancellationToken cancellationToken)
    {
        if (User.GetCompanyId() is not { } companyId)
        {
            return Forbid();
        }

        if (this.IsValid(new ProposalInputValidator().Validate(Proposal), nameof(Proposal)))
        {
            var result = await mailer.SaveWithMailAsync(
                () => new CompanyCorrections(db, clock).ProposeAsync(User.ToViewer(), companyId, Proposal.Message, User.ToActor(), cancellationToken),
                _ => mail.CorrectionProposedAsync(companyId, cancellationToken),
                cancellationToken);
            if (this.Handle(result) is { } failure)
            {
                return failure;
            }

            TempData["Message"] = t["Thank you. Your advisors will look at your proposed correction."].Value;
            return RedirectToPage("/MyCompany/Index", null, null, "corrections");
        }

        return await LoadAsync(cancellationToken) ? Page() : Forbid();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        if (viewer.CompanyId is not { } companyId
            || await CompanyView.LoadAsync(db, viewer, companyId, clock.GetUtcNow().UtcDateTime, cancellationToken) is not { } company)
        {
            return false;
        }

        Company = company;
        Corrections = await new CompanyCorrections(db, clock).ListAsync(viewer, companyId, cancellationToken);
        this.SetVersion(nameof(Withdrawal), company.Version);
        return true;
    }
}
