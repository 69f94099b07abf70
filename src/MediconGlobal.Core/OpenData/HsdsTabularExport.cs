using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Exports;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.OpenData;

/// <summary>One HSDS 3.0 table as its schema describes it: file name and the scalar columns, in the schema's order.</summary>
public sealed record HsdsTable(string Name, string Path, IReadOnlyList<HsdsColumn> Columns, IReadOnlyList<string> Required)
{
    private static readonly string[] Names =
        ["organization", "program", "service", "attribute", "service_area", "phone", "contact", "language", "taxonomy_term", "cost_option", "required_document", "taxonomy"];

    /// <summary>The tables of the package, read from the Open Referral schemas embedded in this assembly.</summary>
    public static IReadOnlyList<HsdsTable> All { get; } = Load();

    private static List<HsdsTable> Load() => Names.Select(name =>
    {
        using var stream = typeof(HsdsTable).Assembly.GetManifestResourceStream($"MediconGlobal.Core.OpenData.Schemas.{name}.json")
            ?? throw new InvalidOperationException($"The HSDS schema {name}.json is not embedded.");
        var schema = JsonNode.Parse(stream)!.AsObject();
        var columns = schema["properties"]!.AsObject()
            .Where(p => p.Value?["type"]?.GetValue<string>() is "string" or "number" or "integer" or "boolean")
            .Select(p => new HsdsColumn(p.Key, p.Value!["type"]!.GetValue<string>(), p.Value["format"]?.GetValue<string>()))
            .ToList();
        var required = (schema["required"]?.AsArray() ?? []).Concat(schema["tabular_required"]?.AsArray() ?? []).Select(n => n!.GetValue<string>()).ToList();
        return new HsdsTable(name, schema["path"]!.GetValue<string>(), columns, required);
    }).ToList();
}

/// <summary>A column: its name, JSON Schema type (string, number…) and format (uuid, email, uri, date-time).</summary>
public sealed record HsdsColumn(string Name, string Type, string? Format);

/// <summary>
/// The catalogue as an Open Referral HSDS 3.0 tabular data package: a zip with one CSV per table
/// (<c>organizations.csv</c>, <c>programs.csv</c>, <c>services.csv</c>, <c>contacts.csv</c>, <c>phones.csv</c>,
/// <c>attributes.csv</c>, <c>taxonomies.csv</c>, <c>taxonomy_terms.csv</c>, <c>languages.csv</c>,
/// <c>service_areas.csv</c>, <c>cost_options.csv</c>, <c>required_documents.csv</c>) and a Frictionless <c>datapackage.json</c> describing them.
/// File names and columns come from the HSDS schemas (<see cref="HsdsTable"/>); CSVs are UTF-8 without a byte-order
/// mark, RFC 4180, header first, empty cells for what the portal does not hold. The same records as the HSDS API:
/// every organisation, every programme, published offers as services. The portal holds no street addresses, so
/// there are no <c>locations.csv</c>/<c>addresses.csv</c>; eligible ÖKS regions are service areas (and
/// attributes). Ids are the API's (<see cref="HsdsIds"/>). See docs/catalogue-and-open-data.md.
/// </summary>
public sealed class HsdsTabularExport(AppDbContext db)
{
    public const string FileName = "mediconglobal-hsds.zip";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Writes the zip to <paramref name="output"/>.</summary>
    public async Task WriteZipAsync(Stream output, CancellationToken cancellationToken = default)
    {
        var tables = await RowsAsync(cancellationToken);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var table in HsdsTable.All)
        {
            var entry = zip.CreateEntry(table.Path, CompressionLevel.Optimal);
            await using var stream = entry.Open();
            await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
            foreach (var column in table.Columns)
            {
                csv.WriteField(column.Name);
            }

            await csv.NextRecordAsync();
            foreach (var row in tables.GetValueOrDefault(table.Name, []))
            {
                foreach (var column in table.Columns)
                {
                    csv.WriteField(Cell(column, row.GetValueOrDefault(column.Name)));
                }

                await csv.NextRecordAsync();
            }
        }

