using System.Globalization;
using MediconGlobal.Core.Domain;

namespace MediconGlobal.Web.Pages.Clients;

/// <summary>Words and badge colours for the statuses of needs and referrals (times are shown by <see cref="Core.Time.DisplayTime"/>).</summary>
public static class CaseLabels
{
    public static readonly IReadOnlyDictionary<string, string> Countries = new Dictionary<string, string>
    {
        ["SE"] = "Sweden",
        ["DK"] = "Denmark",
        ["NO"] = "Norway",
        ["FI"] = "Finland",
        ["DE"] = "Germany",
        ["NL"] = "Netherlands",
        ["FR"] = "France",
        ["CH"] = "Switzerland",
        ["GB"] = "United Kingdom",
        ["US"] = "United States",
    };

    public static string Label(this NeedStatus status) => status switch
    {
        NeedStatus.InProgress => "In progress",
        _ => status.ToString(),
    };

    public static string Label(this UnmetReason reason) => reason == UnmetReason.NotAvailable ? "not available" : "not eligible";

    public static string Label(this NeedPriority priority) => priority.ToString();

    public static string Label(this ReferralStatus status) => status switch
    {
        ReferralStatus.Sent => "Waiting for an answer",
        _ => status.ToString(),
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

    public static string ProposalBadge(this CorrectionStatus status) => status switch
    {
        CorrectionStatus.Resolved => "text-bg-success",
        CorrectionStatus.Dismissed => "text-bg-secondary",
        _ => "text-bg-warning",
    };

    public static string Country(string code) => Countries.GetValueOrDefault(code, code);
}
