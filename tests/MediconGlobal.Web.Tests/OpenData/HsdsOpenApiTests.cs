using System.IO.Compression;
using System.Net;
using System.Text.Json;
using MediconGlobal.Web.Tests.Catalogue;
using MediconGlobal.Web.Tests.Infrastructure;

namespace MediconGlobal.Web.Tests.OpenData;

/// <summary>
/// The OpenAPI document the portal generates for its HSDS API (<c>/api/hsds/openapi.json</c>) against the official
/// HSDS 3.0 <c>openapi.json</c> (<c>Schemas/openapi.json</c>, unchanged): the same paths except the locations the
/// portal does not publish (ADR 1650), the specification's query parameters with their types on each operation,
/// JSON responses with the <c>Page</c> envelope, and only HSDS fields in the records (ADR 1651).
/// </summary>
public sealed class HsdsOpenApiTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    /// <summary>The specification's paths the portal does not serve, and why (ADR 1650: no addresses, so no locations).</summary>
    private static readonly string[] NotServed = ["/service_at_locations", "/service_at_locations/{id}"];

    /// <summary>Parameters the portal takes beyond the specification, per path (ADR 1650).</summary>
    private static readonly Dictionary<string, string[]> Extensions = new() { ["/organizations"] = ["taxonomy_term_id", "modified_after"] };

    private static readonly string SchemaFolder = Path.Combine(AppContext.BaseDirectory, "OpenData", "Schemas");

    private readonly PortalFactory _portal = fixture.Portal;

    [Fact]
    public async Task Document_IsOpenApi31_AndServesEverySpecifiedPathButLocations()
    {
        using var generated = await GeneratedAsync();
        using var official = Official();

        Assert.StartsWith("3.1", generated.RootElement.GetProperty("openapi").GetString());
        var officialPaths = Paths(official).ToList();
        var generatedPaths = Paths(generated).ToList();
        Assert.Equal(NotServed, officialPaths.Except(generatedPaths).Order().ToArray());
        Assert.Equal(["/export.zip", "/programs"], generatedPaths.Except(officialPaths).Order().ToArray());
    }

    [Fact]
    public async Task EveryOperation_HasTheSpecifiedQueryParametersWithTheirTypes()
    {
        using var generated = await GeneratedAsync();
        using var official = Official();

        foreach (var path in Paths(official).Except(NotServed))
        {
            var expected = QueryParameters(official, path).Concat(Extensions.GetValueOrDefault(path, []).Select(n => (n, QueryParameters(generated, path).First(p => p.Name == n).Type))).Order().ToArray();
            var actual = QueryParameters(generated, path).Order().ToArray();
            Assert.True(expected.SequenceEqual(actual), $"{path}: expected {string.Join(", ", expected)}; generated {string.Join(", ", actual)}");
        }
    }

    [Fact]
    public async Task EveryOperation_AnswersJsonWithTheSpecifiedShape_AndOnlyHsdsFields()
    {
        using var generated = await GeneratedAsync();
        using var official = Official();
        var page = official.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("Page").GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet();

        foreach (var path in Paths(official).Except(NotServed))
        {
            var officialSchema = Operation(official, path).GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
            var generatedSchema = Resolve(generated, Operation(generated, path).GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
            var properties = PropertyNames(generatedSchema);
            if (officialSchema.TryGetProperty("allOf", out _))
            {
                // A paged list: the Page envelope and contents, whose items are records of the specified schema.
                Assert.True(page.Append("contents").ToHashSet().SetEquals(properties), $"{path}: envelope {string.Join(", ", properties)}");
                var items = Resolve(generated, generatedSchema.GetProperty("properties").GetProperty("contents").GetProperty("items"));
                AssertHsdsFields(path, PropertyNames(items), officialSchema.GetProperty("properties").GetProperty("contents").GetProperty("items").GetProperty("$ref").GetString()!);
            }
            else if (officialSchema.TryGetProperty("$ref", out var reference))
            {
                AssertHsdsFields(path, properties, reference.GetString()!);
            }
            else
            {
                Assert.True(PropertyNames(officialSchema).SetEquals(properties), $"{path}: {string.Join(", ", properties)}");
            }
        }
    }

    [Fact]
    public async Task ApiRoot_LinksToTheGeneratedDocument()
    {
        using var root = JsonDocument.Parse(await _portal.CreatePortalClient().GetStringAsync("/api/hsds/"));

        Assert.EndsWith("/api/hsds/openapi.json", root.RootElement.GetProperty("openapi_url").GetString());
        Assert.True(Uri.IsWellFormedUriString(root.RootElement.GetProperty("openapi_url").GetString(), UriKind.Absolute));
    }

    /// <summary>
    /// A record's fields must be fields of the specification's record; a list item may carry the full record's
    /// (with <c>full=true</c> a list answers full records), so list items are checked against the full schema.
    /// </summary>
    private static void AssertHsdsFields(string path, HashSet<string> fields, string officialReference)
    {
        var file = Path.GetFileName(new Uri(officialReference).AbsolutePath).Replace("_list.json", ".json", StringComparison.Ordinal);
        var allowed = PropertyNames(Schema(file));
        Assert.True(fields.Count > 0 && fields.IsSubsetOf(allowed), $"{path}: {string.Join(", ", fields.Except(allowed))} are not fields of {file}");
    }

    private static JsonElement Schema(string file)
    {
        var path = Path.Combine(SchemaFolder, file);
        using var stream = File.Exists(path) ? File.OpenRead(path) : File.OpenRead(path + ".gz");
        using var reader = File.Exists(path) ? (Stream)stream : new GZipStream(stream, CompressionMode.Decompress);
        return JsonDocument.Parse(reader).RootElement.Clone();
    }

    /// <summary>The paths relative to the API's root: the official document's as they are, the portal's without <c>/api/hsds</c>.</summary>
    private static IEnumerable<string> Paths(JsonDocument document) =>
        document.RootElement.GetProperty("paths").EnumerateObject().Select(p => Relative(p.Name));

    private static string Relative(string path) =>
        path.StartsWith("/api/hsds", StringComparison.Ordinal) ? path["/api/hsds".Length..] is { Length: > 0 } rest ? rest : "/" : path;

    private static JsonElement Operation(JsonDocument document, string path) =>
        document.RootElement.GetProperty("paths").EnumerateObject().Single(p => Relative(p.Name) == path).Value.GetProperty("get");

    private static IEnumerable<(string Name, string Type)> QueryParameters(JsonDocument document, string path)
    {
        if (!Operation(document, path).TryGetProperty("parameters", out var parameters))
        {
            yield break;
        }

        foreach (var parameter in parameters.EnumerateArray().Select(p => Resolve(document, p)).Where(p => p.GetProperty("in").GetString() == "query"))
        {
            yield return (parameter.GetProperty("name").GetString()!, parameter.GetProperty("schema").GetProperty("type").GetString()!);
        }
    }

    /// <summary>Follows a document-local <c>$ref</c> (<c>#/components/…</c>).</summary>
    private static JsonElement Resolve(JsonDocument document, JsonElement element)
    {
        while (element.TryGetProperty("$ref", out var reference) && reference.GetString()!.StartsWith("#/", StringComparison.Ordinal))
        {
            element = reference.GetString()![2..].Split('/').Aggregate(document.RootElement, (e, name) => e.GetProperty(name));
        }

        return element;
    }

    private static HashSet<string> PropertyNames(JsonElement schema) =>
        schema.TryGetProperty("properties", out var properties) ? properties.EnumerateObject().Select(p => p.Name).ToHashSet() : [];

    private static JsonDocument Official() => JsonDocument.Parse(File.ReadAllText(Path.Combine(SchemaFolder, "openapi.json")));

    private async Task<JsonDocument> GeneratedAsync()
    {
        var response = await _portal.CreatePortalClient().GetAsync("/api/hsds/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
