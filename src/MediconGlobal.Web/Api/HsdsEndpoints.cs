using MediconGlobal.Core.Data;
using MediconGlobal.Core.Notifications;
using MediconGlobal.Core.OpenData;

namespace MediconGlobal.Web.Api;

/// <summary>
/// The read-only Open Referral HSDS 3.0 API under <c>/api/hsds/</c> (see docs/catalogue-and-open-data.md). Public: the catalogue
/// is open data. Lists are paged (<c>page</c>, <c>per_page</c>) and filter by <c>search</c>, <c>taxonomy_term_id</c>,
/// <c>modified_after</c> and, where it applies, <c>organization_id</c> and <c>taxonomy_id</c>.
/// </summary>
public static class HsdsEndpoints
{
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
        api.MapGet("/", (PortalLinks links) => Json(new HsdsApiInfo("3.0", "https://docs.openreferral.org/en/3.0/", links.Absolute(HsdsOpenApi.DocumentPath))))
            .WithMetadata(HsdsParameters.None).Describe<HsdsApiInfo>("getAPIMetaInformation", "Information about this API and its relationship with HSDS.");
        api.MapGet("/organizations", (HttpRequest request, AppDbContext db, CancellationToken ct) =>
        {
            var reader = new HsdsRequest(request);
            var (full, fullService) = (reader.Flag(HsdsParameters.Full), reader.Flag(HsdsParameters.FullService));
            return full || fullService
                ? reader.ListAsync(q => new HsdsExport(db).FullOrganizationsAsync(q, fullService, ct))
                : reader.ListAsync(q => new HsdsExport(db).OrganizationsAsync(q, ct));
        }).WithMetadata(HsdsParameters.Organizations).Describe<HsdsPage<HsdsOrganization>>("getPaginatedListOfOrganizations", "Paginated list of organizations: organization_list items, or fully nested with full or full_service.");
        api.MapGet("/organizations/{id}", async (string id, HttpRequest request, AppDbContext db, CancellationToken ct) =>
        {
            var reader = new HsdsRequest(request);
            var fullService = reader.Flag(HsdsParameters.FullService);
            return reader.Problems.Count > 0 ? Results.ValidationProblem(reader.Problems) : One(await new HsdsExport(db).OrganizationAsync(id, fullService, ct));
        }).WithMetadata(HsdsParameters.Organization).Describe<HsdsOrganization>("getOrganizationById", "A fully nested organization with its services, programs, contacts and attributes.");
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
        }).WithMetadata(HsdsParameters.Services).Describe<HsdsPage<HsdsService>>("getPaginatedListOfServices", "Paginated list of published services: service_list items, full services with full, id and last_modified with minimal.");
        api.MapGet("/services/{id}", async (string id, AppDbContext db, CancellationToken ct) => One(await new HsdsExport(db).ServiceAsync(id, ct)))
            .WithMetadata(HsdsParameters.None).Describe<HsdsService>("getFullyNestedServiceById", "A fully nested published service.");
        api.MapGet("/programs", (HttpRequest request, AppDbContext db, CancellationToken ct) => new HsdsRequest(request).ListAsync(q => new HsdsExport(db).ProgramsAsync(q, ct)))
            .WithMetadata(HsdsParameters.Programs).Describe<HsdsPage<HsdsProgram>>("getPaginatedListOfPrograms", "Paginated list of programs (the portal's, not an HSDS 3.0 endpoint).");
        api.MapGet("/taxonomies", (HttpRequest request, AppDbContext db, CancellationToken ct) => new HsdsRequest(request).ListAsync(q => new HsdsExport(db).TaxonomiesAsync(q, ct)))
            .WithMetadata(HsdsParameters.Taxonomies).Describe<HsdsPage<HsdsTaxonomy>>("getPaginatedListOfTaxonomies", "Paginated list of the portal's taxonomies.");
        api.MapGet("/taxonomies/{id}", async (string id, AppDbContext db, CancellationToken ct) => One(await new HsdsExport(db).TaxonomyAsync(id, ct)))
            .WithMetadata(HsdsParameters.None).Describe<HsdsTaxonomy>("getTaxonomyById", "One taxonomy.");
        api.MapGet("/taxonomy_terms/{id}", async (string id, AppDbContext db, CancellationToken ct) => One(await new HsdsExport(db).TaxonomyTermAsync(id, ct)))
            .WithMetadata(HsdsParameters.None).Describe<HsdsTaxonomyTerm>("getTaxonomyTermById", "One taxonomy term.");
        api.MapGet("/taxonomy_terms", (HttpRequest request, AppDbContext db, CancellationToken ct) => new HsdsRequest(request).ListAsync(q => new HsdsExport(db).TaxonomyTermsAsync(q, ct)))
            .WithMetadata(HsdsParameters.TaxonomyTerms).Describe<HsdsPage<HsdsTaxonomyTerm>>("getPaginatedListOfTaxonomyTerms", "Paginated list of taxonomy terms.");
        api.MapGet("/export.zip", async (HttpContext context, AppDbContext db, CancellationToken ct) =>
        {
            context.Response.ContentType = "application/zip";
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"{HsdsTabularExport.FileName}\"";
            using var buffer = new MemoryStream();
            await new HsdsTabularExport(db).WriteZipAsync(buffer, ct);
            buffer.Position = 0;
            await buffer.CopyToAsync(context.Response.Body, ct);
        }).WithMetadata(HsdsParameters.None).WithName("getTabularExport").WithSummary("The whole catalogue as an HSDS tabular data package: a zip of CSV files and datapackage.json.")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip").ProducesValidationProblem();

        // The portal holds no street addresses, postcodes or coordinates, so it publishes no locations (ADR 1650).
        api.Map("/service_at_locations/{**rest}", () => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: NoLocations)).ExcludeFromDescription();

        // Any other address under the API answers as an API would: a JSON problem, not the portal's HTML page.
        api.Map("/{**rest}", () => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "The HSDS API has no such endpoint. See /api/hsds/ and the OpenAPI description.")).ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Names an operation as the HSDS 3.0 <c>openapi.json</c> does (its <c>operationId</c>; the specification's two
    /// taxonomy-term ids are swapped there, and are not here) and declares its JSON answer and its problems for the
    /// OpenAPI document (ADR 1651).
    /// </summary>
    private static RouteHandlerBuilder Describe<TResponse>(this RouteHandlerBuilder endpoint, string operationId, string summary) =>
        endpoint.WithName(operationId).WithSummary(summary)
            .Produces<TResponse>(StatusCodes.Status200OK, "application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>Why <c>/service_at_locations</c> is not served (ADR 1650).</summary>
    public const string NoLocations = "This API publishes no service_at_locations or locations: the portal holds no street addresses, postcodes or coordinates. Where a service is open is in its eligibility_description and its eligible_region attributes; organizations carry their region as an attribute.";

    private static IResult One<T>(T? value)
        where T : class =>
        value is null ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "No published record has this id.") : Json(value);

    internal static IResult Json<T>(T value) => Results.Json(value, HsdsJson.Options, "application/json; charset=utf-8");
}
