using System.Globalization;
using System.Text;

namespace MediconGlobal.Core.Text;

/// <summary>
/// A piece of text as the portal takes it from any input — form fields, query strings, route values, the HSDS
/// API's parameters, search, imported files — normalised to Unicode NFC (so equal-looking text is equal: "å" typed
/// as a + U+030A is stored as U+00E5), or refused because of <see cref="Refused"/> (at <see cref="RefusedAt"/>).
/// </summary>
public readonly record struct TextReading(string? Text, char? Refused, int RefusedAt)
{
    public bool IsRefused => Refused is not null;
}

/// <summary>
/// The one rule for text coming in (issue 10 item 9, issue 13 items 2 and 3; docs/data-quality.md): text is
/// normalised to NFC, and C0 and C1 control characters are never stored — PostgreSQL cannot store NUL at all,
/// and the others only appear when text was decoded wrongly (U+0096 is "–" read as Latin-1) or typed by a
/// machine. Tab, line feed and carriage return are allowed where a field holds several lines. An unpaired UTF-16
/// surrogate (not text at all) is refused too. Public for every edge: the web's model binders and query
/// middleware, and the importer's cells.
/// </summary>
public static class InputText
{
    /// <summary>Normalises <paramref name="text"/> to NFC, or names the first character that cannot be stored. Null stays null.</summary>
    /// <param name="multiline">True where the field holds several lines: tab, line feed and carriage return are then allowed, and every line break (CR LF, CR) becomes LF.</param>
    public static TextReading Read(string? text, bool multiline)
    {
        if (text is null)
        {
            return new TextReading(null, null, -1);
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (IsRefused(c, multiline))
            {
                return new TextReading(null, c, i);
            }
        }

        // Browsers post a text area's line breaks as CR LF (and seeds and imports write LF): one form of line break, so
        // a text saved unchanged is not a change and the same text compares equal wherever it came from.
        if (multiline && text.Contains('\r', StringComparison.Ordinal))
        {
            text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        }

        return new TextReading(text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC), null, -1);
    }

    /// <summary>
    /// For inputs where refusing helps nobody (search boxes, filters in an address): NFC, with every character
    /// <see cref="Read"/> would refuse replaced by a space. Null stays null.
    /// </summary>
    public static string? Clean(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (Read(text, multiline: false) is { IsRefused: false } reading)
        {
            return reading.Text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else
            {
                builder.Append(IsRefused(c, multiline: false) ? ' ' : c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>A C0 or C1 control character (tab, line feed and carriage return allowed when <paramref name="multiline"/>), or half a surrogate pair.</summary>
    public static bool IsRefused(char c, bool multiline) =>
        char.IsSurrogate(c) || (char.IsControl(c) && !(multiline && c is '\t' or '\n' or '\r'));

    /// <summary>A character as a person can recognise it in a message, in English: “k”, or its code and name when it is invisible, e.g. "U+0000 (NUL)".</summary>
    public static string Describe(char c) => Naming(c).ToString();

    /// <summary><see cref="Describe"/> as a <see cref="Phrase"/>, so the web can name the character in the page's language.</summary>
    public static Phrase Naming(char c)
    {
        var code = string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}");
        return c switch
        {
            '\0' => Phrase.L("{0} (NUL)", code),
            '\t' => Phrase.L("{0} (tab)", code),
            '\n' => Phrase.L("{0} (line feed)", code),
            '\r' => Phrase.L("{0} (carriage return)", code),
            '\u00A0' => Phrase.L("{0} (no-break space)", code),
            '\u202F' => Phrase.L("{0} (narrow no-break space)", code),
            '\u2009' => Phrase.L("{0} (thin space)", code),
            ' ' => Phrase.L("{0} (space)", code),
            _ when char.IsSurrogate(c) => Phrase.L("{0} (half of a character)", code),
            _ when char.IsControl(c) => Phrase.L("{0} (control character)", code),
            _ => Phrase.L("“{0}”", c.ToString()),
        };
    }
}
