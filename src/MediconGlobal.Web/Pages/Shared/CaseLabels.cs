using MediconGlobal.Core.Domain;

namespace MediconGlobal.Web.Pages.Shared;

/// <summary>Words and badge colours for the statuses of needs and referrals (times are shown by <see cref="Core.Time.DisplayTime"/>).</summary>
public static class CaseLabels
{
    /// <summary>Where client companies can be based: the one country list, by code.</summary>
    public static readonly IReadOnlyDictionary<string, string> Countries = Core.Domain.Countries.All.ToDictionary(c => c.Code, c => c.Name);

    // Labels are literal English keys for the localiser, so the key tool (scripts/l10n-keys.sh) lists them.
    public static string Label(this NeedStatus status) => status switch
    {
        NeedStatus.Open => "Open",
        NeedStatus.InProgress => "In progress",
        NeedStatus.Referred => "Referred",
        NeedStatus.Met => "Met",
        NeedStatus.Unmet => "Unmet",
        _ => "Withdrawn",
    };

    public static string Label(this UnmetReason reason) => reason == UnmetReason.NotAvailable ? "not available" : "not eligible";

    public static string Label(this NeedPriority priority) => priority switch
    {
        NeedPriority.Low => "Low",
        NeedPriority.Medium => "Medium",
        _ => "High",
    };

    public static string Label(this ReferralStatus status) => status switch
    {
        ReferralStatus.Suggested => "Suggested",
        ReferralStatus.Sent => "Waiting for an answer",
        ReferralStatus.Accepted => "Accepted",
        ReferralStatus.Declined => "Declined",
        ReferralStatus.Unanswered => "No answer",
        _ => "Completed",
    };

    public static string Badge(this NeedStatus status) => status switch
    {
        NeedStatus.Open => "text-bg-light border",
        NeedStatus.InProgress => "text-bg-info",
        NeedStatus.Referred => "text-bg-primary",
        NeedStatus.Met => "text-bg-success",
        NeedStatus.Unmet => "text-bg-warning",
        _ => "text-bg-secondary",
    };

    public static string Badge(this ReferralStatus status) => status switch
    {
        ReferralStatus.Sent => "text-bg-warning",
        ReferralStatus.Accepted => "text-bg-info",
        ReferralStatus.Completed => "text-bg-success",
        _ => "text-bg-secondary",
    };

    /// <summary>A founder's proposed profile correction (<see cref="CompanyCorrection"/>): waiting, accepted or declined.</summary>
    public static string ProposalLabel(this CorrectionStatus status) => status switch
    {
        CorrectionStatus.Resolved => "Accepted",
        CorrectionStatus.Dismissed => "Declined",
        _ => "Waiting for your advisors",
    };

    /// <summary>A correction request to a partner's listing (<see cref="CorrectionRequest"/>): open, resolved or dismissed.</summary>
    public static string RequestLabel(this CorrectionStatus status) => status switch
    {
        CorrectionStatus.Resolved => "Resolved",
        CorrectionStatus.Dismissed => "Dismissed",
        _ => "Open",
    };

    public static string ProposalBadge(this CorrectionStatus status) => status switch
    {
        CorrectionStatus.Resolved => "text-bg-success",
        CorrectionStatus.Dismissed => "text-bg-secondary",
        _ => "text-bg-warning",
    };

    public static string Country(string code) => Countries.GetValueOrDefault(code, code);
}
