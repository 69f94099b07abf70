namespace MediconGlobal.Core.Matching;

/// <summary>
/// Turns a <see cref="MatchExplanation"/> into one plain English sentence a founder or advisor can read ("It offers
/// legal advisory, covers USA, which includes Massachusetts / Boston, and is open to companies at any stage."),
/// plus a note when the offer is limited to companies from some regions the need did not mention.
/// </summary>
public sealed class MatchSentences(MarketHierarchy markets, Func<int, string?> nameOf)
{
    public string Explain(NeedProfile need, OfferProfile offer, MatchExplanation match)
    {
        var clauses = new List<string> { $"offers {Lower(Name(offer.CategoryId))}" };
        clauses.AddRange(new[] { MarketClause(need, offer, match.Market), StageClause(need, match.Stage), SectorClause(need, match.Sector), RegionClause(need, match.Region) }.OfType<string>());
        var sentence = $"It {Join(clauses)}.";
        if (match.Region == Fit.Unspecified && offer.RegionIds.Count > 0)
        {
            sentence += $" Note: only for companies based in {Join(offer.RegionIds.Select(Name).Order().ToList())}.";
        }

        return sentence;
    }

    private string? MarketClause(NeedProfile need, OfferProfile offer, Fit fit) => (fit, need.MarketId) switch
    {
        (Fit.Exact, { } market) => $"covers {Name(market)}",
        (Fit.Broader, { } market) => $"covers {Name(markets.AncestorsOf(market).First(offer.MarketIds.Contains))}, which includes {Name(market)}",
        (Fit.Open, _) => "is open to any target market",
        _ => null,
    };

    private string? StageClause(NeedProfile need, Fit fit) => (fit, need.StageId) switch
    {
        (Fit.Exact, { } stage) => $"is meant for companies at the {Lower(Name(stage))} stage",
        (Fit.Open, _) => "is open to companies at any stage",
        _ => null,
    };

    private string? SectorClause(NeedProfile need, Fit fit) => (fit, need.SectorId) switch
    {
        (Fit.Exact, { } sector) => $"works with {Lower(Name(sector))} companies",
        (Fit.Open, _) => "serves every life-science sector",
        _ => null,
    };

    private string? RegionClause(NeedProfile need, Fit fit) => (fit, need.RegionId) switch
    {
        (Fit.Exact, { } region) => $"is available to companies based in {Name(region)}",
        (Fit.Open, _) => "is open to companies from every region",
        _ => null,
    };

    private string Name(int id) => nameOf(id) ?? $"#{id}";

    /// <summary>"Legal advisory" reads "legal advisory" mid-sentence; acronyms such as "IP and patents" stay.</summary>
    private static string Lower(string name) =>
        name.Length > 1 && char.IsUpper(name[0]) && char.IsLower(name[1]) ? char.ToLowerInvariant(name[0]) + name[1..] : name;

    private static string Join(List<string> parts) => parts.Count switch
    {
        0 => "",
        1 => parts[0],
        _ => string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1],
    };
}
