using System.ComponentModel.DataAnnotations;
using FluentValidation;
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

namespace MediconGlobal.Web.Pages.Clients.Needs;

/// <summary>Logs an internationalisation need for a client; the need's page then shows the matching offers.</summary>
[Authorize(Policy = Policies.Advising)]
public class NewModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public NeedInput Input { get; set; } = new();

    public int CompanyId { get; private set; }

    public string CompanyName { get; private set; } = "";

    public bool SharesData { get; private set; }

    public TermOptions Options { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(int companyId, CancellationToken cancellationToken) =>
        await LoadAsync(companyId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int companyId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(companyId, cancellationToken))
        {
            return NotFound();
        }

        if (!this.IsValid(new NeedInputValidator().Validate(Input), nameof(Input)))
        {
            return Page();
        }

        var result = await new NeedWorkflow(db, clock).LogAsync(User.ToViewer(), companyId, new NewNeed(Input.CategoryId, Input.MarketId, Input.Description, Input.Priority), User.ToActor(), cancellationToken);
        if (this.Handle(result) is { } failure)
        {
            return failure;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        TempData["Message"] = t["The need is logged. Here are the offers that match it."].Value;
        return RedirectToPage("/Clients/Needs/Details", new { companyId, needId = result.Id });
    }

    private async Task<bool> LoadAsync(int companyId, CancellationToken cancellationToken)
    {
        var company = await db.Companies.AsNoTracking().VisibleTo(User.ToViewer()).Where(c => c.Id == companyId)
            .Select(c => new { c.Id, c.Name, c.SharesDataWithPartners }).FirstOrDefaultAsync(cancellationToken);
        if (company is null)
        {
            return false;
        }

        (CompanyId, CompanyName, SharesData) = (company.Id, company.Name, company.SharesDataWithPartners);
        Options = await TermOptions.LoadAsync(db, t, cancellationToken);
        return true;
    }
}

public sealed class NeedInput
{
    public int CategoryId { get; set; }

    public int? MarketId { get; set; }

    [DataType(DataType.MultilineText)]
    public string Description { get; set; } = "";

    public NeedPriority Priority { get; set; } = NeedPriority.Medium;
}

public sealed class NeedInputValidator : AbstractValidator<NeedInput>
{
    public NeedInputValidator()
    {
        RuleFor(i => i.CategoryId).GreaterThan(0).WithMessage("Choose the kind of help the company needs.");
        RuleFor(i => i.Description).NotEmpty().WithMessage("Describe the need in a sentence or two.").MaximumLength(Need.DescriptionMaxLength);
        RuleFor(i => i.Priority).IsInEnum().WithMessage("Choose a priority.");
    }
}
