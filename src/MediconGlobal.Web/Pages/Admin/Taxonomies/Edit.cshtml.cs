using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Admin.Taxonomies;

/// <summary>Relabel a term (English, Swedish, Danish) and, for markets, place it under another market. The code is fixed.</summary>
[Authorize(Policy = Policies.Administration)]
public class EditModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public TermInput Input { get; set; } = new();

    public TaxonomyInfo Taxonomy { get; private set; } = null!;

    public TaxonomyTerm Term { get; private set; } = null!;

    public TermCatalog Catalog { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string kind, int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(kind, id, cancellationToken))
        {
            return NotFound();
        }

        Input = TermInput.From(Term);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string kind, int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(kind, id, cancellationToken))
        {
            return NotFound();
        }

        if (!this.IsValid(new TermInputValidator(Catalog, Taxonomy.Kind, existingCodes: null).Validate(Input), nameof(Input)))
        {
            return Page();
        }

        var parent = Input.ParentId is { } parentId && Taxonomy.Kind == TaxonomyKind.Market ? await db.TaxonomyTerms.SingleAsync(x => x.Id == parentId, cancellationToken) : null;
        var result = await db.SaveVersionedAsync(Term, Input.Version, term =>
        {
            term.Relabel(Input.Name!, Input.NameSv, Input.NameDa);
            if (Taxonomy.Kind == TaxonomyKind.Market)
            {
                term.PlaceUnder(parent);
            }

            if (Taxonomy.Kind == TaxonomyKind.Region)
            {
                term.CountryCode = Input.CountryCode!.Trim().ToUpperInvariant();
            }
        }, cancellationToken);
        switch (result.Outcome)
        {
            case CommandOutcome.Refused:
                ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.ParentId)}", t[result.Message!].Value);
                return Page();
            case CommandOutcome.Conflict:
                db.ChangeTracker.Clear();
                await LoadAsync(kind, id, cancellationToken);
                await this.ShowConflictAsync(nameof(Input), Input.Describe(Catalog), TermInput.From(Term).Describe(Catalog), SavedVersion.Of(Term));
                return Page();
            default:
                break;
        }

        TempData["Message"] = t["Saved “{0}”.", Term.Name].Value;
        return RedirectToPage("Terms", new { kind = Taxonomy.Slug });
    }

    private async Task<bool> LoadAsync(string kind, int id, CancellationToken cancellationToken)
    {
        if (TaxonomyKinds.FromSlug(kind) is not { } taxonomy
            || await db.TaxonomyTerms.Include(x => x.Parent).FirstOrDefaultAsync(x => x.Id == id && x.Kind == taxonomy.Kind, cancellationToken) is not { } term)
        {
            return false;
        }

        (Taxonomy, Term) = (taxonomy, term);
        Catalog = await TermCatalog.LoadAsync(db, cancellationToken);
        return true;
    }
}
