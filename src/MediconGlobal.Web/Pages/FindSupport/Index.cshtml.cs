using System.Globalization;
using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Catalogue.FoundNothing;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Web.Infrastructure.Localisation;
using MediconGlobal.Web.Pages.Offers;
using MediconGlobal.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace MediconGlobal.Web.Pages.FindSupport;

/// <summary>
/// The guided path for founders: stage, sector, target market and kind of help (and, optionally, where the
/// company is based) give a ranked list of matching offers, each with a sentence on why it fits. Answers that find
/// nothing are counted, anonymously, for the gap report (ADR 1779).
/// </summary>
[AllowAnonymous]
public class IndexModel(TimeProvider clock, TermNames termNames, EmptySearchLog emptySearches) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "stage")]
    public string? Stage { get; set; }

    [BindProperty(SupportsGet = true, Name = "sector")]
    public string? Sector { get; set; }

    [BindProperty(SupportsGet = true, Name = "market")]
    public string? Market { get; set; }

    [BindProperty(SupportsGet = true, Name = "help")]
    public string? Help { get; set; }

    [BindProperty(SupportsGet = true, Name = "region")]
    public string? Region { get; set; }

    public TermCatalog Terms { get; private set; } = null!;

    /// <summary>Null until the founder has answered (submitted the form); one page of the matches, best fit first.</summary>
    public GuidedResult? Matches { get; private set; }

    public RequestHelpContext RequestHelp { get; private set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // The catalogue's index carries the taxonomy (a term change raises the catalogue's version, ADR 1201), so
        // the form, the search and the cards' term names read one version number per request and no terms (issue 12).
        var index = await termNames.CatalogueAsync(cancellationToken);
        Terms = index.Terms;
        var answers = new GuidedAnswers(Stage, Sector, Market, Help, Region);
        if (Request.Query.ContainsKey("help") || !answers.IsEmpty)
        {
            // ?page= is read from the query itself: "page" is also the route value naming the Razor page.
            var page = int.TryParse(Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 1;
            Matches = GuidedSearch.Run(index, answers, clock.GetUtcNow().UtcDateTime, CultureInfo.CurrentUICulture, page);
            RequestHelp = new RequestHelpContext(
                CategoryId: Terms.Find(TaxonomyKind.SupportCategory, Help)?.Id,
                MarketId: Terms.Find(TaxonomyKind.Market, Market)?.Id);
            // Counted once per search, as the catalogue counts it: a later page of nothing is the same search again.
            if (Matches.Total == 0 && page <= 1 && EmptySearchRequest.IsCounted(Request) && EmptySearchRequest.Of(answers, Terms) is { } search)
            {
                await emptySearches.RecordAsync(search, cancellationToken);
            }
        }
    }

    public string? NameOf(TaxonomyKind kind, string? code) => Terms.Find(kind, code)?.Name;

    /// <summary>
    /// The address of page <paramref name="page"/> of the same answers (the pager's links). <c>help</c> is always
    /// there, empty when open, since its presence is what says the founder has answered.
    /// </summary>
    public string LinkToPage(int page)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        foreach (var (name, value) in new[] { ("stage", Stage), ("sector", Sector), ("market", Market), ("help", Help ?? string.Empty), ("region", Region) })
        {
            if (value is not null)
            {
                pairs.Add(new(name, value));
            }
        }

        if (page > 1)
        {
            pairs.Add(new("page", page.ToString(CultureInfo.InvariantCulture)));
        }

        return QueryHelpers.AddQueryString(Url.Page("/FindSupport/Index")!, pairs);
    }
}
