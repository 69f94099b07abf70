using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Matching;

namespace MediconGlobal.Core.Tests.Matching;

public sealed class MatchSentencesTests
{
    private const int Legal = 1;
    private const int Ip = 2;
    private const int Usa = 10;
    private const int Boston = 11;
    private const int Clinical = 20;
    private const int Medtech = 30;
    private const int Skane = 40;
    private const int Halland = 41;

    private static readonly Dictionary<int, string> Names = new()
    {
        [Legal] = "Legal advisory",
        [Ip] = "IP and patents",
        [Usa] = "USA",
        [Boston] = "Massachusetts / Boston",
        [Clinical] = "Clinical",
        [Medtech] = "Medtech",
        [Skane] = "Skåne",
        [Halland] = "Halland",
    };

    private static readonly MarketHierarchy Markets = new(new Dictionary<int, int?> { [Usa] = null, [Boston] = Usa }, new HashSet<int>());
    private static readonly MatchingRule Rule = new(Markets, OfferDay.At(DateTime.UtcNow));
    private static readonly MatchSentences Sentences = new(Markets, id => Names.GetValueOrDefault(id));

    [Fact]
    public void ExactFit_NamesEveryDimension()
    {
        var need = new NeedProfile(Legal, Usa, Clinical, Medtech, Skane);
        var offer = Offer(Legal, markets: [Usa], stages: [Clinical], sectors: [Medtech], regions: [Skane]);

        Assert.Equal(
            "It offers legal advisory, covers USA, is meant for companies at the clinical stage, works with medtech companies and is available to companies based in Skåne.",
            Explain(need, offer));
    }

    [Fact]
    public void BroaderAndOpenFits_SayWhyTheyStillFit()
    {
        var need = new NeedProfile(Ip, Boston, Clinical, Medtech, null);
        var offer = Offer(Ip, markets: [Usa]);

        Assert.Equal(
            "It offers IP and patents, covers USA, which includes Massachusetts / Boston, is open to companies at any stage and serves every life-science sector.",
            Explain(need, offer));
    }

    [Fact]
    public void UnansweredRegion_WarnsWhenTheOfferIsRegional()
    {
        var need = new NeedProfile(Legal, null, null, null, null);
        var offer = Offer(Legal, regions: [Skane, Halland]);

        Assert.Equal("It offers legal advisory. Note: only for companies based in Halland and Skåne.", Explain(need, offer));
    }

    private static string Explain(NeedProfile need, OfferProfile offer) =>
        Sentences.Explain(need, offer, Rule.Match(need, offer) ?? throw new InvalidOperationException("The offer should match.")).ToString();

    private static OfferProfile Offer(int category, int[]? markets = null, int[]? stages = null, int[]? sectors = null, int[]? regions = null) => new(
        1, OfferStatus.Published, category, (markets ?? []).ToHashSet(), (stages ?? []).ToHashSet(), (sectors ?? []).ToHashSet(), (regions ?? []).ToHashSet(), DateTime.UtcNow);
}
