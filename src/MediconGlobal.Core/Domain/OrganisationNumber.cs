namespace MediconGlobal.Core.Domain;

/// <summary>
/// Organisation numbers of the three ÖKS countries: Swedish organisationsnummer (10 digits, Luhn), Danish CVR
/// (8 digits, modulus 11) and Norwegian organisasjonsnummer (9 digits, modulus 11).
/// </summary>
public static class OrganisationNumber
{
    private static readonly int[] CvrWeights = [2, 7, 6, 5, 4, 3, 2, 1];
    private static readonly int[] NorwegianWeights = [3, 2, 7, 6, 5, 4, 3, 2];

    /// <summary>Keeps the digits only: "556677-8899" becomes "5566778899".</summary>
    public static string Normalize(string? value) => new((value ?? "").Where(char.IsAsciiDigit).ToArray());

    public static bool IsSupportedCountry(string countryCode) => countryCode is "SE" or "DK" or "NO";

    /// <summary>Null when the number is valid for the country; otherwise a sentence saying what is wrong.</summary>
    public static string? Validate(string countryCode, string? value)
    {
        var digits = Normalize(value);
        return countryCode switch
        {
            "SE" when digits.Length != 10 => "A Swedish organisation number has 10 digits (NNNNNN-NNNN).",
            "SE" when !LuhnValid(digits) => "This Swedish organisation number fails its check digit; please check it for typos.",
            "DK" when digits.Length != 8 => "A Danish CVR number has 8 digits.",
            "DK" when WeightedSum(digits, CvrWeights) % 11 != 0 => "This CVR number fails its modulus-11 check; please check it for typos.",
            "NO" when digits.Length != 9 => "A Norwegian organisation number has 9 digits.",
            "NO" when NorwegianCheckDigit(digits[..8]) != digits[8] - '0' => "This Norwegian organisation number fails its modulus-11 check; please check it for typos.",
            _ => null,
        };
    }

    /// <summary>Appends the check digit to a Swedish 9-digit stem, or to a Norwegian 8-digit stem.</summary>
    public static string? Complete(string countryCode, string stem) => countryCode switch
    {
        "SE" when stem.Length == 9 => stem + LuhnCheckDigit(stem),
        "NO" when stem.Length == 8 && NorwegianCheckDigit(stem) is { } digit and < 10 => stem + digit,
        _ => null,
    };

    public static string Format(string countryCode, string digits) => countryCode switch
    {
        "SE" when digits.Length == 10 => $"{digits[..6]}-{digits[6..]}",
        "NO" when digits.Length == 9 => $"{digits[..3]} {digits[3..6]} {digits[6..]}",
        _ => digits,
    };

    private static bool LuhnValid(string digits) => LuhnCheckDigit(digits[..^1]) == digits[^1] - '0';

    private static int LuhnCheckDigit(string stem)
    {
        var sum = 0;
        for (var i = 0; i < stem.Length; i++)
        {
            var d = (stem[stem.Length - 1 - i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }

        return (10 - (sum % 10)) % 10;
    }

    private static int NorwegianCheckDigit(string stem)
    {
        var remainder = WeightedSum(stem, NorwegianWeights) % 11;
        return remainder == 0 ? 0 : 11 - remainder;
    }

    private static int WeightedSum(string digits, int[] weights) => digits.Select((c, i) => (c - '0') * weights[i]).Sum();
}
