using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Matching;
using MediconGlobal.Core.Reports.Gaps;

namespace MediconGlobal.Core.Tests.Reports;

/// <summary>The bit sets of the gap report give exactly the offers <see cref="MatchingRule.Match"/> accepts.</summary>
public sealed class OfferCoverageIndexTests
{
    private static readonly OfferDay Today = OfferDay.Of(new DateOnly(2026, 7, 1), TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm"));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Index_AgreesWithTheMatchingRule_ForEveryNeedAndOffer(int seed)
    {
        var random = new Random(seed);
        // Markets 1-6, 7 is a sub-market of 1 (Boston in USA), 8 is "any market". Stages 10-13, sectors 20-22, regions 30-34.
        var rule = new MatchingRule(
            new MarketHierarchy(
                Enumerable.Range(1, 8).ToDictionary(id => id, id => id == 7 ? (int?)1 : null),
                new HashSet<int> { 8 }),
            Today);
        HashSet<int> Some(int from, int count, int chanceOfAny) =>
            random.Next(chanceOfAny) == 0 ? [] : Enumerable.Range(0, 1 + random.Next(3)).Select(_ => from + random.Next(count)).ToHashSet();
        var offers = Enumerable.Range(1, 300).Select(id => new OfferProfile(
            id,
            random.Next(6) == 0 ? OfferStatus.Draft : OfferStatus.Published,
            1 + random.Next(4),
            Some(1, 8, 3),
            Some(10, 4, 2),
            Some(20, 3, 2),
            Some(30, 5, 2),
            // Some lapsed from verification, some closed, some closing later (ADR 1934).
            Today.StartUtc().AddDays(-random.Next(420)),
            random.Next(3) == 0 ? null : Today.Date.AddDays(random.Next(-60, 30)),
            Today.StartUtc().AddDays(-random.Next(200)))).ToList();
        var index = OfferCoverageIndex.Build(rule, offers);
        var scratch = new ulong[index.MaxBlockWords];

        for (var n = 0; n < 2000; n++)
        {
            int? Maybe(int from, int count) => random.Next(5) == 0 ? null : from + random.Next(count);
            var need = new NeedFact(n, 1 + random.Next(5), Maybe(1, 8), Maybe(10, 4), Maybe(20, 3), Maybe(30, 5), NeedStatus.Open, null, DateTime.UnixEpoch);
            var profile = new NeedProfile(need.CategoryId, need.MarketId, need.StageId, need.SectorId, need.RegionId);

            var (offset, words) = index.Match(need, scratch);
            var bits = new ulong[index.TotalWords];
            scratch.AsSpan(0, words).CopyTo(bits.AsSpan(offset));

            Assert.Equal(rule.Rank(profile, offers).Select(m => m.OfferId).Order(), index.OfferIds(bits).Order());

            // A past month counts the offers that fit and were open in it.
            var month = NeedFact.MonthOf(2026, 1 + random.Next(6));
            var first = NeedFact.StartOf(month);
            var fitScratch = new ulong[index.MaxBlockWords];
            var (fitOffset, fitWords) = index.Fits(need, fitScratch);
            var inMonth = new ulong[Math.Max(1, fitWords)];
            index.OpenIn(month, fitOffset, fitScratch.AsSpan(0, fitWords), inMonth);
            var monthBits = new ulong[index.TotalWords];
            inMonth.AsSpan(0, fitWords).CopyTo(monthBits.AsSpan(fitOffset));
            var expected = offers.Where(o => rule.Fits(profile, o) is not null && MatchingRule.WasOpenDuring(o, Today.On(first), Today.On(first.AddMonths(1).AddDays(-1))));
            Assert.Equal(expected.Select(o => o.OfferId).Order(), index.OfferIds(monthBits).Order());
        }
    }

    [Fact]
    public void SharedIndex_GivesTheSameAnswers_WhenAskedFromManyThreadsAtOnce()
    {
        var random = new Random(4);
        var rule = new MatchingRule(new MarketHierarchy(Enumerable.Range(1, 6).ToDictionary(id => id, _ => (int?)null), new HashSet<int>()), Today);
        var offers = Enumerable.Range(1, 500).Select(id => new OfferProfile(
            id, OfferStatus.Published, 1 + random.Next(3), new HashSet<int> { 1 + random.Next(6) }, new HashSet<int> { 10 + random.Next(4) }, new HashSet<int>(), new HashSet<int> { 30 + random.Next(5) }, Today.StartUtc())).ToList();
        var needs = Enumerable.Range(0, 3000).Select(n => new NeedFact(n, 1 + random.Next(3), 1 + random.Next(6), 10 + random.Next(4), null, 30 + random.Next(5), NeedOutcome.Open, 0)).ToArray();
        string Answer(OfferCoverageIndex index, NeedFact need)
        {
            var scratch = new ulong[index.MaxBlockWords];
            var (offset, words) = index.Match(need, scratch);
            var bits = new ulong[index.TotalWords];
            scratch.AsSpan(0, words).CopyTo(bits.AsSpan(offset));
            return string.Join(',', index.OfferIds(bits));
        }

        var alone = OfferCoverageIndex.Build(rule, offers);
        var expected = needs.Select(n => Answer(alone, n)).ToArray();
        var shared = OfferCoverageIndex.Build(rule, offers);
        var answers = new string[needs.Length];
        Parallel.For(0, needs.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => answers[i] = Answer(shared, needs[i]));

        Assert.Equal(expected, answers);
    }
}
