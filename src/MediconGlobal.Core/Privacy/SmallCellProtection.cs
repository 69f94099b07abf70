using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using MediconGlobal.Core.Security;

namespace MediconGlobal.Core.Privacy;

/// <summary>
/// The one entry point for protecting figures about companies (ADR 1801): every count that partner staff see,
/// and every count in an export, is published here, by cell-key perturbation with
/// <see cref="PerturbationTable"/>. Each company has a fixed random key (<see cref="CompanyKey"/>, derived with
/// HMAC-SHA256 from the portal's secret, <see cref="PrivacyOptions"/>, and the company's id); a count's
/// <see cref="CellKey"/> is the sum of the keys of what it counts — the distinct companies for a company count,
/// and for a count of needs each need's company key once per need. A report adds the keys up while it counts
/// (or hands the company ids to <see cref="Group(IEnumerable{int})"/>) and publishes each group of records
/// (cell, total, month, segment) with <see cref="Group(int, CellKey, int, CellKey)"/>. Totals are published
/// from their own records like any cell, never summed from published cells; ratios are worked out from
/// published counts. Safe to share (a singleton).
/// </summary>
public sealed class SmallCellProtection
{
    /// <summary>The shortest secret accepted, in bytes.</summary>
    public const int MinimumSecretBytes = 32;

    private readonly byte[] _secret;
    private readonly ConcurrentDictionary<int, uint> _companyKeys = new();

    /// <param name="secret">At least <see cref="MinimumSecretBytes"/> random bytes, the same on every instance and kept over time.</param>
    /// <exception cref="ArgumentException">The secret is shorter than <see cref="MinimumSecretBytes"/>.</exception>
    public SmallCellProtection(ReadOnlySpan<byte> secret)
    {
        if (secret.Length < MinimumSecretBytes)
        {
            throw new ArgumentException($"The cell-key secret must be at least {MinimumSecretBytes} bytes.", nameof(secret));
        }

        _secret = secret.ToArray();
    }

    /// <summary>
    /// Whether a viewer gets exact figures: project managers and administrators always; advisors only for
    /// figures that count nothing but their own organisation's clients (the brief; the report must scope its
    /// count, as <c>GapAnalysis.CompaniesCounted</c> does). Everyone else (partner staff) and every export
    /// gets published figures.
    /// </summary>
    public static bool SeesExactFigures(Viewer viewer) => viewer.SeesEverything || viewer.IsInRole(Roles.Advisor);

    /// <summary>The company's fixed random key: the first four bytes of HMAC-SHA256(secret, "company:" + id).</summary>
    public uint CompanyKey(int companyId) =>
        _companyKeys.GetOrAdd(companyId, static (id, secret) =>
        {
            Span<byte> message = stackalloc byte[12];
            "company:"u8.CopyTo(message);
            BinaryPrimitives.WriteInt32LittleEndian(message[8..], id);
            Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HMACSHA256.HashData(secret, message, hash);
            return BinaryPrimitives.ReadUInt32LittleEndian(hash);
        }, _secret);

    /// <summary>
    /// The cell key of <paramref name="count"/> searches that found nothing, counted in one row of
    /// <c>EmptySearchTallies</c> whose key is <paramref name="tallyKey"/> (ADR 1779). The rows keep no records, only
    /// counts, so the i-th search of a row stands for a record with key <c>k + i·0x9E3779B9</c>, where <c>k</c> is the
    /// first four bytes of HMAC-SHA256(secret, "search:" + row key): the same searches always give the same key, and
    /// one search more gives an unrelated one, as for companies (ADR 1801). Summed in closed form, so a large count
    /// costs no more than a small one.
    /// </summary>
    public CellKey SearchesKey(string tallyKey, int count)
    {
        ArgumentNullException.ThrowIfNull(tallyKey);
        var message = System.Text.Encoding.UTF8.GetBytes("search:" + tallyKey);
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_secret, message, hash);
        var rowKey = BinaryPrimitives.ReadUInt32LittleEndian(hash);
        var n = (ulong)count;
        return new CellKey(unchecked((uint)((n * rowKey) + (0x9E3779B9UL * (n * (n + 1) / 2)))));
    }

    /// <summary>The published value of a true <paramref name="count"/> whose records have <paramref name="key"/>: 0 or at least 3, within ±4.</summary>
    public static int Publish(int count, CellKey key) => PerturbationTable.Perturb(count, key);

    /// <summary>
    /// Publishes the size of one group of records (a cell, total, month or segment): its distinct companies
    /// and its records, each with the key of what it counts. The company count decides: published as 0, the
    /// whole group is shown empty; otherwise the records are published, at least as many as the companies.
    /// Further figures of the group go through <see cref="PublishedGroup.Part(int, CellKey)"/>.
    /// </summary>
    public PublishedGroup Group(int companies, CellKey companiesKey, int records, CellKey recordsKey)
    {
        var shownCompanies = Publish(companies, companiesKey);
        return new PublishedGroup(this, shownCompanies, shownCompanies == 0 ? 0 : Math.Max(shownCompanies, Publish(records, recordsKey)));
    }

    /// <summary>As <see cref="Group(int, CellKey, int, CellKey)"/>, for the records given as the company id of each (a company once per record).</summary>
    public PublishedGroup Group(IEnumerable<int> companyIdOfEachRecord)
    {
        var (records, recordsKey) = (0, CellKey.Empty);
        var companies = new HashSet<int>();
        var companiesKey = CellKey.Empty;
        foreach (var id in companyIdOfEachRecord)
        {
            var key = CompanyKey(id);
            (records, recordsKey) = (records + 1, recordsKey.Add(key));
            if (companies.Add(id))
            {
                companiesKey = companiesKey.Add(key);
            }
        }

        return Group(companies.Count, companiesKey, records, recordsKey);
    }
}

/// <summary>
/// The published size of a group of records (<see cref="SmallCellProtection.Group(int, CellKey, int, CellKey)"/>):
/// <see cref="Companies"/> is 0 or at least 3 and <see cref="Records"/> is 0 exactly when it is. Publishes
/// the group's further figures so that they agree with it.
/// </summary>
public sealed class PublishedGroup
{
    private readonly SmallCellProtection _protection;

    internal PublishedGroup(SmallCellProtection protection, int companies, int records) =>
        (_protection, Companies, Records) = (protection, companies, records);

    public int Companies { get; }

    public int Records { get; }

    /// <summary>The group is shown empty: it has no company, or too few to show.</summary>
    public bool IsEmpty => Companies == 0;

    /// <summary>A count of some of the group's records (met needs, needs with a matching offer…): 0 when the group is empty, never more than <see cref="Records"/>.</summary>
    public int Part(int count, CellKey key) => IsEmpty ? 0 : Math.Min(SmallCellProtection.Publish(count, key), Records);

    /// <summary>As <see cref="Part(int, CellKey)"/>, for the records given as the company id of each.</summary>
    public int Part(IEnumerable<int> companyIdOfEachRecord)
    {
        var keys = companyIdOfEachRecord.Select(_protection.CompanyKey).ToList();
        return Part(keys.Count, CellKey.Of(keys));
    }

    /// <summary>
    /// A figure that is not a count of the group's companies or records (offers matching them, say): shown as
    /// it is, but 0 when the group is empty, so an empty-looking group does not give away that it has records.
    /// </summary>
    public int Other(int value) => IsEmpty ? 0 : value;
}
