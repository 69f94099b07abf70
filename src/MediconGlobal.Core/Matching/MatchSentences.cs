using MediconGlobal.Core.Text;

namespace MediconGlobal.Core.Matching;

/// <summary>
/// Turns a <see cref="MatchExplanation"/> into one plain sentence a founder or advisor can read ("It offers legal
/// advisory, covers USA, which includes Massachusetts / Boston, and is open to companies at any stage."), plus a note
/// when the offer is limited to companies from some regions the need did not mention. The sentence is a
/// <see cref="Phrase"/> (ADR 1402): each clause and each joining of clauses is a template the page translates, and the
/// terms are named by <c>nameOf</c> in the page's language (issue 13 leftover, issue 14 item 1).
/// </summary>
public sealed class MatchSentences(MarketHierarchy markets, Func<int, string?> nameOf)
{
    public Phrase Explain(NeedProfile need, OfferProfile offer, MatchExplanation match)
    {
        var clauses = new List<object> { Phrase.L("offers {0}", Lower(Name(offer.CategoryId))) };
        clauses.AddRange(new[] { MarketClause(need, offer, match.Market), StageClause(need, match.Stage), SectorClause(need, match.Sector), RegionClause(need, match.Region) }.OfType<Phrase>());
        var sentence = Phrase.L("It {0}.", Join(clauses));
        if (match.Region == Fit.Unspecified && offer.RegionIds.Count > 0)
        {
            return Phrase.L("{0} Note: only for companies based in {1}.", sentence, Join([.. offer.RegionIds.Select(Name).Order()]));
        }

        return sentence;
    }

    private Phrase? MarketClause(NeedProfile need, OfferProfile offer, Fit fit) => (fit, need.MarketId) switch
    {
        (Fit.Exact, { } market) => Phrase.L("covers {0}", Name(market)),
        (Fit.Broader, { } market) => Phrase.L("covers {0}, which includes {1}", Name(markets.AncestorsOf(market).First(offer.MarketIds.Contains)), Name(market)),
        (Fit.Open, _) => Phrase.L("is open to any target market"),
        _ => null,
    };

    private Phrase? StageClause(NeedProfile need, Fit fit) => (fit, need.StageId) switch
    {
        (Fit.Exact, { } stage) => Phrase.L("is meant for companies at the {0} stage", Lower(Name(stage))),
        (Fit.Open, _) => Phrase.L("is open to companies at any stage"),
        _ => null,
    };

    private Phrase? SectorClause(NeedProfile need, Fit fit) => (fit, need.SectorId) switch
    {
        (Fit.Exact, { } sector) => Phrase.L("works with {0} companies", Lower(Name(sector))),
        (Fit.Open, _) => Phrase.L("serves every life-science sector"),
        _ => null,
    };

    private Phrase? RegionClause(NeedProfile need, Fit fit) => (fit, need.RegionId) switch
    {
        (Fit.Exact, { } region) => Phrase.L("is available to companies based in {0}", Name(region)),
        (Fit.Open, _) => Phrase.L("is open to companies from every region"),
        _ => null,
    };

    private string Name(int id) => nameOf(id) ?? $"#{id}";

    /// <summary>"Legal advisory" reads "legal advisory" mid-sentence; acronyms such as "IP and patents" stay.</summary>
    private static string Lower(string name) =>
        name.Length > 1 && char.IsUpper(name[0]) && char.IsLower(name[1]) ? char.ToLowerInvariant(name[0]) + name[1..] : name;

    /// <summary>"a", "a and b", "a, b and c": the last two joined by "and", the others by commas, each a template to translate.</summary>
    private static object Join(List<object> parts) => parts.Count switch
    {
        0 => "",
        1 => parts[0],
        2 => Phrase.L("{0} and {1}", parts[0], parts[1]),
        _ => Phrase.L("{0}, {1}", parts[0], Join([.. parts.Skip(1)])),
    };
}
