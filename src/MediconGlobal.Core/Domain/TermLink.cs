namespace MediconGlobal.Core.Domain;

/// <summary>
/// A row that belongs to one entity's state and is edited with it: a taxonomy link, a contact, a programme
/// partner or indicator, a consent record. Adding, changing or removing it is a change of the owner, so the
/// save interceptor bumps the owner's <see cref="Entity.Version"/> and a save against an older version is a
/// conflict even when only such rows changed (issue 10 item 4; docs/decisions/1050).
/// </summary>
/// <typeparam name="TOwner">The entity whose version guards this row.</typeparam>
public interface IPartOf<TOwner>
    where TOwner : Entity;

/// <summary>A link from an entity to a taxonomy term: an offer's markets, an organisation's expertise, a company's target markets.</summary>
public interface ITermLink
{
    int TermId { get; }

    TaxonomyTerm? Term { get; }
}

/// <summary>
/// The one way taxonomy links are replaced, shared by offers, organisations and companies (STYLE: collections
/// belong to their entity). Links that stay are kept, so EF Core deletes and inserts only what changed.
/// </summary>
internal static class TermLinks
{
    /// <summary>
    /// Makes the links of <paramref name="kind"/> exactly <paramref name="terms"/>; links of other kinds are left
    /// alone. Every existing link's <see cref="ITermLink.Term"/> must be loaded (its kind decides whether it is
    /// replaced), and every term must be of <paramref name="kind"/>; both are programming errors otherwise.
    /// </summary>
    public static void Replace<TLink>(List<TLink> links, TaxonomyKind kind, IEnumerable<TaxonomyTerm> terms, Func<TaxonomyTerm, TLink> link)
        where TLink : class, ITermLink
    {
        var wanted = terms.Distinct().ToList();
        if (wanted.FirstOrDefault(t => t.Kind != kind) is { } wrong)
        {
            throw new ArgumentException($"The term {wrong.Code} is a {wrong.Kind}, not a {kind}.", nameof(terms));
        }

        if (links.Any(l => l.Term is null))
        {
            throw new InvalidOperationException("Load the links' terms (Include(x => x.Terms).ThenInclude(t => t.Term)) before replacing them.");
        }

        static bool Same(TLink existing, TaxonomyTerm term) => ReferenceEquals(existing.Term, term) || (term.Id != 0 && existing.TermId == term.Id);
        links.RemoveAll(existing => existing.Term!.Kind == kind && !wanted.Any(w => Same(existing, w)));
        links.AddRange(wanted.Where(w => !links.Any(existing => Same(existing, w))).Select(link));
    }
}
