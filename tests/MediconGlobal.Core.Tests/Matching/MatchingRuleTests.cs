using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Matching;

namespace MediconGlobal.Core.Tests.Matching;

public sealed class MatchingRuleTests
{
    private const int Legal = 1;
    private const int Regulatory = 2;
    private const int Usa = 10;
    private const int Boston = 11;
    private const int Germany = 12;
    private const int AnyMarket = 19;
    private const int Clinical = 20;
    private const int Idea = 21;
    private const int Medtech = 30;
    private const int Biotech = 31;
    private const int Skane = 40;
    private const int Oslo = 41;

    private static readonly DateTime Reviewed = new(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly NeedProfile BostonMedtechInSkane = new(Regulatory, Boston, Clinical, Medtech, Skane);

    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    /// <summary>The day the rule answers for: a month after <see cref="Reviewed"/>.</summary>
    private static readonly OfferDay Today = OfferDay.Of(new DateOnly(2026, 7, 1), Stockholm);

    private readonly MatchingRule _rule = new(
        new MarketHierarchy(
            new Dictionary<int, int?> { [Usa] = null, [Boston] = Usa, [Germany] = null, [AnyMarket] = null },
            new HashSet<int> { AnyMarket }),
        Today);

    [Fact]
    public void Match_OfferForTheSameCategoryAndMarket_Matches()
    {
        var match = _rule.Match(BostonMedtechInSkane, Offer(markets: [Boston]));

        Assert.NotNull(match);
        Assert.Equal(Fit.Exact, match.Market);
    }

    [Fact]
    public void Match_OfferOfAnotherCategory_DoesNotMatch() =>
        Assert.Null(_rule.Match(BostonMedtechInSkane, Offer(category: Legal, markets: [Boston])));

    [Theory]
    [InlineData(OfferStatus.Draft)]
    [InlineData(OfferStatus.Archived)]
    public void Match_UnpublishedOffer_DoesNotMatch(OfferStatus status) =>
        Assert.Null(_rule.Match(BostonMedtechInSkane, Offer(markets: [Boston], status: status)));

    [Fact]
    public void Match_OfferForTheParentMarket_CoversTheSubMarket()
    {
        var match = _rule.Match(BostonMedtechInSkane, Offer(markets: [Usa]));

        Assert.NotNull(match);
        Assert.Equal(Fit.Broader, match.Market);
    }

    [Fact]
    public void Match_OfferForASubMarketOnly_DoesNotCoverTheWholeParent() =>
        Assert.Null(_rule.Match(BostonMedtechInSkane with { MarketId = Usa }, Offer(markets: [Boston])));

    [Fact]
    public void Match_OfferForAnotherMarket_DoesNotMatch() =>
        Assert.Null(_rule.Match(BostonMedtechInSkane, Offer(markets: [Germany])));

    [Fact]
    public void Match_MarketAgnosticOffer_MatchesAnyMarket()
    {
        Assert.Equal(Fit.Open, _rule.Match(BostonMedtechInSkane, Offer(markets: [AnyMarket]))!.Market);
        Assert.Equal(Fit.Open, _rule.Match(BostonMedtechInSkane, Offer(markets: []))!.Market);
    }

    [Fact]
    public void Match_OfferForOtherStagesSectorsOrRegions_DoesNotMatch()
    {
        Assert.Null(_rule.Match(BostonMedtechInSkane, Offer(stages: [Idea])));
        Assert.Null(_rule.Match(BostonMedtechInSkane, Offer(sectors: [Biotech])));
        Assert.Null(_rule.Match(BostonMedtechInSkane, Offer(regions: [Oslo])));
    }

    [Fact]
    public void Match_OfferCoveringTheCompany_ExplainsEachDimension()
    {
        var match = _rule.Match(BostonMedtechInSkane, Offer(markets: [Usa], stages: [Clinical, Idea], sectors: [], regions: [Skane]));

        Assert.Equal(new MatchExplanation(1, Fit.Broader, Fit.Exact, Fit.Open, Fit.Exact, Reviewed), match);
    }

    [Fact]
    public void Match_NeedThatLeavesADimensionOpen_IsNotExcludedByIt()
    {
        var match = _rule.Match(new NeedProfile(Regulatory, null, null, null, null), Offer(markets: [Germany], stages: [Idea], sectors: [Biotech], regions: [Oslo]));

        Assert.Equal(new MatchExplanation(1, Fit.Unspecified, Fit.Unspecified, Fit.Unspecified, Fit.Unspecified, Reviewed), match);
    }

    [Fact]
    public void Rank_PutsCloserFitFirst_ThenFresherFirst()
    {
        var agnostic = Offer(id: 1, markets: []);
        var exact = Offer(id: 2, markets: [Boston], regions: [Skane]);
        var broader = Offer(id: 3, markets: [Usa], regions: [Skane]);
        var broaderButFresher = Offer(id: 4, markets: [Usa], regions: [Skane], reviewed: Reviewed.AddMonths(2));
        var excluded = Offer(id: 5, markets: [Germany]);

        var ranked = _rule.Rank(BostonMedtechInSkane, [agnostic, exact, broader, broaderButFresher, excluded]);

        Assert.Equal([2, 4, 3, 1], ranked.Select(m => m.OfferId));
    }

    [Fact]
    public void Match_DeadlinePassedYesterday_DoesNotMatch_ClosingToday_Matches()
    {
        Assert.Null(_rule.Match(BostonMedtechInSkane, Offer(markets: [Boston], closes: Today.Date.AddDays(-1))));
        Assert.NotNull(_rule.Match(BostonMedtechInSkane, Offer(markets: [Boston], closes: Today.Date)));
        Assert.NotNull(_rule.Match(BostonMedtechInSkane, Offer(markets: [Boston], closes: Today.Date.AddDays(5))));
    }

    [Fact]
    public void Match_DeadlineOrEndDate_TheEarlierOneCloses()
    {
        Assert.Equal(Today.Date.AddDays(-1), OfferVerification.ClosesOn(Today.Date.AddDays(-1), Today.Date.AddDays(30)));
        Assert.Equal(Today.Date.AddDays(-1), OfferVerification.ClosesOn(Today.Date.AddDays(30), Today.Date.AddDays(-1)));
        Assert.Equal(Today.Date, OfferVerification.ClosesOn(null, Today.Date));
        Assert.Null(OfferVerification.ClosesOn(null, null));
    }

    [Fact]
    public void Match_OfferNotReviewedForElevenMonthsAndThreeWeeks_HasLapsedAndDoesNotMatch()
    {
        // Reviewed 1 June 2025: asked 1 May 2026, lapsed from 22 May 2026.
        var reviewed = new DateTime(2025, 6, 1, 8, 0, 0, DateTimeKind.Utc);
        var offer = Offer(markets: [Boston], reviewed: reviewed);

        Assert.NotNull(_rule.On(Today.On(new DateOnly(2026, 5, 21))).Match(BostonMedtechInSkane, offer));
        Assert.Null(_rule.On(Today.On(new DateOnly(2026, 5, 22))).Match(BostonMedtechInSkane, offer));
        Assert.Null(_rule.Match(BostonMedtechInSkane, offer));
        Assert.NotNull(_rule.Match(BostonMedtechInSkane, offer with { LastReviewedAt = Today.StartUtc().AddHours(-1) }));
    }

    [Fact]
    public void OfferDay_Cutoffs_AgreeWithTheCycleCountedInDays_ForEveryReviewDayAndHourOfAYear()
    {
        // The queries compare LastReviewedAt with the day's two moments; the cycle is stated in local days and months.
        foreach (var day in Enumerable.Range(0, 400).Select(d => new DateOnly(2026, 1, 1).AddDays(d)))
        {
            var on = OfferDay.Of(day, Stockholm);
            foreach (var reviewedOn in Enumerable.Range(320, 60).Select(d => day.AddDays(-d)))
            {
                foreach (var hour in new[] { 0, 1, 12, 22, 23 })
                {
                    var reviewedAt = TimeZoneInfo.ConvertTimeToUtc(reviewedOn.ToDateTime(new TimeOnly(hour, 30)), Stockholm);
                    Assert.Equal(OfferVerification.LapsesOn(reviewedOn) <= day, OfferVerification.HasLapsed(reviewedAt, on));
                    Assert.Equal(OfferVerification.AskOn(reviewedOn) <= day, reviewedAt < on.AskIfReviewedBefore);
                }
            }
        }
    }

    [Fact]
    public void DaysLeft_CountsWholeDaysToTheClosingDay()
    {
        Assert.Equal(0, OfferVerification.DaysLeft(Today.Date, Today.Date));
        Assert.Equal(5, OfferVerification.DaysLeft(Today.Date.AddDays(5), Today.Date));
        Assert.Null(OfferVerification.DaysLeft(Today.Date.AddDays(-1), Today.Date));
        Assert.Null(OfferVerification.DaysLeft(null, Today.Date));
    }

    private static OfferProfile Offer(
        int id = 1,
        int category = Regulatory,
        int[]? markets = null,
        int[]? stages = null,
        int[]? sectors = null,
        int[]? regions = null,
        OfferStatus status = OfferStatus.Published,
        DateTime? reviewed = null,
        DateOnly? closes = null) =>
        new(id, status, category, (markets ?? []).ToHashSet(), (stages ?? []).ToHashSet(), (sectors ?? []).ToHashSet(), (regions ?? []).ToHashSet(), reviewed ?? Reviewed, closes);
}