        var package = zip.CreateEntry("datapackage.json", CompressionLevel.Optimal);
        await using (var stream = package.Open())
        {
            await JsonSerializer.SerializeAsync(stream, DataPackage(), Indented, cancellationToken);
        }
    }

    /// <summary>
    /// One cell of the package. Text a spreadsheet would run as a formula is escaped with <see cref="ExportCells.FormulaSafe"/>,
    /// as in every CSV of the portal (docs/data-quality.md, OWASP "CSV injection"): anyone with a partner account
    /// writes names and descriptions that the public download carries. Left as they are: columns whose values the
    /// portal makes or checks itself (numbers, booleans and the HSDS formats uuid, uri, date and date-time), and text of
    /// digits, spaces and <c>+-()./</c> only, such as a phone number "+46 40 32 10 00": without a letter no function,
    /// reference or DDE call can be written. The portal's HSDS import takes the escape off again
    /// (<see cref="ExportCells.WithoutFormulaEscape"/>).
    /// </summary>
    public static string Cell(HsdsColumn column, string? value)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (string.IsNullOrEmpty(value) || column.Type != "string" || column.Format is "uuid" or "uri" or "date" or "date-time")
        {
            return value ?? "";
        }

        return value.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')' or '.' or '/') ? value : ExportCells.FormulaSafe(value);
    }

    /// <summary>The Frictionless data package descriptor: one tabular resource per table with its fields.</summary>
    public static JsonObject DataPackage() => new()
    {
        ["name"] = "mediconglobal-hsds",
        ["title"] = "MediconGlobal internationalisation support catalogue (Open Referral HSDS 3.0)",
        ["profile"] = "tabular-data-package",
        ["licenses"] = new JsonArray(new JsonObject { ["name"] = "CC-BY-4.0", ["path"] = "https://creativecommons.org/licenses/by/4.0/" }),
        ["resources"] = new JsonArray(HsdsTable.All.Select(table => (JsonNode)new JsonObject
        {
            ["name"] = table.Name,
            ["path"] = table.Path,
            ["profile"] = "tabular-data-resource",
            ["format"] = "csv",
            ["mediatype"] = "text/csv",
            ["encoding"] = "utf-8",
            ["schema"] = new JsonObject
            {
                ["fields"] = new JsonArray(table.Columns.Select(c => (JsonNode)Field(c, table.Required.Contains(c.Name))).ToArray()),
                ["primaryKey"] = "id",
            },
        }).ToArray()),
    };

    private static JsonObject Field(HsdsColumn column, bool required)
    {
        var field = new JsonObject { ["name"] = column.Name };
        (field["type"], var format) = (column.Type, column.Format) switch
        {
            ("string", "date-time") => ("datetime", null),
            ("string", "date") => ("date", null),
            ("string", { } f and ("uuid" or "email" or "uri")) => ("string", f),
            (var t, _) => ((JsonNode)t, (string?)null),
        };
        if (format is not null)
        {
            field["format"] = format;
        }

        if (required)
        {
            field["constraints"] = new JsonObject { ["required"] = true };
        }

        return field;
    }

    private async Task<Dictionary<string, List<Dictionary<string, string?>>>> RowsAsync(CancellationToken cancellationToken)
    {
        var export = new HsdsExport(db);
        var terms = await export.TermsAsync(cancellationToken);
        var tables = HsdsTable.All.ToDictionary(t => t.Name, _ => new List<Dictionary<string, string?>>());

        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Select(o => new
            {
                o.Id,
                o.Name,
                o.Description,
                o.Website,
                o.Type,
                o.RegionId,
                Terms = o.Terms.Select(t => t.TermId).ToList(),
                Contacts = o.Contacts.OrderBy(c => c.Id).Select(c => new { c.Id, c.Name, c.Role, c.Email, c.Phone }).ToList(),
            })
            .ToListAsync(cancellationToken);
        foreach (var o in organisations)
        {
            var id = HsdsIds.Of(HsdsKind.Organization, o.Id);
            tables["organization"].Add(new() { ["id"] = id, ["name"] = o.Name, ["description"] = o.Description ?? "", ["website"] = HsdsExport.SafeUrl(o.Website) });
            tables["attribute"].AddRange(HsdsExport.OrganisationAttributes(terms, o.Id, o.Type, o.RegionId, o.Terms).Select(AttributeRow));
            foreach (var c in o.Contacts)
            {
                var contactId = HsdsIds.Of(HsdsKind.OrganizationContact, c.Id);
                tables["contact"].Add(new() { ["id"] = contactId, ["organization_id"] = id, ["name"] = c.Name, ["title"] = c.Role, ["email"] = c.Email });
                if (!string.IsNullOrWhiteSpace(c.Phone))
                {
                    tables["phone"].Add(new() { ["id"] = HsdsIds.Of(HsdsKind.Phone, c.Id), ["contact_id"] = contactId, ["number"] = c.Phone });
                }
            }
        }

        var programmes = await db.Programmes.AsNoTracking().OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Name, p.Description, p.LeadOrganisationId }).ToListAsync(cancellationToken);
        tables["program"].AddRange(programmes.Select(p => new Dictionary<string, string?>
        {
            ["id"] = HsdsIds.Of(HsdsKind.Program, p.Id),
            ["organization_id"] = HsdsIds.Of(HsdsKind.Organization, p.LeadOrganisationId),
            ["name"] = p.Name,
            ["description"] = p.Description ?? "",
        }));

        var offers = await db.Offers.AsNoTracking().Published().OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Select(o => new { o.Id, o.ContactPhone, o.Cost, o.CostDetails, Regions = o.Terms.Where(t => t.Term!.Kind == TaxonomyKind.Region).Select(t => t.TermId).ToList() })
            .ToListAsync(cancellationToken);
        var services = (await export.FullServicesAsync(offers.Select(o => o.Id).ToList(), cancellationToken)).ToDictionary(s => s.Id);
        foreach (var offer in offers)
        {
            var s = services[HsdsIds.Of(HsdsKind.Service, offer.Id)];
            tables["service"].Add(new()
            {
                ["id"] = s.Id,
                ["organization_id"] = s.OrganizationId,
                ["program_id"] = s.ProgramId,
                ["name"] = s.Name,
                ["description"] = s.Description,
                ["url"] = s.Url,
                ["email"] = s.Email,
                ["status"] = s.Status,
                ["application_process"] = s.ApplicationProcess,
                ["fees_description"] = s.FeesDescription,
                ["eligibility_description"] = s.EligibilityDescription,
                ["last_modified"] = DateTime.SpecifyKind(s.LastModified, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["assured_date"] = s.AssuredDate,
                ["assurer_email"] = s.AssurerEmail,
            });
            tables["attribute"].AddRange((s.Attributes ?? []).Select(AttributeRow));
            tables["required_document"].AddRange((s.RequiredDocuments ?? []).Select(d => new Dictionary<string, string?> { ["id"] = d.Id, ["service_id"] = d.ServiceId, ["document"] = d.Document, ["uri"] = d.Uri }));
            tables["language"].AddRange((s.Languages ?? []).Select(l => new Dictionary<string, string?> { ["id"] = l.Id, ["service_id"] = l.ServiceId, ["name"] = l.Name, ["code"] = l.Code }));
            foreach (var c in s.Contacts ?? [])
            {
                tables["contact"].Add(new() { ["id"] = c.Id, ["service_id"] = s.Id, ["name"] = c.Name, ["email"] = c.Email });
                if (!string.IsNullOrWhiteSpace(offer.ContactPhone))
                {
                    tables["phone"].Add(new() { ["id"] = HsdsIds.Of(HsdsKind.Phone, offer.Id, 1), ["contact_id"] = c.Id, ["service_id"] = s.Id, ["number"] = offer.ContactPhone });
                }
            }

            tables["service_area"].AddRange(offer.Regions.Select(r => new Dictionary<string, string?>
            {
                ["id"] = HsdsIds.Of(HsdsKind.ServiceArea, offer.Id, r),
                ["service_id"] = s.Id,
                ["name"] = terms.Term(new HsdsTermRef.Stored(r)).Name,
                ["description"] = "Companies based in this ÖKS region are eligible.",
            }));
            tables["cost_option"].Add(new()
            {
                ["id"] = HsdsIds.Of(HsdsKind.CostOption, offer.Id),
                ["service_id"] = s.Id,
                ["option"] = DisplayNames.Of(offer.Cost),
                ["amount_description"] = offer.CostDetails,
            });
        }

        tables["taxonomy"].AddRange(terms.Taxonomies.Select(t => new Dictionary<string, string?> { ["id"] = t.Id, ["name"] = t.Name, ["description"] = t.Description, ["uri"] = t.Uri, ["version"] = t.Version }));
        tables["taxonomy_term"].AddRange(terms.Terms.Select(t => new Dictionary<string, string?>
        {
            ["id"] = t.Id,
            ["code"] = t.Code,
            ["name"] = t.Name,
            ["description"] = t.Description,
            ["parent_id"] = t.ParentId,
            ["taxonomy"] = t.Taxonomy,
            ["language"] = t.Language,
            ["taxonomy_id"] = t.TaxonomyId,
        }));
        return tables;
    }

    private static Dictionary<string, string?> AttributeRow(HsdsAttribute a) => new()
    {
        ["id"] = a.Id,
        ["link_id"] = a.LinkId,
        ["taxonomy_term_id"] = a.TaxonomyTermId,
        ["link_type"] = a.LinkType,
        ["link_entity"] = a.LinkEntity,
        ["value"] = a.Value,
    };
}
