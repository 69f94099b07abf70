using System.Globalization;

namespace MediconGlobal.Core.Text;

public enum NumberProblem
{
    None,

    /// <summary>Nothing but spaces.</summary>
    Empty,

    /// <summary>A character that is no part of a number (<see cref="NumberReading.Character"/>).</summary>
    NotANumber,

    /// <summary>One "," or "." followed by exactly three digits, with no other separator to tell: 1,234 is 1234 in English and 1.234 in Swedish.</summary>
    Ambiguous,

    /// <summary>A thousands separator that does not separate groups of three digits, or two kinds mixed.</summary>
    Grouping,

    /// <summary>A whole number was asked for and the number has decimals.</summary>
    NotWhole,

    /// <summary>Outside the range the field can hold.</summary>
    OutOfRange,
}

/// <summary>A number read from text, or the <see cref="Problem"/> with it and the <see cref="Character"/> to name.</summary>
public readonly record struct NumberReading(decimal? Value, NumberProblem Problem, char? Character = null)
{
    public bool IsValid => Problem == NumberProblem.None;
}

/// <summary>
/// The one parser for numbers people type or paste, in forms and in imported files (issue 13 item 7;
/// docs/data-quality.md). It accepts what English, Swedish, Danish and Norwegian number formatting produce:
/// thousands grouped by a space, a no-break space (U+00A0), a narrow no-break space (U+202F), a thin space, or by
/// "," (English) or "." (Danish) when the other one marks the decimals; decimals after "," or "."; a leading "-" or
/// the minus sign U+2212 (what Swedish formatting writes). It refuses what it cannot read for certain, naming the
/// character: "1,234" and "1.234" (thousands or decimals?), groups that are not three digits, anything else.
/// </summary>
public static class LocaleNumber
{
    private const int MaxDigits = 28;

