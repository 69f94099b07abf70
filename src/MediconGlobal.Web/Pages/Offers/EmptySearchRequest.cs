using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Catalogue.FoundNothing;
using MediconGlobal.Core.Domain;

namespace MediconGlobal.Web.Pages.Offers;

/// <summary>
/// Which searches that found nothing are counted (ADR 1779) and what is taken from them: only a person's GET — not
/// HEAD, not a browser's prefetch or prerender, not a self-declared crawler — and only the first page. Nothing about
/// the request itself (address, account, cookies, session) is taken, signed in or not.
/// </summary>
public static class EmptySearchRequest
{
    private static readonly string[] CrawlerMarks = ["bot", "crawl", "spider", "slurp", "facebookexternalhit", "preview"];

    /// <summary>Whether the request is a person's search: a GET that is no prefetch and no crawler's.</summary>
    public static bool IsCounted(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = request.Headers;
        var purpose = $"{headers["Sec-Purpose"]} {headers["Purpose"]} {headers["X-Purpose"]} {headers["X-Moz"]}";
        var agent = headers.UserAgent.ToString();
        return HttpMethods.IsGet(request.Method)
            && !purpose.Contains("prefetch", StringComparison.OrdinalIgnoreCase)
            && !purpose.Contains("prerender", StringComparison.OrdinalIgnoreCase)
            && !purpose.Contains("preview", StringComparison.OrdinalIgnoreCase)
            && agent.Length > 0
            && !CrawlerMarks.Any(mark => agent.Contains(mark, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A catalogue search as it is counted: its words and the gap dimensions' facets (null when not to be counted).</summary>
    public static EmptySearch? Of(OfferQuery query, TermCatalog terms)
    {
        ArgumentNullException.ThrowIfNull(query);
        var chosen = new Dictionary<TaxonomyKind, IReadOnlyCollection<string>>
        {
            [TaxonomyKind.SupportCategory] = query.ValuesOf(Facet.Category),
            [TaxonomyKind.Market] = query.ValuesOf(Facet.Market),
            [TaxonomyKind.Stage] = query.ValuesOf(Facet.Stage),
            [TaxonomyKind.Sector] = query.ValuesOf(Facet.Sector),
            [TaxonomyKind.Region] = query.ValuesOf(Facet.Region),
        };
        return EmptySearchLog.Describe(EmptySearchSource.Catalogue, terms, query.Text, chosen);
    }

    /// <summary>A guided-path search as it is counted: the founder's answers (null when not to be counted).</summary>
    public static EmptySearch? Of(GuidedAnswers answers, TermCatalog terms)
    {
        ArgumentNullException.ThrowIfNull(answers);
        static IReadOnlyCollection<string> One(string? code) => string.IsNullOrWhiteSpace(code) ? [] : [code];
        var chosen = new Dictionary<TaxonomyKind, IReadOnlyCollection<string>>
        {
            [TaxonomyKind.SupportCategory] = One(answers.Help),
            [TaxonomyKind.Market] = One(answers.Market),
            [TaxonomyKind.Stage] = One(answers.Stage),
            [TaxonomyKind.Sector] = One(answers.Sector),
            [TaxonomyKind.Region] = One(answers.Region),
        };
        return EmptySearchLog.Describe(EmptySearchSource.GuidedPath, terms, text: null, chosen);
    }
}
