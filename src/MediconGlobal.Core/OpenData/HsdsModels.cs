namespace MediconGlobal.Core.OpenData;

// The HSDS 3.0 objects the portal publishes. Property names become snake_case in JSON and empty values are left
// out (see HsdsJson), so each object carries only what the portal knows.

public sealed record HsdsPage<T>(int TotalItems, int TotalPages, int PageNumber, int Size, bool FirstPage, bool LastPage, bool Empty, IReadOnlyList<T> Contents);

/// <summary>What <c>GET /api/hsds/</c> answers: the HSDS version, its profile and the address of this API's OpenAPI document.</summary>
public sealed record HsdsApiInfo(string Version, string Profile, string OpenapiUrl);

/// <summary>A service as the HSDS <c>minimal</c> parameter asks: its id and when it last changed (UTC).</summary>
public sealed record HsdsServiceMinimal(string Id, DateTime LastModified);

public sealed record HsdsTaxonomy(string Id, string Name, string Description, string? Uri = null, string? Version = null);

public sealed record HsdsTaxonomyTerm(string Id, string Code, string Name, string Description, string? ParentId, string Taxonomy, string TaxonomyId, string Language = "en");

public sealed record HsdsAttribute(string Id, string LinkId, string TaxonomyTermId, string LinkType, string LinkEntity, string? Value, HsdsTaxonomyTerm TaxonomyTerm);

/// <summary>HSDS <c>required_document</c>: what a company should prepare (<see cref="Domain.RequiredDocument"/>), with a template's address.</summary>
public sealed record HsdsRequiredDocument(string Id, string ServiceId, string Document, string? Uri);

public sealed record HsdsLanguage(string Id, string ServiceId, string Name, string Code);

public sealed record HsdsContact(string Id, string? OrganizationId, string? ServiceId, string? Name, string? Title, string? Email);

public sealed record HsdsProgram(string Id, string OrganizationId, string Name, string Description, IReadOnlyList<HsdsAttribute>? Attributes = null);

public sealed record HsdsOrganizationSummary(string Id, string Name, string Description, string? Website);

public sealed record HsdsOrganization(
    string Id,
    string Name,
    string Description,
    string? Website,
    IReadOnlyList<HsdsContact>? Contacts = null,
    IReadOnlyList<HsdsProgram>? Programs = null,
    IReadOnlyList<HsdsAttribute>? Attributes = null,
    IReadOnlyList<HsdsService>? Services = null);

/// <summary>An HSDS 3.0 service: one published offer.</summary>
/// <param name="AssuredDate">The day (ISO 8601, UTC) the offer was last reviewed: confirmed as correct or edited (ADR 1934).</param>
/// <param name="AssurerEmail">The e-mail address of the person who last reviewed it, at the time; absent when not known.</param>
public sealed record HsdsService(
    string Id,
    string OrganizationId,
    string? ProgramId,
    string Name,
    string? Description,
    string? Url,
    string? Email,
    string Status,
    string? ApplicationProcess,
    string? FeesDescription,
    string? EligibilityDescription,
    DateTime LastModified,
    HsdsOrganizationSummary? Organization = null,
    HsdsProgram? Program = null,
    IReadOnlyList<HsdsLanguage>? Languages = null,
    IReadOnlyList<HsdsContact>? Contacts = null,
    IReadOnlyList<HsdsAttribute>? Attributes = null,
    IReadOnlyList<HsdsRequiredDocument>? RequiredDocuments = null,
    string? AssuredDate = null,
    string? AssurerEmail = null);
