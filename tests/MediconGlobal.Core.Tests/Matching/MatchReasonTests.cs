using MediconGlobal.Core.Matching;

namespace MediconGlobal.Core.Tests.Matching;

public sealed class MatchReasonTests
{
    private static readonly DateTime Reviewed = new(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly NeedTermNames Names = new("Legal advisory", "Germany", "Clinical", "Medtech", "Skåne");

    [Fact]
    public void Sentence_AgnosticOffer_SaysItIsOpen()
    {
        var match = new MatchExplanation(1, Fit.Open, Fit.Open, Fit.Open, Fit.Exact, Reviewed);

        Assert.Equal(
            "It offers Legal advisory, is open to any market, Germany included, takes any stage and sector and is available to companies in Skåne.",
            MatchReason.Sentence(match, Names));
    }

    [Fact]
    public void Sentence_ExactAndBroaderFits_NameTheValues()
    {
        var match = new MatchExplanation(1, Fit.Broader, Fit.Exact, Fit.Exact, Fit.Open, Reviewed);

        Assert.Equal(
            "It offers Legal advisory, serves Germany as part of a wider market, is meant for the Clinical stage, is meant for Medtech and is open to companies in every region.",
            MatchReason.Sentence(match, Names));
    }

    [Fact]
    public void Sentence_UnspecifiedDimensions_AreLeftOut()
    {
        var match = new MatchExplanation(1, Fit.Unspecified, Fit.Unspecified, Fit.Unspecified, Fit.Unspecified, Reviewed);

        Assert.Equal("It offers Legal advisory.", MatchReason.Sentence(match, Names with { Market = null }));
    }

    [Fact]
    public void Sentence_GoesThroughTheLocalizer()
    {
        var match = new MatchExplanation(1, Fit.Exact, Fit.Unspecified, Fit.Unspecified, Fit.Unspecified, Reviewed);

        var text = MatchReason.Sentence(match, Names, (template, args) => template switch
        {
            "It offers {0}" => $"Erbjuder {args[0]}",
            "serves {0}" => $"gäller {args[0]}",
            " and " => " och ",
            _ => template,
        });

        Assert.Equal("Erbjuder Legal advisory och gäller Germany.", text);
    }
}
