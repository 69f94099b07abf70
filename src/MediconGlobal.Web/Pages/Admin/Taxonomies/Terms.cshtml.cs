using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Core.Taxonomies;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Admin.Taxonomies;

/// <summary>
/// The terms of one taxonomy with how many records use each: add a term, move it up or down, retire or reinstate
/// it. Terms are never deleted (ADR 1150). Relabelling is on <see cref="EditModel"/>.
/// </summary>
[Authorize(Policy = Policies.Administration)]
public class TermsModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public TermInput Input { get; set; } = new();

    public TaxonomyInfo Taxonomy { get; private set; } = null!;

    public TermCatalog Catalog { get; private set; } = null!;

    public IReadOnlyList<TermInfo> Terms { get; private set; } = [];

    public IReadOnlyDictionary<int, TermUse> Usage { get; private set; } = new Dictionary<int, TermUse>();

    public async Task<IActionResult> OnGetAsync(string kind, CancellationToken cancellationToken) =>
        await LoadAsync(kind, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(string kind, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(kind, cancellationToken))
        {
            return NotFound();
        }

        if (Taxonomy.IsEnumBacked)
        {
            return BadRequest();
        }

        if (!this.IsValid(new TermInputValidator(Catalog, Taxonomy.Kind, Terms.Select(x => x.Code).ToList()).Validate(Input), nameof(Input)))
        {
            return Page();
        }

        var order = Terms.Select(x => x.SortOrder).DefaultIfEmpty(0).Max() + 1;
        if (Input.ParentId is { } under)
        {
            // A sub-market goes right after its parent and the parent's other sub-markets, so every list in the
            // taxonomy's order (this table, the forms' choices, the catalogue's facets) shows it under its parent.
            order = Terms.Where(x => x.Id == under || x.ParentId == under).Max(x => x.SortOrder) + 1;
            foreach (var later in await db.TaxonomyTerms.Where(x => x.Kind == Taxonomy.Kind && x.SortOrder >= order).ToListAsync(cancellationToken))
            {
                later.SortOrder++;
            }
        }

        var term = new TaxonomyTerm(Taxonomy.Kind, Input.Code!.Trim().ToLowerInvariant(), Input.Name!.Trim(), order)
        {
            CountryCode = Taxonomy.Kind == TaxonomyKind.Region ? Input.CountryCode!.Trim().ToUpperInvariant() : null,
        };
        term.Relabel(Input.Name, Input.NameSv, Input.NameDa);
        if (Input.ParentId is { } parentId)
        {
            term.PlaceUnder(await db.TaxonomyTerms.SingleAsync(x => x.Id == parentId, cancellationToken));
        }

        db.TaxonomyTerms.Add(term);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone added the same code a moment ago: the unique index refuses it.
            db.ChangeTracker.Clear();
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Code)}", t["That code is already used in this taxonomy; codes never change, so choose another."].Value);
            await LoadAsync(kind, cancellationToken);
            return Page();
        }

        TempData["Message"] = t["Added “{0}”.", term.Name].Value;
        return RedirectToPage("Terms", new { kind = Taxonomy.Slug });
    }

    public Task<IActionResult> OnPostUpAsync(string kind, int id, CancellationToken cancellationToken) => MoveAsync(kind, id, -1, cancellationToken);

    public Task<IActionResult> OnPostDownAsync(string kind, int id, CancellationToken cancellationToken) => MoveAsync(kind, id, +1, cancellationToken);

    public Task<IActionResult> OnPostRetireAsync(string kind, int id, CancellationToken cancellationToken) =>
        ChangeAsync(kind, id, term => term.Retire(clock.GetUtcNow().UtcDateTime), "Retired “{0}”. Forms no longer offer it; records that have it keep it.", cancellationToken);

    public Task<IActionResult> OnPostReinstateAsync(string kind, int id, CancellationToken cancellationToken) =>
        ChangeAsync(kind, id, term => term.Reinstate(), "“{0}” is offered on forms again.", cancellationToken);

    private async Task<IActionResult> ChangeAsync(string kind, int id, Action<TaxonomyTerm> change, string message, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            // The buttons post only the term's id; one that cannot be read was not sent by this page.
            return BadRequest();
        }

        if (TaxonomyKinds.FromSlug(kind) is not { } taxonomy || await db.TaxonomyTerms.FirstOrDefaultAsync(x => x.Id == id && x.Kind == taxonomy.Kind, cancellationToken) is not { } term)
        {
            return NotFound();
        }

        try
        {
            change(term);
            await db.SaveChangesAsync(cancellationToken);
            TempData["Message"] = t[message, term.Name].Value;
        }
        catch (DomainRuleException ex)
        {
            TempData["Message"] = t[ex.Message].Value;
        }

        return RedirectToPage("Terms", new { kind = taxonomy.Slug });
    }

    /// <summary>Swaps the term with its neighbour; terms that share a place are numbered first so the move is visible.</summary>
    private async Task<IActionResult> MoveAsync(string kind, int id, int step, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        if (TaxonomyKinds.FromSlug(kind) is not { } taxonomy)
        {
            return NotFound();
        }

        var terms = await db.TaxonomyTerms.Where(x => x.Kind == taxonomy.Kind).OrderBy(x => x.SortOrder).ThenByName(x => x.Name, db).ToListAsync(cancellationToken);
        var index = terms.FindIndex(x => x.Id == id);
        if (index < 0)
        {
            return NotFound();
        }

        var other = index + step;
        if (other >= 0 && other < terms.Count)
        {
            (terms[index], terms[other]) = (terms[other], terms[index]);
            var first = terms.Min(x => x.SortOrder);
            for (var i = 0; i < terms.Count; i++)
            {
                terms[i].SortOrder = first + i;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return RedirectToPage("Terms", null, new { kind = taxonomy.Slug }, $"term-{id}");
    }

    private async Task<bool> LoadAsync(string kind, CancellationToken cancellationToken)
    {
        if (TaxonomyKinds.FromSlug(kind) is not { } taxonomy)
        {
            return false;
        }

        Taxonomy = taxonomy;
        Catalog = await TermCatalog.LoadAsync(db, cancellationToken);
        Terms = Catalog.OfKind(taxonomy.Kind).ToList();
        Usage = await TermUsage.CountAsync(db, taxonomy.Kind, cancellationToken);
        return true;
    }
}
