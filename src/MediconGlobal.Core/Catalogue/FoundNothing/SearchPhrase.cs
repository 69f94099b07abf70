using System.Text;
using System.Text.RegularExpressions;

namespace MediconGlobal.Core.Catalogue.FoundNothing;

/// <summary>
/// What is kept of the words of a search that found nothing (issue 19 item 7, ADR 1779): lower-cased, punctuation
/// taken out (apostrophes join, every other mark separates words), whitespace collapsed, cut at a word to at most
/// <see cref="MaxLength"/> characters. Words that look like personal data are not kept at all — not even the rest
/// of the phrase: anything with an e-mail address (an <c>@</c> between two non-blank characters) or six or more
/// digits in a run (single spaces, dashes, dots, plus signs or brackets between them allowed; not slashes, so "MDR 2017/745" is kept), which
/// covers phone numbers, Swedish personnummer and samordningsnummer, Danish CPR numbers and organisation numbers.
/// </summary>
public static partial class SearchPhrase
{
    /// <summary>The longest phrase kept, in characters.</summary>
    public const int MaxLength = 60;

    /// <summary>The phrase to record for <paramref name="text"/>, or null when there are no words or they look personal.</summary>
    public static string? Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || LooksPersonal(text))
        {
            return null;
        }

        var phrase = new StringBuilder(Math.Min(text.Length, MaxLength * 2));
        var gap = false;
        foreach (var ch in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(ch))
            {
                if (gap && phrase.Length > 0)
                {
                    phrase.Append(' ');
                }

                phrase.Append(char.ToLowerInvariant(ch));
                gap = false;
            }
            else if (ch is not ('\'' or '’'))
            {
                gap = true;
            }
        }

        return phrase.Length == 0 ? null : Cut(phrase.ToString());
    }

    /// <summary>Whether <paramref name="text"/> holds something that looks like an e-mail address or a long number (a phone, personal identity or organisation number).</summary>
    public static bool LooksPersonal(string text) => EmailLike().IsMatch(text) || LongNumber().IsMatch(text);

    private static string Cut(string phrase)
    {
        if (phrase.Length <= MaxLength)
        {
            return phrase;
        }

        var lastSpace = phrase.LastIndexOf(' ', MaxLength);
        return lastSpace > 0 ? phrase[..lastSpace] : phrase[..MaxLength];
    }

    [GeneratedRegex(@"\S@\S", RegexOptions.CultureInvariant)]
    private static partial Regex EmailLike();

    [GeneratedRegex(@"\d(?:[\s\-.+()]?\d){5,}", RegexOptions.CultureInvariant)]
    private static partial Regex LongNumber();
}
