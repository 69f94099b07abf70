namespace MediconGlobal.Core.Privacy;

/// <summary>
/// The key of one published count: the sum, modulo 2^32, of the fixed random keys of the records it counts
/// (cell-key method, ADR 1801). The same records always give the same key — in every table, filter, trend
/// and export the count appears in — so the same count always gets the same noise; one record more or less
/// gives an unrelated key, so two overlapping counts get independent noise.
/// </summary>
public readonly record struct CellKey(uint Value)
{
    public static readonly CellKey Empty = new(0);

    /// <summary>This key with one more record counted.</summary>
    public CellKey Add(uint recordKey) => new(unchecked(Value + recordKey));

    /// <summary>The key of the records with these keys (a record counted twice adds its key twice).</summary>
    public static CellKey Of(IEnumerable<uint> recordKeys)
    {
        var sum = 0u;
        foreach (var key in recordKeys)
        {
            sum = unchecked(sum + key);
        }

        return new CellKey(sum);
    }

    /// <summary>Where the key falls in [0, <paramref name="resolution"/>): the slot the perturbation table looks up.</summary>
    public int Slot(int resolution) => (int)(((ulong)Value * (ulong)resolution) >> 32);
}
