using System.Globalization;
using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Reports.Gaps;
using MediconGlobal.Core.Scope;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Infrastructure.Localisation;

/// <summary>
/// Taxonomy terms named in the page's language (issue 14 item 2). The read models carry a term's English name or its
/// id; its Swedish or Danish label comes from the term itself (seeded, or given by an administrator on the term form),
/// through the one label rule <see cref="TermLabels"/>, which falls back to the English name where a term has no
/// label in that language. Term names are data, so they never go through the string localiser (ADR 1401). Scoped:
/// the catalogue's index, which carries the terms, is read once per request from <see cref="CatalogueCache"/>.
/// </summary>
public sealed class TermNames(AppDbContext db, CatalogueCache catalogue)
{
    private Task<CatalogueIndex>? _index;
    private PageTerms? _terms;

    /// <summary>
    /// The catalogue's index as this request sees it, read once per request (one query for the catalogue's version,
    /// ADR 1201) and shared by the page and the term names of its view: a page that searches the catalogue and names
    /// terms reads the version once, not twice (issue 12), and names them from the very index it searched.
    /// </summary>
    public Task<CatalogueIndex> CatalogueAsync(CancellationToken cancellationToken = default) =>
        _index is { IsFaulted: false, IsCanceled: false } read ? read : _index = catalogue.GetAsync(db, cancellationToken);

    /// <summary>The terms of this request, named in its UI culture.</summary>
    public async Task<PageTerms> GetAsync(CancellationToken cancellationToken = default) =>
        _terms ??= new PageTerms((await CatalogueAsync(cancellationToken)).Terms, CultureInfo.CurrentUICulture);
}

/// <summary>The labels of the taxonomy terms in one language; see <see cref="TermNames"/>.</summary>
public sealed class PageTerms
{
    private readonly TermCatalog _terms;
    private readonly CultureInfo _culture;
    private readonly Dictionary<(TaxonomyKind, string), TermInfo> _byName = [];

    public PageTerms(TermCatalog terms, CultureInfo culture)
    {
        (_terms, _culture) = (terms, culture);
        foreach (var term in terms.All)
        {
            _byName.TryAdd((term.Kind, term.Name), term);
        }
    }

    /// <summary>The label of the term of <paramref name="kind"/> whose English name is <paramref name="name"/>; the name itself when no term has it.</summary>
    public string Of(TaxonomyKind kind, string name) => _byName.TryGetValue((kind, name), out var term) ? term.LabelIn(_culture) : name;

    /// <summary>The labels of terms given by their English names, joined with commas in the given order.</summary>
    public string Of(TaxonomyKind kind, IEnumerable<string> names) => string.Join(", ", names.Select(n => Of(kind, n)));

    /// <summary>The label of a term by id; <paramref name="fallback"/> (empty unless given) when there is no such term.</summary>
    public string Of(int id, string fallback = "") => _terms.Find(id)?.LabelIn(_culture) ?? fallback;

    /// <summary>
    /// The labels of the terms <paramref name="ids"/> in their taxonomy's order, as a form lists them, joined with
    /// <paramref name="separator"/>; ids of no term are left out (a conflict's saved values, ADR 1050).
    /// </summary>
    public string Names(IEnumerable<int> ids, string separator = ", ") =>
        string.Join(separator, ids.Select(_terms.Find).OfType<TermInfo>().OrderBy(t => t.SortOrder).ThenBy(t => t.Name, StringComparer.Ordinal).Select(Of));

    /// <summary>The label of a term given by its code (the query-string value); null when there is no such term.</summary>
    public string? OfCode(TaxonomyKind kind, string? code) => _terms.Find(kind, code)?.LabelIn(_culture);

    /// <summary>An offer format by its term (ADR 1150: the enum's terms carry its labels), else its English display name.</summary>
    public string Of(OfferFormat format) => OfCode(TaxonomyKind.Format, format.ToString()) ?? DisplayNames.Of(format);

    /// <summary>An organisation type by its term (ADR 1150), else its English display name.</summary>
    public string Of(OrganisationType type) => OfCode(TaxonomyKind.OrganisationType, type.ToString()) ?? DisplayNames.Of(type);

    /// <summary>A row or column of the gap report: its term's label, or "Not specified" through <paramref name="t"/>.</summary>
    public string Of(AxisValue value, IStringLocalizer t) => value.Id is { } id ? Of(id, value.Label) : t[value.Label].Value;

    /// <summary>
    /// A segment of the scope report: a region by its term's label, an organisation type by its term (ADR 1150), and
    /// the segments without a record ("Region not recorded") through <paramref name="t"/>.
    /// </summary>
    public string Of(ScopeSegment segment, IStringLocalizer t) => (segment.Dimension, segment.Id) switch
    {
        (ScopeDimension.Region, { } id) => Of(id, segment.Label),
        (ScopeDimension.OrganisationType, { } type) => Of((OrganisationType)type),
        _ => t[segment.Label].Value,
    };

    /// <summary>
    /// A catalogue filter's value (<see cref="FacetOption"/>): a taxonomy term or an offer format by its term's label,
    /// other values (cost, provider type) by their English <paramref name="label"/> through <paramref name="t"/>.
    /// </summary>
    public string Of(Facet facet, string code, string label, IStringLocalizer t) =>
        (facet == Facet.Format ? OfCode(TaxonomyKind.Format, code) : OfferQuery.KindOf(facet) is { } kind ? OfCode(kind, code) : null) ?? t[label].Value;

    /// <summary>The term of an id (retired ones too); null when there is none.</summary>
    public TermInfo? Find(int id) => _terms.Find(id);

    /// <summary>A term as a form's choice or a facet value names it: <see cref="TermInfo.LabelIn"/> in this language.</summary>
    public string Of(TermInfo term) => term.LabelIn(_culture);

    /// <summary>
    /// The <c>lang</c> of a term's label where it differs from the page's: "en" when the term has no label in this
    /// language and shows its English name; null otherwise, so <c>lang="@terms.LangOf(term)"</c> is left out.
    /// </summary>
    public string? LangOf(TermInfo? term) => term is null ? null : TermLabels.FallbackLanguage(_culture, term.NameSv, term.NameDa);

    /// <summary><see cref="LangOf(TermInfo)"/> of the term of <paramref name="kind"/> whose English name is <paramref name="name"/>.</summary>
    public string? LangOf(TaxonomyKind kind, string name) => LangOf(_byName.GetValueOrDefault((kind, name)));

    /// <summary><see cref="LangOf(TermInfo)"/> of a catalogue filter's value (<see cref="Of(Facet, string, string, IStringLocalizer)"/>).</summary>
    public string? LangOf(Facet facet, string code) =>
        LangOf(facet == Facet.Format ? _terms.Find(TaxonomyKind.Format, code) : OfferQuery.KindOf(facet) is { } kind ? _terms.Find(kind, code) : null);
}
