using System.Globalization;

namespace MediconGlobal.Core.OpenData;

public enum HsdsKind
{
    Organization = 1,
    Service = 2,
    Program = 3,
    Taxonomy = 4,
    TaxonomyTerm = 5,
    EnumTerm = 6,
    Attribute = 7,
    Language = 8,
    Contact = 9,
    OrganizationContact = 10,
    Phone = 11,
    ServiceArea = 12,
    CostOption = 13,
    RequiredDocument = 14,
}

/// <summary>
/// HSDS wants UUIDs; the portal has integer keys. Each HSDS id is built from the kind of record and one or two
/// numbers, in the shape of an RFC 4122 UUID ("4d47KKKK-AAAA-4AAA-8BBB-BBBBBBBBBBBB"), so the same record always
/// gets the same id and an id can be read back without a lookup table.
/// </summary>
public static class HsdsIds
{
    private const string Prefix = "4d47";

    public static string Of(HsdsKind kind, long a, long b = 0)
    {
        var first = a.ToString("x7", CultureInfo.InvariantCulture);
        var second = b.ToString("x15", CultureInfo.InvariantCulture);
        if (first.Length > 7 || second.Length > 15 || a < 0 || b < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(a), "The number is too large for an HSDS id.");
        }

        return $"{Prefix}{(int)kind:x4}-{first[..4]}-4{first[4..]}-8{second[..3]}-{second[3..]}";
    }

    public static bool TryRead(string? id, out HsdsKind kind, out long a, out long b)
    {
        (kind, a, b) = (default, 0, 0);
        if (!Guid.TryParse(id, out var guid))
        {
            return false;
        }

        var text = guid.ToString("D");
        if (!text.StartsWith(Prefix, StringComparison.Ordinal) || text[14] != '4' || text[19] != '8'
            || !int.TryParse(text[4..8], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var k)
            || !long.TryParse(text[9..13] + text[15..18], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out a)
            || !long.TryParse(text[20..23] + text[24..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out b))
        {
            return false;
        }

        kind = (HsdsKind)k;
        return Enum.IsDefined(kind);
    }

    /// <summary>The number of <paramref name="id"/> when it is an id of <paramref name="kind"/>.</summary>
    public static int? Read(string? id, HsdsKind kind) =>
        TryRead(id, out var actual, out var a, out _) && actual == kind && a <= int.MaxValue ? (int)a : null;
}
