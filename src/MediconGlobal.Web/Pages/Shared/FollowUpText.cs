using MediconGlobal.Core.Domain;
using MediconGlobal.Web.Resources;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Shared;

/// <summary>Follow-up results in words (ADR 1777).</summary>
public static class FollowUpText
{
    /// <summary>Every result of <paramref name="results"/>, translated and joined with commas, in the order forms show them.</summary>
    public static string Of(FollowUpResults results, IStringLocalizer<SharedResource> t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return string.Join(", ", FounderLabels.EachResult.Where(r => results.HasFlag(r)).Select(r => t[FounderLabels.Label(r)].Value));
    }
}
