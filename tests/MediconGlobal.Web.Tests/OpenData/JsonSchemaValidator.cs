using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MediconGlobal.Web.Tests.OpenData;

/// <summary>
/// A small JSON Schema validator for the subset the HSDS 3.0 schema files use: <c>type</c>, <c>properties</c>,
/// <c>required</c>, <c>items</c>, <c>enum</c>, <c>format</c> (uuid, email, uri, date-time, date),
/// <c>additionalProperties</c> and file-relative <c>$ref</c>. Annotation keywords (titles, examples, Frictionless
/// <c>constraints</c>…) are skipped; any other keyword makes it throw, so a schema outside the subset cannot pass silently.
/// </summary>
public sealed partial class JsonSchemaValidator
{
    private static readonly HashSet<string> Annotations =
    [
        "name", "path", "title", "description", "example", "constraints", "core", "datapackage_metadata", "datapackage_type",
        "tabular_required", "$schema", "$id",
    ];

    private readonly string _folder;
    private readonly Dictionary<string, JsonElement> _files = [];

    public JsonSchemaValidator(string folder) => _folder = folder;

    public static JsonSchemaValidator ForHsds() => new(Path.Combine(AppContext.BaseDirectory, "OpenData", "Schemas"));

    /// <summary>The problems found, each with its JSON path; empty when the instance is valid.</summary>
    public IReadOnlyList<string> Validate(JsonElement instance, string schemaFile)
    {
        var errors = new List<string>();
        Check(instance, Load(schemaFile), "$", errors);
        return errors;
    }

    private JsonElement Load(string file)
    {
        if (!_files.TryGetValue(file, out var schema))
        {
            var path = Path.Combine(_folder, file);
            using var stream = File.Exists(path) ? File.OpenRead(path) : File.OpenRead(path + ".gz");
            using var reader = File.Exists(path) ? (Stream)stream : new GZipStream(stream, CompressionMode.Decompress);
            schema = JsonDocument.Parse(reader).RootElement.Clone();
            _files[file] = schema;
        }

        return schema;
    }

    private void Check(JsonElement value, JsonElement schema, string path, List<string> errors)
    {
        foreach (var keyword in schema.EnumerateObject())
        {
            switch (keyword.Name)
            {
                case "$ref":
                    Check(value, Load(keyword.Value.GetString()!), path, errors);
                    break;
                case "type":
                    var types = keyword.Value.ValueKind == JsonValueKind.Array ? keyword.Value.EnumerateArray().Select(t => t.GetString()!).ToList() : [keyword.Value.GetString()!];
                    if (!types.Any(t => HasType(value, t)))
                    {
                        errors.Add($"{path}: expected {string.Join(" or ", types)}, found {value.ValueKind}");
                        return;
                    }

                    break;
                case "properties" when value.ValueKind == JsonValueKind.Object:
                    foreach (var property in keyword.Value.EnumerateObject())
                    {
                        if (value.TryGetProperty(property.Name, out var child))
                        {
                            Check(child, property.Value, $"{path}.{property.Name}", errors);
                        }
                    }

                    break;
                case "required" when value.ValueKind == JsonValueKind.Object:
                    errors.AddRange(keyword.Value.EnumerateArray().Select(r => r.GetString()!).Where(r => !value.TryGetProperty(r, out _)).Select(r => $"{path}: missing required property '{r}'"));
                    break;
                case "additionalProperties" when value.ValueKind == JsonValueKind.Object && keyword.Value.ValueKind == JsonValueKind.False:
                    var known = schema.TryGetProperty("properties", out var declared) ? declared.EnumerateObject().Select(p => p.Name).ToHashSet() : [];
                    errors.AddRange(value.EnumerateObject().Where(p => !known.Contains(p.Name)).Select(p => $"{path}: property '{p.Name}' is not allowed"));
                    break;
                case "items" when value.ValueKind == JsonValueKind.Array:
                    var index = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        Check(item, keyword.Value, $"{path}[{index++}]", errors);
                    }

                    break;
                case "enum":
                    if (!keyword.Value.EnumerateArray().Any(option => JsonElement.DeepEquals(option, value)))
                    {
                        errors.Add($"{path}: {value} is not one of {keyword.Value}");
                    }

                    break;
                case "format" when value.ValueKind == JsonValueKind.String:
                    if (!HasFormat(value.GetString()!, keyword.Value.GetString()!))
                    {
                        errors.Add($"{path}: '{value.GetString()}' is not a valid {keyword.Value.GetString()}");
                    }

                    break;
                case "properties" or "required" or "additionalProperties" or "items" or "format":
                    break;
                default:
                    if (!Annotations.Contains(keyword.Name))
                    {
                        throw new NotSupportedException($"JSON Schema keyword '{keyword.Name}' at {path} is outside the supported subset.");
                    }

                    break;
            }
        }
    }

    private static bool HasType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => throw new NotSupportedException($"JSON Schema type '{type}' is outside the supported subset."),
    };

    private static bool HasFormat(string value, string format) => format switch
    {
        "uuid" => Guid.TryParseExact(value, "D", out _),
        "email" => EmailPattern().IsMatch(value),
        "uri" => Uri.TryCreate(value, UriKind.Absolute, out _),
        "date-time" => DateTimePattern().IsMatch(value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "date" => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        _ => throw new NotSupportedException($"JSON Schema format '{format}' is outside the supported subset."),
    };

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex DateTimePattern();
}
