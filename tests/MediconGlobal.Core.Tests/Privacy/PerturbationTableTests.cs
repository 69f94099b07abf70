using MediconGlobal.Core.Privacy;

namespace MediconGlobal.Core.Tests.Privacy;

/// <summary>The parameters ADR 1801 states, checked on the table itself.</summary>
public sealed class PerturbationTableTests
{
    private static readonly int[] Counts = [.. Enumerable.Range(0, 40), 100, 1_000, 250_000];

    [Fact]
    public void EveryRow_IsAProbabilityDistribution()
    {
        Assert.All(Counts, n => Assert.Equal(PerturbationTable.Resolution, PerturbationTable.Row(n).Sum(x => x.Weight)));
        Assert.All(Counts, n => Assert.All(PerturbationTable.Row(n), x => Assert.True(x.Weight > 0)));
    }

    [Fact]
    public void OneAndTwo_AreNeverPublished_ZeroStaysZero_AndFiveOrMoreNeverDropBelowThree()
    {
        Assert.All(Counts, n => Assert.DoesNotContain(PerturbationTable.Row(n), x => x.Published is 1 or 2));
        Assert.Equal([(0, PerturbationTable.Resolution)], PerturbationTable.Row(0));
        Assert.All(Counts.Where(n => n >= 5), n => Assert.All(PerturbationTable.Row(n), x => Assert.True(x.Published >= PerturbationTable.Threshold)));
    }

    [Fact]
    public void TheEdgesOfEveryPreimage_AreRareEvents()
    {
        // A 0 is almost always a 1, rarely a 3 or 4; a 3 or more is rarely a 1 or 2 (ADR 1801).
        Assert.Equal([9_800, 6_000, 300, 30], Enumerable.Range(1, 4).Select(n => PublishedAsZero(n)));
    }

    [Fact]
    public void Noise_IsAtMostFour_AndUnbiasedFromFour()
    {
        Assert.All(Counts, n => Assert.All(PerturbationTable.Row(n), x => Assert.InRange(x.Published - n, -PerturbationTable.MaxNoise, PerturbationTable.MaxNoise)));
        foreach (var n in Counts.Where(n => n is 0 or > 3))
        {
            Assert.Equal((long)n * PerturbationTable.Resolution, PerturbationTable.Row(n).Sum(x => (long)x.Published * x.Weight));
        }

        Assert.Equal(33_410, PerturbationTable.Row(3).Sum(x => x.Published * x.Weight)); // 3.341 on average
    }

    [Fact]
    public void LargeCounts_AreUnchangedAlmostHalfTheTime_AndRarelyOffByMoreThanTwo()
    {
        var row = PerturbationTable.Row(50);

        Assert.Equal(4_600, row.Single(x => x.Published == 50).Weight);
        Assert.Equal(200, row.Where(x => Math.Abs(x.Published - 50) > 2).Sum(x => x.Weight));
    }

    [Fact]
    public void Perturb_FollowsTheRow_AcrossTheWholeRangeOfKeys()
    {
        foreach (var n in new[] { 1, 3, 6, 7, 40 })
        {
            var counts = new Dictionary<int, int>();
            for (var slot = 0; slot < PerturbationTable.Resolution; slot++)
            {
                // The smallest key that falls in this slot.
                var key = new CellKey((uint)((((ulong)slot << 32) + PerturbationTable.Resolution - 1) / PerturbationTable.Resolution));
                Assert.Equal(slot, key.Slot(PerturbationTable.Resolution));
                var published = PerturbationTable.Perturb(n, key);
                counts[published] = counts.GetValueOrDefault(published) + 1;
            }

            Assert.Equal(PerturbationTable.Row(n).ToDictionary(x => x.Published, x => x.Weight), counts);
        }
    }

    [Fact]
    public void Preimage_IsEveryCountThatCanBePublishedAsTheValue()
    {
        for (var published = 0; published < 60; published++)
        {
            var sources = Enumerable.Range(0, 80).Where(n => PerturbationTable.Row(n).Any(x => x.Published == published)).ToList();
            var (min, max) = PerturbationTable.Preimage(published);
            Assert.Equal(sources, min > max ? [] : Enumerable.Range(min, max - min + 1).ToList());
        }
    }

    [Fact]
    public void ANegativeCount_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PerturbationTable.Perturb(-1, CellKey.Empty));

    /// <summary>How often, in ten-thousandths, a true <paramref name="count"/> is published as 0.</summary>
    private static int PublishedAsZero(int count) => PerturbationTable.Row(count).Where(x => x.Published == 0).Sum(x => x.Weight);
}
