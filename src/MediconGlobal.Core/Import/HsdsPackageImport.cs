using System.Globalization;
using System.IO.Compression;
using CsvHelper;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Import;

/// <summary>
/// Reads an Open Referral HSDS 3.0 tabular package (the zip the portal exports, <c>HsdsTabularExport</c>) back
/// into the portal: organisations, programmes and services are joined with their attributes, taxonomy terms,
/// contacts, phones, languages and cost options into the portal's own import files, which then go through
/// <see cref="CsvImporter"/> — the same checks, and all three written in one transaction or none. An
/// organisation's country is not in HSDS without addresses, so it is taken from the organisation of the same
/// name already in the portal; a new organisation without one is refused with a message.
/// </summary>
public sealed class HsdsPackageImport(AppDbContext db, TimeProvider clock)
{
    /// <summary>Largest zip accepted, in bytes.</summary>
    public const long MaxZipBytes = 20_000_000;

    /// <summary>Previews (and, when <paramref name="write"/> and every file is acceptable, writes) the package.</summary>
    /// <returns>One result per portal file in the order organisations, programmes, offers; <c>Written</c> only if all were.</returns>
    public async Task<IReadOnlyList<ImportResult>> ImportAsync(Stream zip, bool write, CancellationToken cancellationToken = default)
    {
        var (tables, problems) = ReadTables(zip);
        if (problems.Count > 0)
        {
            return [new ImportResult(new ImportPreview(ImportKind.Organisations, [], problems), Written: false)];
        }

        var files = await ToPortalFilesAsync(tables, cancellationToken);
        var importer = new CsvImporter(db, clock);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var results = new List<ImportResult>();
        foreach (var (kind, csv) in files)
        {
            var result = write ? await importer.ImportAsync(kind, csv, cancellationToken) : new ImportResult(await importer.PreviewAsync(kind, csv, cancellationToken), false);
            results.Add(result);
            if (!result.Preview.IsAcceptable)
            {
                break;
            }
        }

        if (write && results.Count == files.Count && results.All(r => r.Written))
        {
            await transaction.CommitAsync(cancellationToken);
            return results;
        }

        await transaction.RollbackAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return results.Select(r => r with { Written = false }).ToList();
    }

    /// <summary>The package's tables by file name; a row whose cell count differs from its header is a problem naming the file and row.</summary>
    private static (Dictionary<string, List<Dictionary<string, string>>> Tables, List<Phrase> Problems) ReadTables(Stream zip)
    {
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        var tables = new Dictionary<string, List<Dictionary<string, string>>>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<Phrase>();
        foreach (var entry in archive.Entries.Where(e => e.FullName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && e.Length < MaxZipBytes))
        {
            using var bytes = new MemoryStream();
            using (var stream = entry.Open())
            {
                stream.CopyTo(bytes);
            }

            if (UploadedText.Read(bytes.ToArray()).Text is not { } text)
            {
                problems.Add(Phrase.L("{0}: the file is neither UTF-8 nor Windows-1252 text.", entry.FullName));
                continue;
            }

            using var csv = new CsvReader(new StringReader(text), CultureInfo.InvariantCulture);
            var rows = new List<Dictionary<string, string>>();
            if (csv.Read() && csv.ReadHeader())
            {
                var header = csv.HeaderRecord!;
                while (csv.Read())
                {
                    if (CsvRecords.CellCountProblem(csv.Parser.Row, csv.Parser.Count, header.Length) is { } problem)
                    {
                        problems.Add(Phrase.L("{0}: {1}", entry.FullName, problem));
                        continue;
                    }

                    rows.Add(header.Select((name, i) => (name, value: csv.GetField(i) ?? "")).ToDictionary(c => c.name, c => c.value));
                }
            }

            tables[Path.GetFileNameWithoutExtension(entry.FullName)] = rows;
        }

        return (tables, problems);
    }

