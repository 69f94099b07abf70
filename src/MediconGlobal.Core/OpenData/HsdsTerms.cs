using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Domain;

namespace MediconGlobal.Core.OpenData;

/// <summary>A term an HSDS taxonomy_term_id can point at: a taxonomy term row, or a value of one of the portal's enums.</summary>
public abstract record HsdsTermRef
{
    public sealed record Stored(int TermId) : HsdsTermRef;

    public sealed record Format(OfferFormat Value) : HsdsTermRef;

    public sealed record Cost(CostType Value) : HsdsTermRef;

    public sealed record ProviderType(OrganisationType Value) : HsdsTermRef;

    /// <summary>An offer's "what happens next" (<see cref="Domain.NextStep"/>, ADR 1791).</summary>
    public sealed record NextStep(Domain.NextStep Value) : HsdsTermRef;
}

/// <summary>A taxonomy an HSDS taxonomy_id can point at: a stored kind of term, or one every service carries a term of.</summary>
public abstract record HsdsTaxonomyRef
{
    public sealed record Stored(TaxonomyKind Kind) : HsdsTaxonomyRef;

    /// <summary>Offer formats, cost types, organisation types and next steps: every service has exactly one of each.</summary>
    public sealed record Everywhere : HsdsTaxonomyRef;
}

/// <summary>
/// The portal's taxonomies as HSDS taxonomies and terms: the six stored taxonomies (regions, markets, stages,
/// sectors, support categories, languages) plus offer formats, cost types, organisation types and next steps.
/// </summary>
public sealed class HsdsTerms
{
    private const int FormatTaxonomy = 101;
    private const int CostTaxonomy = 102;
    private const int OrganisationTypeTaxonomy = 103;
    private const int NextStepTaxonomy = 104;

    private static readonly Dictionary<TaxonomyKind, (string Name, string Description)> StoredTaxonomies = new()
    {
        [TaxonomyKind.Region] = ("ÖKS regions", "The 14 regions of the Öresund–Kattegat–Skagerrak area in Denmark, Sweden and Norway."),
        [TaxonomyKind.Market] = ("Target markets", "Markets a company wants to enter; sub-markets (Massachusetts / Boston) sit under their country."),
        [TaxonomyKind.Stage] = ("Development stages", "A life-science company's development stage, from idea to scale-up."),
        [TaxonomyKind.Sector] = ("Life-science sectors", "The life-science sector a company works in."),
        [TaxonomyKind.SupportCategory] = ("Support categories", "The kind of internationalisation help an offer gives."),
        [TaxonomyKind.Language] = ("Languages", "Languages an offer is given in."),
    };

    private readonly TermCatalog _catalog;
    private readonly Dictionary<string, HsdsTermRef> _byId = [];
    private readonly Dictionary<HsdsTermRef, HsdsTaxonomyTerm> _terms = [];

    public HsdsTerms(TermCatalog catalog)
    {
        _catalog = catalog;
        var taxonomies = new List<HsdsTaxonomy>();
        foreach (var (kind, (name, description)) in StoredTaxonomies)
        {
            var taxonomy = new HsdsTaxonomy(HsdsIds.Of(HsdsKind.Taxonomy, (int)kind + 1), $"MediconGlobal {name}", description, Version: "1");
            taxonomies.Add(taxonomy);
            foreach (var term in catalog.OfKind(kind))
            {
                var parent = term.ParentId is { } p ? HsdsIds.Of(HsdsKind.TaxonomyTerm, p) : null;
                Add(new HsdsTermRef.Stored(term.Id), new HsdsTaxonomyTerm(HsdsIds.Of(HsdsKind.TaxonomyTerm, term.Id), term.Code, term.Name, term.Name, parent, taxonomy.Name, taxonomy.Id));
            }
        }

        taxonomies.Add(AddEnum(FormatTaxonomy, "Offer formats", "How an offer is delivered.", Enum.GetValues<OfferFormat>(), v => new HsdsTermRef.Format(v), DisplayNames.Of));
        taxonomies.Add(AddEnum(CostTaxonomy, "Cost types", "Whether an offer is free, subsidised or paid.", Enum.GetValues<CostType>(), v => new HsdsTermRef.Cost(v), DisplayNames.Of));
        taxonomies.Add(AddEnum(OrganisationTypeTaxonomy, "Organisation types", "The kind of organisation behind an offer.", Enum.GetValues<OrganisationType>(), v => new HsdsTermRef.ProviderType(v), DisplayNames.Of));
        taxonomies.Add(AddEnum(NextStepTaxonomy, "Next steps", "Who makes the first move after a company applies or is referred. An attribute's value is the usual number of working days until it happens when the provider states one, otherwise the term's name.", Enum.GetValues<Domain.NextStep>(), v => new HsdsTermRef.NextStep(v), DisplayNames.Of));
        Taxonomies = taxonomies;
    }

