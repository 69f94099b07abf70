namespace MediconGlobal.Core.Domain;

/// <summary>
/// Organisation numbers of the three ÖKS countries, checked by each register's own rules (ADR 1301,
/// docs/data-quality.md): a Swedish organisationsnummer of a legal entity (10 digits, Luhn, first digit — the
/// register's group — 1 to 9, third digit 2 or more; a sole trader's number is the owner's personnummer, whose
/// third digit is a month's 0 or 1, and is refused: the portal keeps no personal identity numbers), a Danish
/// CVR-nummer (8 digits, not starting with 0, modulus 11 with weights 2-7-6-5-4-3-2-1, Erhvervsstyrelsen) and a
/// Norwegian organisasjonsnummer (9 digits starting with 8 or 9, modulus 11 with weights 3-2-7-6-5-4-3-2,
/// Brønnøysundregistrene).
/// </summary>
public static class OrganisationNumber
{
    /// <summary>The messages <see cref="Validate"/> gives, in English; each is a localiser key.</summary>
    public static class Messages
    {
        public const string SwedishLength = "A Swedish organisation number has 10 digits (NNNNNN-NNNN).";
        public const string SwedishFirstDigit = "A Swedish organisation number does not start with 0.";
        public const string SwedishPersonalNumber = "This looks like a personal identity number (a sole trader's number is the owner's personnummer). Enter the organisation number of a legal entity — its third digit is 2 or more — or leave the field empty.";
        public const string SwedishCheckDigit = "This Swedish organisation number fails its check digit; please check it for typos.";
        public const string DanishLength = "A Danish CVR number has 8 digits.";
        public const string DanishFirstDigit = "A Danish CVR number does not start with 0.";
        public const string DanishCheckDigit = "This CVR number fails its modulus-11 check; please check it for typos.";
        public const string NorwegianLength = "A Norwegian organisation number has 9 digits.";
        public const string NorwegianFirstDigit = "A Norwegian organisation number starts with 8 or 9.";
        public const string NorwegianCheckDigit = "This Norwegian organisation number fails its modulus-11 check; please check it for typos.";
    }

    private static readonly int[] CvrWeights = [2, 7, 6, 5, 4, 3, 2, 1];
    private static readonly int[] NorwegianWeights = [3, 2, 7, 6, 5, 4, 3, 2];

    /// <summary>Keeps the digits only: "556677-8899" becomes "5566778899".</summary>
    public static string Normalize(string? value) => new((value ?? "").Where(char.IsAsciiDigit).ToArray());

    public static bool IsSupportedCountry(string countryCode) => Countries.Oks.Contains(countryCode);

    /// <summary>
    /// Null when <paramref name="value"/> (any notation: "556036-0793", "DK 2425 6790", "923 609 016") is a valid
    /// number for <paramref name="countryCode"/>, or the country is not one whose numbers are checked; otherwise one
    /// of <see cref="Messages"/>, saying what is wrong.
    /// </summary>
    public static string? Validate(string countryCode, string? value)
    {
        var digits = Normalize(value);
        return countryCode switch
        {
            "SE" when digits.Length != 10 => Messages.SwedishLength,
            "SE" when digits[0] == '0' => Messages.SwedishFirstDigit,
            "SE" when digits[2] < '2' => Messages.SwedishPersonalNumber,
            "SE" when !LuhnValid(digits) => Messages.SwedishCheckDigit,
            "DK" when digits.Length != 8 => Messages.DanishLength,
            "DK" when digits[0] == '0' => Messages.DanishFirstDigit,
            "DK" when WeightedSum(digits, CvrWeights) % 11 != 0 => Messages.DanishCheckDigit,
            "NO" when digits.Length != 9 => Messages.NorwegianLength,
            "NO" when digits[0] is not ('8' or '9') => Messages.NorwegianFirstDigit,
            "NO" when NorwegianCheckDigit(digits[..8]) != digits[8] - '0' => Messages.NorwegianCheckDigit,
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