    private async Task<List<(ImportKind Kind, string Csv)>> ToPortalFilesAsync(Dictionary<string, List<Dictionary<string, string>>> tables, CancellationToken cancellationToken)
    {
        List<Dictionary<string, string>> Table(string name) => tables.GetValueOrDefault(name) ?? [];
        var termCodes = Table("taxonomy_terms").ToDictionary(t => Cell(t, "id"), t => Cell(t, "code") is { Length: > 0 } code ? code : Cell(t, "name"));
        var attributes = Table("attributes").ToLookup(a => (Cell(a, "link_id"), Cell(a, "link_type")), a => termCodes.GetValueOrDefault(Cell(a, "taxonomy_term_id"), Cell(a, "value")));
        string Terms(string id, string linkType) => string.Join("; ", attributes[(id, linkType)]);
        var nextStepDays = Table("attributes").Where(a => Cell(a, "link_type") == "next_step" && int.TryParse(Cell(a, "value"), out _))
            .GroupBy(a => Cell(a, "link_id")).ToDictionary(g => g.Key, g => Cell(g.First(), "value"));
        var documents = Table("required_documents").ToLookup(d => Cell(d, "service_id"), d => new Domain.RequiredDocument(Cell(d, "document"), Cell(d, "uri") is { Length: > 0 } uri ? uri : null));
        var organisationNames = Table("organizations").ToDictionary(o => Cell(o, "id"), o => Cell(o, "name"));
        var programmeNames = Table("programs").ToDictionary(p => Cell(p, "id"), p => Cell(p, "name"));
        var countries = await db.Organisations.AsNoTracking().Select(o => new { o.Name, o.CountryCode }).ToDictionaryAsync(o => o.Name, o => o.CountryCode, cancellationToken);

        var organisations = Table("organizations").Select(o => new Dictionary<string, string>
        {
            ["name"] = Cell(o, "name"),
            ["type"] = Terms(Cell(o, "id"), "organization_type"),
            ["country"] = countries.GetValueOrDefault(Cell(o, "name"), ""),
            ["region"] = Terms(Cell(o, "id"), "region"),
            ["website"] = Cell(o, "website"),
            ["description"] = Cell(o, "description"),
            ["expertise"] = Terms(Cell(o, "id"), "expertise"),
            ["sectors"] = Terms(Cell(o, "id"), "sector_served"),
            ["languages"] = Terms(Cell(o, "id"), "language"),
        });
        var programmes = Table("programs").Select(p => new Dictionary<string, string>
        {
            ["name"] = Cell(p, "name"),
            ["lead_organisation"] = organisationNames.GetValueOrDefault(Cell(p, "organization_id"), ""),
            ["description"] = Cell(p, "description"),
        });
        var contacts = Table("contacts").Where(c => Cell(c, "service_id").Length > 0).GroupBy(c => Cell(c, "service_id")).ToDictionary(g => g.Key, g => g.First());
        var phones = Table("phones").Where(p => Cell(p, "service_id").Length > 0).GroupBy(p => Cell(p, "service_id")).ToDictionary(g => g.Key, g => Cell(g.First(), "number"));
        var languages = Table("languages").ToLookup(l => Cell(l, "service_id"), l => Cell(l, "code"));
        var costs = Table("cost_options").GroupBy(c => Cell(c, "service_id")).ToDictionary(g => g.Key, g => Cell(g.First(), "amount_description"));
        var offers = Table("services").Select(s =>
        {
            var id = Cell(s, "id");
            var contact = contacts.GetValueOrDefault(id);
            return new Dictionary<string, string>
            {
                ["name"] = Cell(s, "name"),
                ["provider"] = organisationNames.GetValueOrDefault(Cell(s, "organization_id"), ""),
                ["category"] = Terms(id, "support_category"),
                ["format"] = Terms(id, "format"),
                ["status"] = Cell(s, "status"),
                ["cost"] = Terms(id, "cost"),
                ["cost_details"] = costs.GetValueOrDefault(id, ""),
                ["description"] = Cell(s, "description"),
                ["programme"] = programmeNames.GetValueOrDefault(Cell(s, "program_id"), ""),
                ["sectors"] = Terms(id, "sector"),
                ["stages"] = Terms(id, "development_stage"),
                ["markets"] = Terms(id, "target_market"),
                ["regions"] = Terms(id, "eligible_region"),
                ["languages"] = string.Join("; ", languages[id]),
                ["how_to_apply"] = Cell(s, "application_process"),
                ["next_step"] = Terms(id, "next_step"),
                ["next_step_working_days"] = nextStepDays.GetValueOrDefault(id, ""),
                ["required_documents"] = Domain.RequiredDocument.Join(documents[id]) ?? "",
                ["contact_name"] = contact is null ? "" : Cell(contact, "name"),
                ["contact_email"] = contact is null ? "" : Cell(contact, "email"),
                ["contact_phone"] = phones.GetValueOrDefault(id, ""),
                ["website"] = Cell(s, "url"),
            };
        });
        List<(ImportKind Kind, string Csv)> files = [(ImportKind.Organisations, Write(organisations)), (ImportKind.Programmes, Write(programmes)), (ImportKind.Offers, Write(offers))];
        return files.Where(f => f.Csv.Length > 0).ToList();
    }

    /// <summary>A cell as it was before the exporter's formula escape (<see cref="Exports.ExportCells.WithoutFormulaEscape"/>), trimmed.</summary>
    private static string Cell(Dictionary<string, string> row, string column) => Exports.ExportCells.WithoutFormulaEscape(row.GetValueOrDefault(column, "").Trim());

    private static string Write(IEnumerable<Dictionary<string, string>> rows)
    {
        var list = rows.ToList();
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using var csv = new CsvWriter(text, CultureInfo.InvariantCulture);
        foreach (var column in list.FirstOrDefault()?.Keys ?? Enumerable.Empty<string>())
        {
            csv.WriteField(column);
        }

        csv.NextRecord();
        foreach (var row in list)
        {
            foreach (var value in row.Values)
            {
                csv.WriteField(value);
            }

            csv.NextRecord();
        }

        csv.Flush();
        return text.ToString();
    }
}
