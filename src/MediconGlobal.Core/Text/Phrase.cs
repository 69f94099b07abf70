using System.Globalization;
using MediconGlobal.Core.Domain;

namespace MediconGlobal.Core.Text;

/// <summary>
/// A message the core writes for people but cannot translate itself (it has no request, so no language): an
/// English template that is the localisation key (ADR 1401), e.g. <c>"{0} is required."</c>, and the values for its
/// placeholders. Besides the numbered placeholders a template may name the calendar range as every date rule does,
/// <c>{CalendarEarliest}</c> and <c>{CalendarLatest}</c> (<see cref="CalendarDates"/>, ADR 1005), so the key stays one
/// literal whatever the range. The web translates it with <c>t.Phrase(phrase)</c>; an argument that is itself a phrase (the name
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
        Fill(Template, CultureInfo.InvariantCulture, Arguments.Select(a => a is Phrase phrase ? phrase.ToString() : a).ToArray());

    /// <summary>
    /// A template (this phrase's or its translation) with the calendar range and then the numbered arguments put in;
    /// <paramref name="culture"/> formats numbers and dates among the arguments.
    /// </summary>
    /// <exception cref="FormatException">The template's numbered placeholders do not fit the arguments.</exception>
    public static string Fill(string template, IFormatProvider culture, object?[] arguments) =>
        string.Format(
            culture,
            template.Replace("{CalendarEarliest}", CalendarDates.EarliestText, StringComparison.Ordinal)
                .Replace("{CalendarLatest}", CalendarDates.LatestText, StringComparison.Ordinal),
            arguments);

    public bool Equals(Phrase? other) =>
        other is not null && Template == other.Template && Arguments.SequenceEqual(other.Arguments);

    public override int GetHashCode() => HashCode.Combine(Template, Arguments.Count);
}
