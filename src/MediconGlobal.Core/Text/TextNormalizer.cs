using System.Globalization;
using System.Text;

namespace MediconGlobal.Core.Text;

/// <summary>
/// Folds text for search: lower case, diacritics removed and Nordic letters spelled in ASCII, so "skane"
/// finds "Skåne", "oresund" finds "Øresund" and "malmo" finds "Malmö" on every database.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var decomposed = text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var folded = c switch
            {
                'ø' => "o",
                'æ' => "ae",
                'ß' => "ss",
                'đ' => "d",
                'ł' => "l",
                _ => char.IsWhiteSpace(c) ? " " : c.ToString(),
            };

            if (folded == " ")
            {
                if (lastWasSpace)
                {
                    continue;
                }

                lastWasSpace = true;
            }
            else
            {
                lastWasSpace = false;
            }

            builder.Append(folded);
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
