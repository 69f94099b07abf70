using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Import;

/// <summary>
/// What import rows refer to, loaded once per file: taxonomy terms (by code or name), organisations and
/// programmes (by name, case-insensitively). Organisations and programmes are tracked so accepted rows can change them.
/// </summary>
internal sealed class ImportLookups
{
    private readonly Dictionary<(TaxonomyKind, string), TaxonomyTerm> _terms = [];
    private ILookup<string, Organisation> _organisations = Array.Empty<Organisation>().ToLookup(o => Key(o.Name));
    private ILookup<string, Programme> _programmes = Array.Empty<Programme>().ToLookup(p => Key(p.Name));

    public static async Task<ImportLookups> LoadAsync(AppDbContext db, ImportKind kind, CancellationToken cancellationToken)
    {
        var lookups = new ImportLookups();
        foreach (var term in await db.TaxonomyTerms.ToListAsync(cancellationToken))
        {
            lookups._terms.TryAdd((term.Kind, Key(term.Code)), term);
            lookups._terms.TryAdd((term.Kind, Key(term.Name)), term);
        }

        IQueryable<Organisation> organisations = kind == ImportKind.Organisations
            ? db.Organisations.Include(o => o.Terms).ThenInclude(t => t.Term)
            : db.Organisations;
        lookups._organisations = (await organisations.ToListAsync(cancellationToken)).ToLookup(o => Key(o.Name));
        IQueryable<Programme> programmes = kind == ImportKind.Programmes
            ? db.Programmes.Include(p => p.Partners).ThenInclude(p => p.Organisation).Include(p => p.Indicators)
            : db.Programmes;
        lookups._programmes = (await programmes.ToListAsync(cancellationToken)).ToLookup(p => Key(p.Name));
        return lookups;
    }

    public static string Key(string name) => string.Join(' ', name.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    public TaxonomyTerm? Term(TaxonomyKind kind, string codeOrName) => _terms.GetValueOrDefault((kind, Key(codeOrName)));

    public IReadOnlyList<Organisation> Organisations(string name) => _organisations[Key(name)].ToList();

    public IReadOnlyList<Programme> Programmes(string name) => _programmes[Key(name)].ToList();
}
