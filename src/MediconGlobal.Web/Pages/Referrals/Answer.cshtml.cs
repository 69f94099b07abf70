using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Infrastructure.Mail;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Referrals;

/// <summary>
/// The contact of an organisation without staff accounts answers a referral from the link e-mailed to them, without
/// an account (issue 11 item 7, <see cref="ReferralsByEmail"/>). The page shows what the receiving side may see
/// without the company's consent — the need, the advisor and their message, not the company — and takes one answer
/// while the referral waits. A wrong or expired link is a message (400); the advisor is told of the answer by e-mail.
/// </summary>
[AllowAnonymous]
public class AnswerModel(AppDbContext db, ReferralsByEmail byEmail, PortalMailer mailer, PortalMail portalMail, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public AnswerInput Answer { get; set; } = new();

    public Referral? Referral { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : BrokenLink();

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken cancellationToken) =>
        AnswerAsync(requireText: false, (r, by, at) => r.Accept(Trimmed(Answer.Text), by, at), "Thank you: you accepted the referral. The advisor is told and will be in touch.", cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(CancellationToken cancellationToken) =>
        AnswerAsync(requireText: true, (r, by, at) => r.Decline(Answer.Text!.Trim(), by, at), "Thank you: you declined the referral. The advisor is told, with your reason.", cancellationToken);

    private async Task<IActionResult> AnswerAsync(bool requireText, Action<Referral, Actor, DateTime> answer, string message, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return BrokenLink();
        }

        if (!this.IsValid(new AnswerInputValidator(requireText).Validate(Answer), nameof(Answer)))
        {
            return Page();
        }

        var referral = Referral!;
        if (referral.Status != ReferralStatus.Sent)
        {
            ModelState.AddModelError(string.Empty, t["This referral has been answered already; nothing was changed."].Value);
            return Page();
        }

        var result = await mailer.SaveWithMailAsync(
            () => db.SaveVersionedAsync(referral, Answer.Version, r => answer(r, Actor.ByEmailLink($"{referral.ExternalContactEmail} ({referral.ReceivingOrganisation!.Name}, by e-mail)"), clock.GetUtcNow().UtcDateTime), cancellationToken),
            id => portalMail.ReferralAnsweredAsync(id, cancellationToken),
            cancellationToken);
        if (!result.IsDone)
        {
            ModelState.AddModelError(string.Empty, t["This referral has been answered already; nothing was changed."].Value);
            return Page();
        }

        TempData["Message"] = t[message].Value;
        return RedirectToPage(new { token = Token });
    }

    /// <summary>The referral the link names, sent to an address (not answered in the portal); false when there is none.</summary>
    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (byEmail.Read(Token) is not { } id)
        {
            return false;
        }

        Referral = await db.Referrals.Include(r => r.ReceivingOrganisation).Include(r => r.Offer).Include(r => r.Need).ThenInclude(n => n!.Category)
            .Include(r => r.Need).ThenInclude(n => n!.Market).Include(r => r.Need).ThenInclude(n => n!.Company).ThenInclude(c => c!.HomeIncubator)
            .FirstOrDefaultAsync(r => r.Id == id && r.ExternalContactEmail != null, cancellationToken);
        return Referral is not null;
    }

    private PageResult BrokenLink()
    {
        Referral = null;
        ModelState.AddModelError(string.Empty, t["This link has expired or is not complete. Ask the advisor who sent the referral to send it again."].Value);
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
