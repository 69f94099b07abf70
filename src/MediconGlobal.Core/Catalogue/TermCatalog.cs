using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Matching;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Catalogue;

/// <summary>A taxonomy term as pages need it; <see cref="Name"/> is the English label (see <see cref="LabelIn"/>).</summary>
/// <param name="Labels">Every name of the term (<see cref="TaxonomyTerm.Labels"/>), for search; <see cref="LabelIn"/> gives the one shown.</param>
public sealed record TermInfo(int Id, TaxonomyKind Kind, string Code, string Name, int? ParentId, bool IsAgnostic, int SortOrder, string? CountryCode, IReadOnlyList<string> Labels, string? NameSv = null, string? NameDa = null, bool IsRetired = false)
{
    public TermInfo(int id, TaxonomyKind kind, string code, string name, int? parentId = null, bool isAgnostic = false, int sortOrder = 0, string? countryCode = null)
        : this(id, kind, code, name, parentId, isAgnostic, sortOrder, countryCode, [name])
    {
    }

    /// <summary>The label in <paramref name="culture"/>, through the one label rule (<see cref="TermLabels"/>).</summary>
    public string LabelIn(System.Globalization.CultureInfo culture) => TermLabels.Pick(culture, Name, NameSv, NameDa);
}

/// <summary>All taxonomy terms in memory (a few dozen rows): names for display, codes for query strings, the market hierarchy.</summary>
public sealed class TermCatalog
{
    private readonly Dictionary<int, TermInfo> _byId;
    private readonly Dictionary<(TaxonomyKind, string), TermInfo> _byCode;

    public TermCatalog(IEnumerable<TermInfo> terms)
    {
        var list = terms.OrderBy(t => t.Kind).ThenBy(t => t.SortOrder).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();
        _byId = list.ToDictionary(t => t.Id);
        _byCode = list.ToDictionary(t => (t.Kind, t.Code.ToLowerInvariant()));
        Markets = new MarketHierarchy(
            list.Where(t => t.Kind == TaxonomyKind.Market).ToDictionary(t => t.Id, t => t.ParentId),
            list.Where(t => t.Kind == TaxonomyKind.Market && t.IsAgnostic).Select(t => t.Id).ToHashSet());
        All = list;
    }

    public IReadOnlyList<TermInfo> All { get; }

    public MarketHierarchy Markets { get; }

    /// <summary>Loads whole terms (a few dozen rows) so every label the entity has comes along.</summary>
    public static async Task<TermCatalog> LoadAsync(AppDbContext db, CancellationToken cancellationToken = default) =>
        new((await db.TaxonomyTerms.AsNoTracking().ToListAsync(cancellationToken))
            .Select(t => new TermInfo(t.Id, t.Kind, t.Code, t.Name, t.ParentId, t.IsAgnostic, t.SortOrder, t.CountryCode, t.Labels.ToList(), t.NameSv, t.NameDa, t.IsRetired)));

    public IEnumerable<TermInfo> OfKind(TaxonomyKind kind) => All.Where(t => t.Kind == kind);

    /// <summary>
    /// The terms a form offers for a new choice: those not retired, plus retired ones the record already has
    /// (<paramref name="kept"/>), so editing an old record never silently drops its values.
    /// </summary>
    public IEnumerable<TermInfo> ChoicesOf(TaxonomyKind kind, IEnumerable<int>? kept = null)
    {
        var keep = kept?.ToHashSet() ?? [];
        return OfKind(kind).Where(t => !t.IsRetired || keep.Contains(t.Id));
    }

    /// <summary>True when every id is a term of <paramref name="kind"/> a form may offer (see <see cref="ChoicesOf"/>).</summary>
    public bool AreChoices(IEnumerable<int> ids, TaxonomyKind kind, IEnumerable<int>? kept = null)
    {
        var keep = kept?.ToHashSet() ?? [];
        return ids.All(id => Find(id) is { } term && term.Kind == kind && (!term.IsRetired || keep.Contains(id)));
    }

    public TermInfo? Find(int id) => _byId.GetValueOrDefault(id);

    public TermInfo? Find(TaxonomyKind kind, string? code) => code is null ? null : _byCode.GetValueOrDefault((kind, code.Trim().ToLowerInvariant()));

    public string NameOf(int id) => _byId.TryGetValue(id, out var term) ? term.Name : "";

    /// <summary>Names of the given terms in taxonomy order.</summary>
    public IReadOnlyList<string> NamesOf(IEnumerable<int> ids) =>
        ids.Select(Find).OfType<TermInfo>().OrderBy(t => t.SortOrder).Select(t => t.Name).ToList();
}