    public IReadOnlyList<HsdsTaxonomy> Taxonomies { get; }

    public IEnumerable<HsdsTaxonomyTerm> Terms => _terms.Values;

    public HsdsTermRef? Resolve(string? id) => id is not null && _byId.TryGetValue(id.Trim().ToLowerInvariant(), out var term) ? term : null;

    public HsdsTaxonomyTerm Term(HsdsTermRef term) => _terms[term];

    /// <summary>The taxonomy an HSDS taxonomy id names, or null for an id that is not one of the portal's.</summary>
    public HsdsTaxonomyRef? TaxonomyKindOf(string id)
    {
        foreach (var kind in StoredTaxonomies.Keys)
        {
            if (string.Equals(HsdsIds.Of(HsdsKind.Taxonomy, (int)kind + 1), id.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return new HsdsTaxonomyRef.Stored(kind);
            }
        }

        return Taxonomies.Any(t => string.Equals(t.Id, id.Trim(), StringComparison.OrdinalIgnoreCase)) ? new HsdsTaxonomyRef.Everywhere() : null;
    }

    public TaxonomyKind? KindOf(int termId) => _catalog.Find(termId)?.Kind;

    /// <summary>An attribute linking a service, organisation or programme to a term; its value is <paramref name="value"/>, or the term's name.</summary>
    public HsdsAttribute Attribute(HsdsKind linkKind, int linkId, HsdsTermRef term, string linkType, string? value = null)
    {
        var hsdsTerm = _terms[term];
        var termKey = term switch
        {
            HsdsTermRef.Stored s => s.TermId,
            HsdsTermRef.Format f => (FormatTaxonomy << 16) | (int)f.Value,
            HsdsTermRef.Cost c => (CostTaxonomy << 16) | (int)c.Value,
            HsdsTermRef.ProviderType t => (OrganisationTypeTaxonomy << 16) | (int)t.Value,
            HsdsTermRef.NextStep n => (NextStepTaxonomy << 16) | (int)n.Value,
            _ => 0,
        };
        var linkEntity = linkKind switch
        {
            HsdsKind.Service => "service",
            HsdsKind.Organization => "organization",
            _ => "program",
        };
        return new HsdsAttribute(HsdsIds.Of(HsdsKind.Attribute, linkId, ((long)linkKind << 40) | (uint)termKey), HsdsIds.Of(linkKind, linkId),
            hsdsTerm.Id, linkType, linkEntity, value ?? hsdsTerm.Name, hsdsTerm);
    }

    private HsdsTaxonomy AddEnum<T>(int number, string name, string description, IEnumerable<T> values, Func<T, HsdsTermRef> reference, Func<T, string> label)
        where T : struct, Enum
    {
        var taxonomy = new HsdsTaxonomy(HsdsIds.Of(HsdsKind.Taxonomy, number), $"MediconGlobal {name}", description, Version: "1");
        foreach (var value in values)
        {
            var code = value.ToString();
            Add(reference(value), new HsdsTaxonomyTerm(HsdsIds.Of(HsdsKind.EnumTerm, number, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)), code, label(value), label(value), null, taxonomy.Name, taxonomy.Id));
        }

        return taxonomy;
    }

    private void Add(HsdsTermRef reference, HsdsTaxonomyTerm term)
    {
        _terms[reference] = term;
        _byId[term.Id] = reference;
    }
}
