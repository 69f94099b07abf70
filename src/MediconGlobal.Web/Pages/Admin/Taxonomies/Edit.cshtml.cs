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

        var validation = new TermInputValidator(Catalog, Taxonomy.Kind, existingCodes: null).Validate(Input);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState, nameof(Input));
            return Page();
        }

        db.Entry(Term).Property(x => x.Version).OriginalValue = Input.Version;
        try
        {
            Term.Relabel(Input.Name!, Input.NameSv, Input.NameDa);
            if (Taxonomy.Kind == TaxonomyKind.Market)
            {
                Term.PlaceUnder(Input.ParentId is { } parentId ? await db.TaxonomyTerms.SingleAsync(x => x.Id == parentId, cancellationToken) : null);
            }

            if (Taxonomy.Kind == TaxonomyKind.Region)
            {
                Term.CountryCode = Input.CountryCode!.Trim().ToUpperInvariant();
            }

            db.Entry(Term).State = EntityState.Modified;
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainRuleException ex)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.ParentId)}", t[ex.Message].Value);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(kind, id, cancellationToken);
            Input.Version = Term.Version;
            ModelState.Remove($"{nameof(Input)}.{nameof(Input.Version)}");
            ModelState.AddModelError(string.Empty, t[
                "{0} saved this term at {1} while you were editing. Your changes are still in the form; the saved labels are shown above it. Save again to keep yours.",
                Term.UpdatedBy ?? t["Someone"].Value, Pages.Clients.CaseLabels.When(Term.UpdatedAt)].Value);
            return Page();
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
