using System.Numerics;

namespace MediconGlobal.Core.Catalogue;

/// <summary>
/// Sets of catalogue positions as bit arrays (bit <c>i</c> of word <c>i / 64</c>): a facet value, a word of the
/// search and the selected filters are each one array, so filtering and counting 16,000 offers is a few hundred
/// word operations instead of a pass over objects.
/// </summary>
public static class OfferBits
{
    public static ulong[] None(int count) => new ulong[(count + 63) / 64];

    public static ulong[] All(int count)
    {
        var bits = None(count);
        Array.Fill(bits, ulong.MaxValue);
        if (count % 64 != 0)
        {
            bits[^1] = (1UL << (count % 64)) - 1;
        }

        return bits;
    }

    public static void Set(ulong[] bits, int position) => bits[position / 64] |= 1UL << (position % 64);

    public static bool Has(ulong[] bits, int position) => (bits[position / 64] & (1UL << (position % 64))) != 0;

    /// <summary>A new array holding the positions in both.</summary>
    public static ulong[] And(ulong[] a, ulong[] b)
    {
        var result = new ulong[a.Length];
        for (var i = 0; i < a.Length; i++)
        {
            result[i] = a[i] & b[i];
        }

        return result;
    }

    /// <summary>Adds the positions of <paramref name="other"/> to <paramref name="into"/>.</summary>
    public static void OrInto(ulong[] into, ulong[] other)
    {
        for (var i = 0; i < into.Length; i++)
        {
            into[i] |= other[i];
        }
    }

    public static int Count(ulong[] bits)
    {
        var count = 0;
        foreach (var word in bits)
        {
            count += BitOperations.PopCount(word);
        }

        return count;
    }

    /// <summary>How many positions both hold, without building the intersection.</summary>
    public static int CountBoth(ulong[] a, ulong[] b)
    {
        var count = 0;
        for (var i = 0; i < a.Length; i++)
        {
            count += BitOperations.PopCount(a[i] & b[i]);
        }

        return count;
    }

    public static IEnumerable<int> Positions(ulong[] bits)
    {
        for (var w = 0; w < bits.Length; w++)
        {
            var word = bits[w];
            while (word != 0)
            {
                yield return (w * 64) + BitOperations.TrailingZeroCount(word);
                word &= word - 1;
            }
        }
    }
}
