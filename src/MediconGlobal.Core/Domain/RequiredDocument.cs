namespace MediconGlobal.Core.Domain;

/// <summary>
/// One document a company should prepare before it applies to an offer: HSDS 3.0 <c>required_document</c>
/// (<c>document</c>, and <c>uri</c> for a template or guidance page). Offers keep them as lines of text
/// (<see cref="Offer.RequiredDocuments"/>), so the offer form is one text box and the audit shows them as one field.
/// </summary>
/// <param name="Document">What to prepare, e.g. "Pitch deck (10 slides)", at most <see cref="MaxLength"/> characters.</param>
/// <param name="Uri">An absolute http(s) address given at the end of the line, or null.</param>
public sealed record RequiredDocument(string Document, string? Uri)
{
    /// <summary>Characters in one document's description.</summary>
    public const int MaxLength = 250;

    /// <summary>Most documents an offer lists.</summary>
    public const int MaxCount = 20;

    /// <summary>Whether <paramref name="lines"/> keeps within <see cref="MaxCount"/> documents.</summary>
    public static bool FitsCount(string? lines) => Parse(lines).Count <= MaxCount;

    /// <summary>Whether every document in <paramref name="lines"/> keeps within <see cref="MaxLength"/> characters.</summary>
    public static bool FitsLength(string? lines) => Parse(lines).All(d => d.Document.Length <= MaxLength);

    /// <summary>
    /// The documents in <paramref name="lines"/>: one per non-blank line, trimmed; a last word that is an absolute
    /// http(s) address becomes <see cref="Uri"/> (a line that is only an address keeps it as its description too).
    /// Never throws; the form and the importer check <see cref="MaxCount"/> and <see cref="MaxLength"/>.
    /// </summary>
    public static IReadOnlyList<RequiredDocument> Parse(string? lines) =>
        (lines ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(ParseLine)
            .ToList();

    /// <summary>
    /// <paramref name="lines"/> in the stored form: one trimmed document per line, blank lines and carriage returns
    /// dropped; null when there are none. The form and the importers store what this returns.
    /// </summary>
    public static string? Normalise(string? lines) => Join(Parse(lines));

    /// <summary>The documents as lines again (the stored form); null when there are none.</summary>
    public static string? Join(IEnumerable<RequiredDocument> documents)
    {
        var lines = documents.Select(d => d.Uri is null || d.Uri == d.Document ? d.Document : $"{d.Document} {d.Uri}").ToList();
        return lines.Count == 0 ? null : string.Join("\n", lines);
    }

    private static RequiredDocument ParseLine(string line)
    {
        var lastSpace = line.LastIndexOfAny([' ', '\t']);
        var last = lastSpace < 0 ? line : line[(lastSpace + 1)..];
        if (!IsWebAddress(last))
        {
            return new RequiredDocument(line, null);
        }

        var document = lastSpace < 0 ? last : line[..lastSpace].TrimEnd(' ', '\t', '–', '-', ':');
        return new RequiredDocument(document.Length == 0 ? last : document, last);
    }

    private static bool IsWebAddress(string text) =>
        System.Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == System.Uri.UriSchemeHttps || uri.Scheme == System.Uri.UriSchemeHttp);
}
