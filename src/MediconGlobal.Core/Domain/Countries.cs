namespace MediconGlobal.Core.Domain;

/// <summary>
/// The one list of countries the portal names (issue 14): ISO 3166-1 alpha-2 codes with their English names. The
/// English name is the key the web localiser translates (ADR 1401), so Swedish and Danish names live in the
/// translation files, not here.
/// </summary>
public static class Countries
{
    /// <summary>The three countries of the Öresund–Kattegat–Skagerrak region, in the brief's order.</summary>
    public static readonly IReadOnlyList<string> Oks = ["SE", "DK", "NO"];

    /// <summary>Where client companies and organisations are based: the ÖKS countries first, then the rest.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> All =
    [
        ("SE", "Sweden"),
        ("DK", "Denmark"),
        ("NO", "Norway"),
        ("FI", "Finland"),
        ("DE", "Germany"),
        ("NL", "Netherlands"),
        ("FR", "France"),
        ("CH", "Switzerland"),
        ("GB", "United Kingdom"),
        ("US", "United States"),
    ];

    /// <summary>The ÖKS countries with their names, for filters that cover the region only.</summary>
    public static IReadOnlyList<(string Code, string Name)> InOks => [.. All.Where(c => Oks.Contains(c.Code))];

    /// <summary>Whether <paramref name="code"/> (upper case) is one of <see cref="All"/>.</summary>
    public static bool IsKnown(string? code) => All.Any(c => c.Code == code);

    /// <summary>The English name of a code ("EU" for organisations that serve the whole Union); an unknown code as given, null as "".</summary>
    public static string Name(string? code) => code?.ToUpperInvariant() switch
    {
        null or "" => "",
        "EU" => "European Union",
        var upper => All.FirstOrDefault(c => c.Code == upper).Name ?? code,
    };
}
