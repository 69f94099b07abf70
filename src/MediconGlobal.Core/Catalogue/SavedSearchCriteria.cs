using System.Web;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Notifications;

namespace MediconGlobal.Core.Catalogue;

/// <summary>
/// What a saved search asks for, in the one canonical text form it is stored in (<see cref="SavedSearch.Criteria"/>:
/// its page's query string without "?", sort and page), and which offers it finds — by running the very search the
/// founder saved: the catalogue's <see cref="OfferSearch"/> (whose facet coverage is asked of
/// <see cref="Matching.MatchingRule"/>) or the guided path's <see cref="GuidedSearch"/> (the rule itself). There is
/// no second matching implementation for alerts (issue 17 item 2, ADR 1760).
/// </summary>
public static class SavedSearchCriteria
{
    private static readonly string[] GuidedKeys = ["stage", "sector", "market", "help", "region"];

    /// <summary>The canonical criteria of a catalogue search: its words and filters; sort order and page are not part of a search.</summary>
    public static string Of(OfferQuery query) =>
        (query with { Sort = OfferSort.Relevance, Page = 1 }).ToQueryString().TrimStart('?');

    /// <summary>The canonical criteria of a guided-path answer set: the answered questions in a fixed order.</summary>
    public static string Of(GuidedAnswers answers) => string.Join("&", new[] { answers.Stage, answers.Sector, answers.Market, answers.Help, answers.Region }
        .Select((value, i) => (Key: GuidedKeys[i], Value: value?.Trim()))
        .Where(a => !string.IsNullOrEmpty(a.Value))
        .Select(a => $"{a.Key}={Uri.EscapeDataString(a.Value!)}"));

    /// <summary>Reads criteria text (from a form or the database) back into the catalogue query it stands for; unknown keys are ignored.</summary>
    public static OfferQuery QueryOf(string? criteria)
    {
        var values = HttpUtility.ParseQueryString(criteria ?? "");
        return OfferQuery.From(values["q"], OfferQuery.Facets.ToDictionary(f => f, f => values.GetValues(OfferQuery.KeyOf(f))), null, null);
    }

    /// <summary>Reads criteria text back into the guided-path answers it stands for; unknown keys are ignored.</summary>
    public static GuidedAnswers AnswersOf(string? criteria)
    {
        var values = HttpUtility.ParseQueryString(criteria ?? "");
        return new GuidedAnswers(values["stage"], values["sector"], values["market"], values["help"], values["region"]);
    }

    /// <summary>Criteria text as submitted, in canonical form (so the same search is always stored the same way).</summary>
    public static string Normalise(SavedSearchKind kind, string? criteria) =>
        kind == SavedSearchKind.Catalogue ? Of(QueryOf(criteria)) : Of(AnswersOf(criteria));

    /// <summary>
    /// Of <paramref name="offerIds"/> (offers that were published or changed), those the saved search finds now,
    /// as its page would show them: published, and matching by the one matching rule (and, for a catalogue search,
    /// every word). The catalogue index is the one the pages answer from (<paramref name="catalogue"/>).
    /// </summary>
    public static async Task<IReadOnlySet<int>> MatchingAsync(
        AppDbContext db, CatalogueCache catalogue, SavedSearchKind kind, string criteria, IReadOnlyCollection<int> offerIds, DateTime now, CancellationToken cancellationToken = default)
    {
        if (offerIds.Count == 0)
        {
            return new HashSet<int>();
        }

        var found = kind == SavedSearchKind.Catalogue
            ? (await OfferSearch.RunAsync(db, catalogue, QueryOf(criteria) with { PageSize = int.MaxValue }, now, cancellationToken)).Items.Select(o => o.Id)
            : await GuidedSearch.OfferIdsAsync(db, AnswersOf(criteria), now, catalogue, cancellationToken);
        return found.Where(offerIds.Contains).ToHashSet();
    }
}
