using MediconGlobal.Core.Domain;

namespace MediconGlobal.Core.Import;

/// <summary>
/// Open Referral HSDS 3.0 tabular files (<c>organizations.csv</c>, <c>programs.csv</c>, <c>services.csv</c>)
/// read as portal imports where they fit: HSDS columns the portal holds under another name are renamed, HSDS
/// columns it does not hold are skipped (and listed in the preview), and HSDS service statuses stand for offer
/// statuses. What HSDS keeps in other files — an organisation's type and country, a service's provider,
/// category and format — has to be added as the portal's own columns.
/// </summary>
internal static class HsdsCsv
{
    private static readonly Dictionary<string, string> NoRenames = [];

    private static readonly Dictionary<string, string> ServiceRenames = new()
    {
        ["url"] = "website",
        ["email"] = "contact_email",
        ["application_process"] = "how_to_apply",
        ["fees_description"] = "cost_details",
    };

    private static readonly HashSet<string> OrganizationNotHeld =
        ["id", "alternate_name", "email", "tax_status", "tax_id", "year_incorporated", "legal_status", "logo", "uri", "parent_organization_id"];

    private static readonly HashSet<string> ProgramNotHeld = ["id", "organization_id", "alternate_name"];

    private static readonly HashSet<string> ServiceNotHeld =
    [
        "id", "organization_id", "program_id", "alternate_name", "interpretation_services", "wait_time", "fees", "accreditations",
        "eligibility_description", "minimum_age", "maximum_age", "assured_date", "assurer_email", "licenses", "alert", "last_modified",
    ];

    /// <summary>HSDS headers that mean a portal column of this kind of file.</summary>
    public static IReadOnlyDictionary<string, string> Renames(ImportKind kind) => kind == ImportKind.Offers ? ServiceRenames : NoRenames;

    /// <summary>HSDS headers of this kind of file that the portal does not keep.</summary>
    public static IReadOnlySet<string> NotHeld(ImportKind kind) => kind switch
    {
        ImportKind.Organisations => OrganizationNotHeld,
        ImportKind.Programmes => ProgramNotHeld,
        _ => ServiceNotHeld,
    };

    /// <summary>An HSDS service status as an offer status: active is published, the others archived.</summary>
    public static OfferStatus? OfferStatus(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "active" => Domain.OfferStatus.Published,
        "inactive" or "defunct" or "temporarily closed" => Domain.OfferStatus.Archived,
        _ => null,
    };
}