    /// <summary>Reads a number. Leading and trailing spaces are ignored.</summary>
    public static NumberReading Read(string? text)
    {
        var body = (text ?? "").Trim();
        if (body.Length == 0)
        {
            return new NumberReading(null, NumberProblem.Empty);
        }

        var negative = body[0] is '-' or '\u2212';
        if (negative || body[0] == '+')
        {
            body = body[1..].TrimStart();
        }

        foreach (var c in body)
        {
            if (!char.IsAsciiDigit(c) && !IsGroupSpace(c) && c is not (',' or '.'))
            {
                return new NumberReading(null, NumberProblem.NotANumber, c);
            }
        }

        if (body.Length == 0 || !body.Any(char.IsAsciiDigit))
        {
            return new NumberReading(null, NumberProblem.NotANumber, body.Length == 0 ? text!.Trim()[0] : body[0]);
        }

        var (decimalMark, problem) = FindDecimalMark(body);
        if (problem is { } refused)
        {
            return refused;
        }

        var point = decimalMark is { } mark ? body.LastIndexOf(mark) : -1;
        var whole = point < 0 ? body : body[..point];
        var fraction = point < 0 ? "" : body[(point + 1)..];
        if (point >= 0 && (fraction.Length == 0 || !fraction.All(char.IsAsciiDigit)))
        {
            return new NumberReading(null, NumberProblem.NotANumber, decimalMark);
        }

        if (Digits(whole) is not { } digits)
        {
            return new NumberReading(null, NumberProblem.Grouping, whole.First(c => !char.IsAsciiDigit(c)));
        }

        digits = digits.TrimStart('0');
        if (digits.Length + fraction.Length > MaxDigits && digits.Length > 0)
        {
            return new NumberReading(null, NumberProblem.OutOfRange);
        }

        var value = decimal.Parse((digits.Length == 0 ? "0" : digits) + (fraction.Length == 0 ? "" : "." + fraction[..Math.Min(fraction.Length, MaxDigits - digits.Length)]), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return new NumberReading(negative ? -value : value, NumberProblem.None);
    }

    /// <summary>Reads a whole number between <paramref name="min"/> and <paramref name="max"/> (the field's type, e.g. <see cref="int"/>).</summary>
    public static NumberReading ReadWhole(string? text, long min = int.MinValue, long max = int.MaxValue)
    {
        var reading = Read(text);
        return reading switch
        {
            { IsValid: false } => reading,
            { Value: var value } when value != decimal.Truncate(value!.Value) => new NumberReading(null, NumberProblem.NotWhole),
            { Value: var value } when value < min || value > max => new NumberReading(null, NumberProblem.OutOfRange),
            _ => reading,
        };
    }

    /// <summary>
    /// The sentence for a refused number as a <see cref="Phrase"/> the web translates: {0} is the field, {1} the text
    /// as typed, {2} the character (<see cref="InputText.Naming"/>).
    /// </summary>
    public static Phrase Explain(NumberReading reading, string field, string text)
    {
        object character = reading.Character is { } c ? InputText.Naming(c) : "";
        object[] arguments = [field, text.Trim(), character];
        return reading.Problem switch
        {
            NumberProblem.Empty => Phrase.L("{0}: enter a number.", arguments),
            NumberProblem.Ambiguous => Phrase.L("{0}: “{1}” could be read two ways — {2} may separate thousands or decimals. Write thousands without a separator or with spaces (2 138 347) and decimals after a comma (25,5).", arguments),
            NumberProblem.Grouping => Phrase.L("{0}: “{1}” has {2} in the wrong place — thousands are grouped in threes, like 2 138 347.", arguments),
            NumberProblem.NotWhole => Phrase.L("{0}: “{1}” is not a whole number.", arguments),
            NumberProblem.OutOfRange => Phrase.L("{0}: “{1}” is too large or too small for this field.", arguments),
            _ => Phrase.L("{0}: “{1}” is not a number — {2} does not belong in one.", arguments),
        };
    }

    private static bool IsGroupSpace(char c) => c is ' ' or '\u00A0' or '\u202F' or '\u2009';

    /// <summary>Which of "," and "." marks the decimals, if any — or why that cannot be told.</summary>
    private static (char? Mark, NumberReading? Problem) FindDecimalMark(string body)
    {
        var commas = body.Count(c => c == ',');
        var dots = body.Count(c => c == '.');
        if (commas > 0 && dots > 0)
        {
            var mark = body[body.LastIndexOfAny([',', '.'])];
            return (commas > 1 && mark == ',') || (dots > 1 && mark == '.') ? (null, new NumberReading(null, NumberProblem.Grouping, mark)) : (mark, null);
        }

        if (commas + dots == 0)
        {
            return (null, null);
        }

        var only = commas > 0 ? ',' : '.';
        if (commas + dots > 1)
        {
            return (null, null); // 2.138.347 or 2,138,347: thousands only
        }

        var at = body.IndexOf(only);
        var before = body[..at];
        var after = body[(at + 1)..];
        var groupedBySpaces = before.Any(IsGroupSpace);
        var looksLikeThousands = after.Length == 3 && after.All(char.IsAsciiDigit) && before.Length is >= 1 and <= 3 && before.All(char.IsAsciiDigit) && before != "0";
        return looksLikeThousands && !groupedBySpaces ? (null, new NumberReading(null, NumberProblem.Ambiguous, only)) : (only, null);
    }

    /// <summary>The digits of the whole part, if its separators all separate groups of three (the first group 1–3 digits).</summary>
    private static string? Digits(string whole)
    {
        if (whole.All(char.IsAsciiDigit))
        {
            return whole;
        }

        var separators = whole.Where(c => !char.IsAsciiDigit(c)).Select(c => IsGroupSpace(c) ? ' ' : c).Distinct().Count();
        var groups = whole.Split([' ', '\u00A0', '\u202F', '\u2009', ',', '.']);
        var threes = groups.Skip(1).All(g => g.Length == 3);
        return separators == 1 && groups[0].Length is >= 1 and <= 3 && threes ? string.Concat(groups) : null;
    }
}
