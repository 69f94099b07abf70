using System.Globalization;

namespace MediconGlobal.Core.Text;

/// <summary>
/// A message the core writes for people but cannot translate itself (it has no request, so no language): an
/// English template that is the localisation key (ADR 1401), e.g. <c>"{0} is required."</c>, and the values for its
/// placeholders. The web translates it with <c>t.Phrase(phrase)</c>; an argument that is itself a phrase (the name
/// of an invisible character, a row's problem) is translated too. <see cref="ToString"/> gives the English sentence
/// for logs, tests and callers without a language.
/// </summary>
/// <param name="Template">English text with composite-format placeholders <c>{0}</c>, <c>{1}</c>…; a key in SharedResource.</param>
/// <param name="Arguments">The values of the placeholders: text, numbers or phrases.</param>
public sealed record Phrase(string Template, IReadOnlyList<object> Arguments)
{
    /// <summary>
    /// A phrase to translate. The name is short so that <c>scripts/l10n-keys.sh</c> finds the template as a key
    /// (a call of <c>L</c> with a literal), as it finds the keys given to <c>t</c> in pages.
    /// </summary>
    public static Phrase L(string template, params object[] arguments) => new(template, arguments);

    /// <summary>The phrase in English: the template with its arguments filled in (phrases among them in English too).</summary>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, Template, Arguments.Select(a => a is Phrase phrase ? phrase.ToString() : a).ToArray());

    public bool Equals(Phrase? other) =>
        other is not null && Template == other.Template && Arguments.SequenceEqual(other.Arguments);

    public override int GetHashCode() => HashCode.Combine(Template, Arguments.Count);
}
