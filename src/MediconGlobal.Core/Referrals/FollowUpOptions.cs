namespace MediconGlobal.Core.Referrals;

/// <summary>Configuration section <c>FollowUp</c>: when completed referrals are followed up (issue 19 item 4, ADR 1777).</summary>
public sealed class FollowUpOptions
{
    public const string Section = "FollowUp";

    /// <summary>Days after completion when the follow-up is asked; default 90 (the "about three months"), 1–3650.</summary>
    public int AfterCompletionDays { get; set; } = 90;

    /// <summary>How often (seconds) each instance looks for follow-ups that are due; default 3600, 1–86400.</summary>
    public int PollSeconds { get; set; } = 3600;

    /// <summary>The time after completion when the follow-up is due.</summary>
    public TimeSpan Delay => TimeSpan.FromDays(Math.Clamp(AfterCompletionDays, 1, 3650));
}
