namespace MediconGlobal.Core.Domain;

/// <summary>
/// When a referral's answer is due and when it escalates to the advisor (issue 19, ADR 1762), fixed when it is sent:
/// <paramref name="AnswerDueAt"/> is the end of the receiver's promised working days, <paramref name="EscalatesAt"/>
/// the end of twice that many, both UTC. <paramref name="WorkingDays"/> is the promise in force then (null: the rule
/// before promises, <see cref="Legacy"/>). Computed by <c>ResponsePromises</c> in the receiver's working days.
/// </summary>
public readonly record struct ResponseDue(int? WorkingDays, DateTime AnswerDueAt, DateTime EscalatesAt)
{
    /// <summary>The rule before response promises: due 14 calendar days after <paramref name="sentAt"/>, escalating after 28 (what the migration gave existing referrals).</summary>
    public static ResponseDue Legacy(DateTime sentAt) =>
        new(null, sentAt + Referral.LegacyAnswerDueWithin, sentAt + (2 * Referral.LegacyAnswerDueWithin));
}
