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
            if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<HsdsParameterList>() is { } parameters
                && parameters.Refusals(context.HttpContext.Request.Query) is { Count: > 0 } refusals)
            {
                return Results.ValidationProblem(refusals);
            }

            return await next(context);
        });
        api.MapGet("/", () => Json(new { version = "3.0", profile = "https://docs.openreferral.org/en/3.0/", openapi_url = OpenApiUrl })).WithMetadata(HsdsParameters.None);
        api.MapGet("/organizations", (HttpRequest request, AppDbContext db, CancellationToken ct) =>
        {
            var reader = new HsdsRequest(request);
            var (full, fullService) = (reader.Flag(HsdsParameters.Full), reader.Flag(HsdsParameters.FullService));
            return full || fullService
                ? reader.ListAsync(q => new HsdsExport(db).FullOrganizationsAsync(q, fullService, ct))
                : reader.ListAsync(q => new HsdsExport(db).OrganizationsAsync(q, ct));
        }).WithMetadata(HsdsParameters.Organizations);
        api.MapGet("/organizations/{id}", async (string id, HttpRequest request, AppDbContext db, CancellationToken ct) =>
        {
            var reader = new HsdsRequest(request);
            var fullService = reader.Flag(HsdsParameters.FullService);
            return reader.Problems.Count > 0 ? Results.ValidationProblem(reader.Problems) : One(await new HsdsExport(db).OrganizationAsync(id, fullService, ct));
        }).WithMetadata(HsdsParameters.Organization);
        api.MapGet("/services", (HttpRequest request, AppDbContext db, CancellationToken ct) =>
        {
            var reader = new HsdsRequest(request);
            var (minimal, full) = (reader.Flag(HsdsParameters.Minimal), reader.Flag(HsdsParameters.Full));
            if (minimal && full)
            {
                reader.Problems[HsdsParameters.Full.Name] = ["full and minimal cannot both be true."];
            }

            return minimal
                ? reader.ListAsync(q => new HsdsExport(db).MinimalServicesAsync(q, ct))
                : reader.ListAsync(q => new HsdsExport(db).ServicesAsync(q, full, ct));
        }).WithMetadata(HsdsParameters.Services);
        api.MapGet("/services/{id}", async (string id, AppDbContext db, CancellationToken ct) => One(await new HsdsExport(db).ServiceAsync(id, ct))).WithMetadata(HsdsParameters.None);
        api.MapGet("/programs", (HttpRequest request, AppDbContext db, CancellationToken ct) => new HsdsRequest(request).ListAsync(q => new HsdsExport(db).ProgramsAsync(q, ct))).WithMetadata(HsdsParameters.Programs);
        api.MapGet("/taxonomies", (HttpRequest request, AppDbContext db, CancellationToken ct) => new HsdsRequest(request).ListAsync(q => new HsdsExport(db).TaxonomiesAsync(q, ct))).WithMetadata(HsdsParameters.Taxonomies);
        api.MapGet("/taxonomies/{id}", async (string id, AppDbContext db, CancellationToken ct) => One(await new HsdsExport(db).TaxonomyAsync(id, ct))).WithMetadata(HsdsParameters.None);
        api.MapGet("/taxonomy_terms/{id}", async (string id, AppDbContext db, CancellationToken ct) => One(await new HsdsExport(db).TaxonomyTermAsync(id, ct))).WithMetadata(HsdsParameters.None);
        api.MapGet("/taxonomy_terms", (HttpRequest request, AppDbContext db, CancellationToken ct) => new HsdsRequest(request).ListAsync(q => new HsdsExport(db).TaxonomyTermsAsync(q, ct))).WithMetadata(HsdsParameters.TaxonomyTerms);
        api.MapGet("/export.zip", async (HttpContext context, AppDbContext db, CancellationToken ct) =>
        {
            context.Response.ContentType = "application/zip";
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"{HsdsTabularExport.FileName}\"";
            using var buffer = new MemoryStream();
            await new HsdsTabularExport(db).WriteZipAsync(buffer, ct);
            buffer.Position = 0;
            await buffer.CopyToAsync(context.Response.Body, ct);
        }).WithMetadata(HsdsParameters.None);

        // The portal holds no street addresses, postcodes or coordinates, so it publishes no locations (ADR 1650).
        api.Map("/service_at_locations/{**rest}", () => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: NoLocations));

        // Any other address under the API answers as an API would: a JSON problem, not the portal's HTML page.
        api.Map("/{**rest}", () => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "The HSDS API has no such endpoint. See /api/hsds/ and the OpenAPI description."));
        return app;
    }

    /// <summary>Why <c>/service_at_locations</c> is not served (ADR 1650).</summary>
    public const string NoLocations = "This API publishes no service_at_locations or locations: the portal holds no street addresses, postcodes or coordinates. Where a service is open is in its eligibility_description and its eligible_region attributes; organizations carry their region as an attribute.";

    private static IResult One<T>(T? value)
        where T : class =>
        value is null ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "No published record has this id.") : Json(value);

    internal static IResult Json<T>(T value) => Results.Json(value, HsdsJson.Options, "application/json; charset=utf-8");
}
