using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Landscape;

namespace MediconGlobal.Core.Catalogue;

/// <summary>English display names of the enums shown to users; views pass them through the localizer.</summary>
public static class DisplayNames
{
    public static string Of(OfferFormat format) => format switch
    {
        OfferFormat.OneToOneAdvisory => "One-to-one advisory",
        OfferFormat.TestBed => "Test bed",
        _ => format.ToString(),
    };

    public static string Of(CostType cost) => cost.ToString();

    /// <summary>Activity formats in the seed's words (seed 002: "Focused network and matchmaking", "Booster Board").</summary>
    public static string Of(ActivityKind kind) => kind switch
    {
        ActivityKind.Matchmaking => "Focused network and matchmaking",
        ActivityKind.CollaborativeNetwork => "Collaborative network",
        ActivityKind.BoosterBoard => "Booster Board expert panel",
        _ => kind.ToString(),
    };

    public static string Of(OfferStatus status) => status.ToString();

    public static string Of(ProgrammeStatus status) => status.ToString();

    public static string Of(OrganisationType type) => OrganisationTypes.DisplayName(type);

    /// <summary>Country names for the ISO codes organisations use (<see cref="Countries"/>).</summary>
    public static string Country(string? code) => Countries.Name(code);
}
