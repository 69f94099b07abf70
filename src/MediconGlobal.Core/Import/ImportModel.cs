using MediconGlobal.Core.Text;

namespace MediconGlobal.Core.Import;

public enum ImportKind
{
    Organisations,
    Programmes,
    Offers,
}

public enum RowOutcome
{
    New,
    Changed,
    Unchanged,
    Invalid,
}

/// <summary>A column of an import file: its header, whether it is required, and what goes in it.</summary>
/// <param name="Description">What goes in the column, in English: the key the import page translates (ADR 1401); <c>{0}</c> stands for <paramref name="Values"/>.</param>
/// <param name="Values">The accepted values, written as the file must contain them, for columns that take a fixed list.</param>
public sealed record ImportColumn(string Name, bool Required, string Description, string Example, string? Values = null);

/// <summary>
/// One data row of the file as the preview shows it. <see cref="Row"/> is numbered as in a spreadsheet (the
/// header is row 1). <see cref="Problems"/> holds the reasons for an invalid row (phrases the import page
/// translates, ADR 1401); <see cref="Changes"/> the columns a changed row changes.
/// </summary>
public sealed record ImportRow(int Row, string Name, RowOutcome Outcome, IReadOnlyList<Phrase> Problems)
{
    /// <summary>The columns (their names in the file, e.g. <c>expertise</c>) whose values a changed row changes.</summary>
    public IReadOnlyList<string> Changes { get; init; } = [];
}

/// <summary>What an import would do. Nothing is written unless <see cref="IsAcceptable"/>.</summary>
/// <param name="FileErrors">Problems with the file as a whole (its header, its size, a row that cannot be read), as phrases to translate.</param>
public sealed record ImportPreview(ImportKind Kind, IReadOnlyList<ImportRow> Rows, IReadOnlyList<Phrase> FileErrors)
{
    /// <summary>Remarks about the file that do not stop the import, such as HSDS columns that were skipped.</summary>
    public IReadOnlyList<Phrase> Notes { get; init; } = [];

    public bool IsAcceptable => FileErrors.Count == 0 && Rows.Count > 0 && Rows.All(r => r.Outcome != RowOutcome.Invalid);

    public int Count(RowOutcome outcome) => Rows.Count(r => r.Outcome == outcome);

    /// <summary>Each problem as one phrase, e.g. "Row 3 (Acme): type "Spaceport" is not an organisation type (…)."</summary>
    public IEnumerable<Phrase> ProblemPhrases =>
        FileErrors.Concat(Rows.Where(r => r.Outcome == RowOutcome.Invalid).SelectMany(r => r.Problems.Select(m => r.Name.Length > 0
            ? Phrase.L("Row {0} ({1}): {2}", r.Row, r.Name, m)
            : Phrase.L("Row {0}: {1}", r.Row, m))));

    /// <summary><see cref="ProblemPhrases"/> in English, for logs and tests.</summary>
    public IEnumerable<string> Problems => ProblemPhrases.Select(p => p.ToString());
}

/// <summary>The outcome of an import: the preview it was checked against, and whether it was written.</summary>
public sealed record ImportResult(ImportPreview Preview, bool Written);

/// <summary>A planned row: how it shows in the preview, and the change to make when the file is accepted.</summary>
internal sealed record PlannedRow(ImportRow Row, Action? Apply);
