using System.Text;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Import;

/// <summary>
/// Imports organisations, programmes and offers from CSV. Every row is checked first; the file is written only
/// when every row is valid, in one save (one transaction), so a bad row never leaves half a file behind.
/// Rows match existing records by name (offers by provider and name); columns left out of the file are not touched.
/// </summary>
public sealed class CsvImporter(AppDbContext db, TimeProvider clock)
{
    /// <summary>Largest file accepted, in characters.</summary>
    public const int MaxLength = 2_000_000;

    /// <summary>Most data rows in one file.</summary>
    public const int MaxRows = CsvRecords.MaxRows;

    public static IReadOnlyList<ImportColumn> ColumnsOf(ImportKind kind) => kind switch
    {
        ImportKind.Organisations => OrganisationImport.Columns,
        ImportKind.Programmes => ProgrammeImport.Columns,
        _ => OfferImport.Columns,
    };

    /// <summary>A template: the header and one example row.</summary>
    public static string Template(ImportKind kind)
    {
        var columns = ColumnsOf(kind);
        var text = new StringBuilder();
        text.AppendLine(string.Join(',', columns.Select(c => Quote(c.Name))));
        text.AppendLine(string.Join(',', columns.Select(c => Quote(c.Example))));
        return text.ToString();
    }

    public async Task<ImportPreview> PreviewAsync(ImportKind kind, string csv, CancellationToken cancellationToken = default) =>
        (await PlanAsync(kind, csv, cancellationToken)).Preview;

    /// <summary>Checks the file again and writes it only if every row is valid.</summary>
    public async Task<ImportResult> ImportAsync(ImportKind kind, string csv, CancellationToken cancellationToken = default)
    {
        var (preview, rows) = await PlanAsync(kind, csv, cancellationToken);
        if (!preview.IsAcceptable)
        {
            return new ImportResult(preview, Written: false);
        }

        foreach (var row in rows)
        {
            row.Apply?.Invoke();
        }

        await db.SaveChangesAsync(cancellationToken);
        return new ImportResult(preview, Written: true);
    }

    private async Task<(ImportPreview Preview, IReadOnlyList<PlannedRow> Rows)> PlanAsync(ImportKind kind, string csv, CancellationToken cancellationToken)
    {
        if (csv.Length > MaxLength)
        {
            return (new ImportPreview(kind, [], [Phrase.L("The file is larger than {0} MB; split it into smaller files.", MaxLength / 1_000_000)]), []);
        }

        var (records, errors, skipped) = CsvRecords.Read(csv, ColumnsOf(kind), HsdsCsv.Renames(kind), HsdsCsv.NotHeld(kind));
        var notes = skipped.Count == 0 ? [] : new[] { Phrase.L("Columns the portal does not keep were skipped: {0}.", string.Join(", ", skipped)) };
        if (errors.Count > 0)
        {
            return (new ImportPreview(kind, [], errors) { Notes = notes }, []);
        }

        var lookups = await ImportLookups.LoadAsync(db, kind, cancellationToken);
        var rows = kind switch
        {
            ImportKind.Organisations => OrganisationImport.Plan(db, records, lookups),
            ImportKind.Programmes => ProgrammeImport.Plan(db, records, lookups),
            _ => OfferImport.Plan(db, records, lookups, await db.Offers.Include(o => o.Terms).ThenInclude(t => t.Term).ToListAsync(cancellationToken), clock.GetUtcNow().UtcDateTime),
        };
        return (new ImportPreview(kind, rows.Select(r => r.Row).ToList(), []) { Notes = notes }, rows);
    }

    private static string Quote(string value) => value.IndexOfAny([',', '"', ';', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
