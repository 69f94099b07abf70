using System.Globalization;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.OpenData;

namespace MediconGlobal.Web.Api;

/// <summary>
/// The read-only Open Referral HSDS 3.0 API under <c>/api/hsds/</c> (see docs/catalogue-and-open-data.md). Public: the catalogue
/// is open data. Lists are paged (<c>page</c>, <c>per_page</c>) and filter by <c>search</c>, <c>taxonomy_term_id</c>,
/// <c>modified_after</c> and, where it applies, <c>organization_id</c> and <c>taxonomy_id</c>.
/// </summary>
public static class HsdsEndpoints
{
    public const string OpenApiUrl = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json";

    public static IEndpointRouteBuilder MapHsdsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/hsds").AllowAnonymous().WithMetadata(new Infrastructure.RateLimitedEndpoint(Infrastructure.RateLimitPolicies.OpenData, CountsReads: true));

        // A browser opening an API address saves the JSON rather than rendering it (OWASP ASVS 14.4.2).
        api.AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.ContentDisposition = "attachment; filename=\"api.json\"";
            return await next(context);
        });
        api.MapGet("/", () => Json(new { version = "3.0", profile = "https://docs.openreferral.org/en/3.0/", openapi_url = OpenApiUrl }));
        api.MapGet("/organizations", (HttpRequest request, AppDbContext db, CancellationToken ct) => ListAsync(request, q => new HsdsExport(db).OrganizationsAsync(q, ct)));
        api.MapGet("/organizations/{id}", async (string id, AppDbContext db, CancellationToken ct) => One(await new HsdsExport(db).OrganizationAsync(id, ct)));
        api.MapGet("/services", (HttpRequest request, AppDbContext db, CancellationToken ct) => ListAsync(request, q => new HsdsExport(db).ServicesAsync(q, ct)));
        api.MapGet("/services/{id}", async (string id, AppDbContext db, CancellationToken ct) => One(await new HsdsExport(db).ServiceAsync(id, ct)));
        api.MapGet("/programs", (HttpRequest request, AppDbContext db, CancellationToken ct) => ListAsync(request, q => new HsdsExport(db).ProgramsAsync(q, ct)));
        api.MapGet("/taxonomies", (HttpRequest request, AppDbContext db, CancellationToken ct) => ListAsync(request, q => new HsdsExport(db).TaxonomiesAsync(q, ct)));
        api.MapGet("/export.zip", async (HttpContext context, AppDbContext db, CancellationToken ct) =>
        {
            context.Response.ContentType = "application/zip";
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"{HsdsTabularExport.FileName}\"";
            using var buffer = new MemoryStream();
            await new HsdsTabularExport(db).WriteZipAsync(buffer, ct);
            buffer.Position = 0;
            await buffer.CopyToAsync(context.Response.Body, ct);
        });
        api.MapGet("/taxonomy_terms", (HttpRequest request, AppDbContext db, CancellationToken ct) => ListAsync(request, q => new HsdsExport(db).TaxonomyTermsAsync(q, ct)));

        // Any other address under the API answers as an API would: a JSON problem, not the portal's HTML page.
        api.Map("/{**rest}", () => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "The HSDS API has no such endpoint. See /api/hsds/ and the OpenAPI description."));
        return app;
    }

    private static async Task<IResult> ListAsync<T>(HttpRequest request, Func<HsdsQuery, Task<HsdsPage<T>>> list)
    {
        var query = request.Query;
        var problems = new Dictionary<string, string[]>();
        int? Number(string name, int max)
        {
            if (string.IsNullOrEmpty(query[name]))
            {
                return null;
            }

            if (int.TryParse(query[name], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 && value <= max)
            {
                return value;
            }

            problems[name] = [string.Create(CultureInfo.InvariantCulture, $"{name} must be a whole number from 1 to {max}.")];
            return null;
        }

        DateTime? modifiedAfter = null;
        if (!string.IsNullOrEmpty(query["modified_after"]))
        {
            if (!DateTimeOffset.TryParse(query["modified_after"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                problems["modified_after"] = ["modified_after must be a date and time such as 2026-01-31T00:00:00Z."];
            }
            else if (!Core.Domain.CalendarDates.Contains(parsed))
            {
                problems["modified_after"] = [$"modified_after must be {Core.Domain.CalendarDates.Range}."];
            }
            else
            {
                modifiedAfter = parsed.UtcDateTime;
            }
        }

        var perPage = Number("per_page", HsdsQuery.MaxPerPage) ?? HsdsQuery.DefaultPerPage;
        var page = Number("page", HsdsQuery.MaxPage(perPage)) ?? 1;
        if (problems.Count > 0)
        {
            return Results.ValidationProblem(problems);
        }

        var result = await list(new HsdsQuery(Text(query["search"]), Text(query["taxonomy_term_id"]), modifiedAfter, Text(query["organization_id"]), Text(query["taxonomy_id"]), page, perPage));
        return Json(result);
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static IResult One<T>(T? value)
        where T : class =>
        value is null ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "No published record has this id.") : Json(value);

    private static IResult Json<T>(T value) => Results.Json(value, HsdsJson.Options, "application/json; charset=utf-8");
}
