using MediconGlobal.Core.Domain;

namespace MediconGlobal.Web.Pages.Shared;

/// <summary>Words for the founder's confirmation of a referral and for follow-up results (ADR 1776, 1777); literal English keys for the localiser.</summary>
public static class FounderLabels
{
    /// <summary>The single follow-up results, in the order forms and reports show them.</summary>
    public static readonly IReadOnlyList<FollowUpResults> EachResult =
        [FollowUpResults.MarketEntered, FollowUpResults.PartnerFound, FollowUpResults.FundingRaised, FollowUpResults.NothingYet];

    /// <summary>The founder's answer as the founder chooses it.</summary>
    public static string Choice(FounderConfirmation confirmation) => confirmation switch
    {
        FounderConfirmation.GotHelp => "I got help",
        _ => "Nobody contacted me",
    };

    /// <summary>The founder's answer as the advisor reads it on the referral and the need.</summary>
    public static string Signal(FounderConfirmation confirmation) => confirmation switch
    {
        FounderConfirmation.GotHelp => "The founder says they got help.",
        _ => "The founder says nobody contacted them.",
    };

    /// <summary>One follow-up result.</summary>
    public static string Label(FollowUpResults result) => result switch
    {
        FollowUpResults.MarketEntered => "Market entered",
        FollowUpResults.PartnerFound => "Partner found",
        FollowUpResults.FundingRaised => "Funding raised",
        _ => "Nothing yet",
    };
}
