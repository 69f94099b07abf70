using System.Globalization;
using MediconGlobal.Core.Text;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Infrastructure.Localisation;

/// <summary>Translates the core's <see cref="Phrase"/>s (import problems, refused characters and numbers) like any other key (ADR 1401).</summary>
public static class PhraseLocalisation
{
    /// <summary>
    /// The phrase in the request's language: its template looked up as a key, then filled with its arguments, each
    /// argument that is a phrase translated first. A template without a translation falls back to English as every key does.
    /// </summary>
    public static LocalizedString Phrase(this IStringLocalizer t, Phrase phrase)
    {
        var template = t[phrase.Template];
        var arguments = phrase.Arguments.Select(a => a is Phrase inner ? t.Phrase(inner).Value : a).ToArray();
        return new LocalizedString(phrase.Template, Core.Text.Phrase.Fill(template.Value, CultureInfo.CurrentCulture, arguments), template.ResourceNotFound);
    }
}
