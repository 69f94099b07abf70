using System.ComponentModel.DataAnnotations;
using FluentValidation;
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

namespace MediconGlobal.Web.Pages.MyRequests;

/// <summary>
/// A founder asks for help. Offer pages and the guided path link here through <c>Shared/_RequestHelp</c> with
/// <c>?offerId=&amp;categoryId=&amp;marketId=</c> (taxonomy codes work too: <c>?category=legal&amp;market=usa</c>).
/// The request becomes a need on the founder's company that the home incubator's advisors see and act on.
/// </summary>
[Authorize(Policy = Policies.Founder)]
public class NewModel(AppDbContext db, TimeProvider clock, PortalMailer mailer, PortalMail portalMail, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public RequestInput Input { get; set; } = new();

    public TermOptions Options { get; private set; } = new();

    public string? OfferName { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? offerId, int? categoryId, int? marketId, string? category, string? market, CancellationToken cancellationToken)
    {
        if (User.GetCompanyId() is null)
        {
            return Forbid();
        }

        Input.OfferId = offerId;
        var offer = offerId is null ? null : await db.Offers.AsNoTracking().Published().Where(o => o.Id == offerId)
            .Select(o => new { o.Name, o.CategoryId }).FirstOrDefaultAsync(cancellationToken);
        Input.CategoryId = offer?.CategoryId ?? categoryId ?? await TermIdAsync(TaxonomyKind.SupportCategory, category, cancellationToken) ?? 0;
        Input.MarketId = marketId ?? await TermIdAsync(TaxonomyKind.Market, market, cancellationToken);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.GetCompanyId() is not { } companyId)
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        if (!this.IsValid(new RequestInputValidator().Validate(Input), nameof(Input)))
        {
            return Page();
        }

        var request = new NewNeed(Input.CategoryId, Input.MarketId, Input.Description, NeedPriority.Medium, RequestedByCompany: true, RequestedOfferId: Input.OfferId);
        var result = await mailer.SaveWithMailAsync(
            () => new NeedWorkflow(db, clock).LogAsync(User.ToViewer(), companyId, request, User.ToActor(), cancellationToken),
            needId => portalMail.HelpRequestedAsync(needId, cancellationToken),
            cancellationToken);
        if (this.Handle(result) is { } failure)
        {
            return failure;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        TempData["Message"] = t["Thank you. Your request is with your incubator's advisors; follow it here."].Value;
        return RedirectToPage("/MyRequests/Index");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Options = await TermOptions.LoadAsync(db, t, cancellationToken);
        OfferName = Input.OfferId is { } offerId
            ? await db.Offers.AsNoTracking().Published().Where(o => o.Id == offerId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
    }

    private async Task<int?> TermIdAsync(TaxonomyKind kind, string? code, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(code) ? null
            : await db.TaxonomyTerms.AsNoTracking().Where(t => t.Kind == kind && t.Code == code).Select(t => (int?)t.Id).FirstOrDefaultAsync(cancellationToken);
}

public sealed class RequestInput
{
    public int CategoryId { get; set; }

    public int? MarketId { get; set; }

    [DataType(DataType.MultilineText)]
    public string Description { get; set; } = "";

    /// <summary>The offer the founder was looking at, if any.</summary>
    public int? OfferId { get; set; }
}

public sealed class RequestInputValidator : AbstractValidator<RequestInput>
{
    public RequestInputValidator()
    {
        RuleFor(i => i.CategoryId).GreaterThan(0).WithMessage("Choose the kind of help you need.");
        RuleFor(i => i.Description).NotEmpty().WithMessage("Tell your advisors in a sentence or two what you need.").MaximumLength(Need.DescriptionMaxLength);
    }
}
