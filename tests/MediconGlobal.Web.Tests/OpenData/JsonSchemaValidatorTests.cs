using System.Text.Json;

namespace MediconGlobal.Web.Tests.OpenData;

/// <summary>The validator must catch what the HSDS schemas forbid, or the schema tests prove nothing.</summary>
public sealed class JsonSchemaValidatorTests
{
    private static readonly JsonSchemaValidator Validator = JsonSchemaValidator.ForHsds();

    [Fact]
    public void ValidService_HasNoErrors()
    {
        var errors = Validate("""{"id":"4d470002-0000-4001-8000-000000000000","name":"Leap","status":"active","last_modified":"2026-01-02T03:04:05Z"}""", "service_list.json");

        Assert.Empty(errors);
    }

    [Fact]
    public void MissingRequiredWrongTypeBadFormatAndEnum_AreReported()
    {
        var errors = Validate("""{"id":"not-a-uuid","name":42,"status":"open","url":"no url","attributes":[{"taxonomy_term":{}}]}""", "service.json");

        Assert.Contains(errors, e => e.Contains("$.id") && e.Contains("uuid"));
        Assert.Contains(errors, e => e.Contains("$.name") && e.Contains("expected string"));
        Assert.Contains(errors, e => e.Contains("$.status") && e.Contains("not one of"));
        Assert.Contains(errors, e => e.Contains("$.url") && e.Contains("uri"));
        Assert.Contains(errors, e => e.Contains("$.attributes[0]: missing required property 'id'"));
        Assert.Contains(errors, e => e.Contains("$.attributes[0].taxonomy_term: missing required property 'name'"));
    }

    [Fact]
    public void RelativeReferences_AreFollowed()
    {
        var errors = Validate("""{"id":"4d470003-0000-4001-8000-000000000000","name":"P","description":"D","attributes":[{"id":"x"}]}""", "program.json");

        Assert.Contains(errors, e => e.Contains("$.attributes[0].id"));
    }

    private static IReadOnlyList<string> Validate(string json, string schema)
    {
        using var document = JsonDocument.Parse(json);
        return Validator.Validate(document.RootElement, schema);
    }
}
