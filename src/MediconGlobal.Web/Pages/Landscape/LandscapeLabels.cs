using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Landscape;

namespace MediconGlobal.Web.Pages.Landscape;

/// <summary>English names of the landscape's enum values; the views pass them through the localizer.</summary>
public static class LandscapeLabels
{
    public static readonly IReadOnlyList<PartnershipStatus> Pipeline = Enum.GetValues<PartnershipStatus>();

    public static string TypeName(OrganisationType type) => OrganisationTypes.DisplayName(type);

    /// <summary>The English name of a pipeline stage, the key the localiser translates (literals, so the key tool lists them).</summary>
    public static string StatusName(PartnershipStatus status) => status switch
    {
        PartnershipStatus.Mapped => "Mapped",
        PartnershipStatus.Contacted => "Contacted",
        PartnershipStatus.Engaged => "Engaged",
        PartnershipStatus.Partner => "Partner",
        _ => status.ToString(),
    };

    /// <summary>What each pipeline stage means, shown on the board.</summary>
    public static string StatusMeaning(PartnershipStatus status) => status switch
    {
        PartnershipStatus.Mapped => "Identified as relevant; not yet approached.",
        PartnershipStatus.Contacted => "Approached; no commitment yet.",
        PartnershipStatus.Engaged => "Actively discussing collaboration.",
        PartnershipStatus.Partner => "Committed partner of the project.",
        _ => "",
    };

    public static string StatusBadge(PartnershipStatus status) => status switch
    {
        PartnershipStatus.Partner => "status-partner",
        PartnershipStatus.Engaged => "status-engaged",
        PartnershipStatus.Contacted => "status-contacted",
        _ => "status-mapped",
    };

    /// <summary>The English name of a country code (<see cref="Countries.Name"/>, the one list), the key the localiser translates.</summary>
    public static string CountryName(string code) => Countries.Name(code);
}
