namespace MediconGlobal.Web.Api;

/// <summary>
/// A query parameter of the HSDS API: its name and OpenAPI schema type and format as the HSDS 3.0
/// <c>openapi.json</c> (<c>components/parameters</c>) defines them, and what the portal does with it.
/// </summary>
public sealed record HsdsParameter(string Name, string Type, string Description, string? Format = null);

/// <summary>
/// The query parameters each HSDS endpoint takes (ADR 1650). An endpoint carries its list as metadata: a request with any
/// other parameter, or with one given twice, is refused with a 400 problem naming it, so nothing is silently ignored;
/// the OpenAPI document describes the same lists.
/// </summary>
public static class HsdsParameters
{
    public static readonly HsdsParameter Search = new("search", "string", "Full text search: every word must occur (case and accents ignored).");
    public static readonly HsdsParameter Page = new("page", "integer", "Page number of paginated result, from 1.");
    public static readonly HsdsParameter PerPage = new("per_page", "integer", "Number of results requested in a single page: 1 to 200, default 50.");
    public static readonly HsdsParameter Format = new("format", "string", "Return results in the specified format: `json` (default, paged) or `ndjson` (every result, one JSON object a line, without pagination; `page` and `per_page` are then refused).");
    public static readonly HsdsParameter TaxonomyTermId = new("taxonomy_term_id", "string", "Only records with this taxonomy term.");
    public static readonly HsdsParameter TaxonomyId = new("taxonomy_id", "string", "Only records with any term of this taxonomy.");
    public static readonly HsdsParameter OrganizationId = new("organization_id", "string", "Only records of this organization.");
    public static readonly HsdsParameter ModifiedAfter = new("modified_after", "string", "Return all results modified on or after this datetime (ISO 8601; a date alone is midnight UTC).", "datetime");
    public static readonly HsdsParameter Minimal = new("minimal", "boolean", "Return just each service's `id` and `last_modified`.");
    public static readonly HsdsParameter Full = new("full", "boolean", "Return fully nested services or organizations.");
    public static readonly HsdsParameter FullService = new("full_service", "boolean", "Fully nested organization with service array that contains full service information.");
    public static readonly HsdsParameter TopOnly = new("top_only", "boolean", "Only terms without a parent.");
    public static readonly HsdsParameter ParentId = new("parent_id", "string", "Only the children of this term.");

    public static readonly HsdsParameterList None = new([]);

    public static readonly HsdsParameterList Services = new([Search, Page, PerPage, Format, TaxonomyTermId, TaxonomyId, OrganizationId, ModifiedAfter, Minimal, Full]);

    /// <summary>The specification's parameters plus two of the portal's: <c>taxonomy_term_id</c> and <c>modified_after</c>.</summary>
    public static readonly HsdsParameterList Organizations = new([Search, FullService, Full, Page, PerPage, Format, TaxonomyTermId, ModifiedAfter]);

    public static readonly HsdsParameterList Organization = new([FullService]);

    /// <summary><c>/programs</c> is the portal's own list (HSDS 3.0 defines no such endpoint).</summary>
    public static readonly HsdsParameterList Programs = new([Search, Page, PerPage, Format, OrganizationId, ModifiedAfter]);

    public static readonly HsdsParameterList Taxonomies = new([Search, Page, PerPage, Format]);

    public static readonly HsdsParameterList TaxonomyTerms = new([Search, Page, PerPage, Format, TaxonomyId, TopOnly, ParentId]);
}

/// <summary>Endpoint metadata: the query parameters an HSDS endpoint takes.</summary>
public sealed record HsdsParameterList(IReadOnlyList<HsdsParameter> Parameters)
{
    /// <summary>Problems with the query's names: a parameter the endpoint does not take, or one given more than once.</summary>
    public Dictionary<string, string[]> Refusals(IQueryCollection query)
    {
        var problems = new Dictionary<string, string[]>();
        foreach (var (name, values) in query)
        {
            if (!Parameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                problems[name] = [Parameters.Count == 0
                    ? $"{name} is not a parameter of this endpoint, which takes none."
                    : $"{name} is not a parameter of this endpoint, which takes {string.Join(", ", Parameters.Select(p => p.Name))}."];
            }
            else if (values.Count > 1)
            {
                problems[name] = [$"{name} may be given once."];
            }
        }

        return problems;
    }
}
