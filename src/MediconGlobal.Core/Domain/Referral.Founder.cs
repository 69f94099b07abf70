using System.Linq.Expressions;

namespace MediconGlobal.Core.Domain;

/// <summary>What the founder of a referred company says came of the referral (issue 19 item 3, ADR 1776).</summary>
public enum FounderConfirmation
{
    /// <summary>The receiving organisation got in touch and helped.</summary>
    GotHelp = 1,

    /// <summary>Nobody got in touch: a signal to the advisor, counted in the referral funnel.</summary>
    NobodyContacted = 2,
}

/// <summary>The founder's side of a referral (issue 19 item 3, ADR 1776): their own word on whether anyone helped.</summary>
public partial class Referral
{
    /// <summary>Characters in the founder's comment and in each follow-up answer's free text.</summary>
    public const int FounderTextMaxLength = 1000;

    /// <summary>
    /// The rule "the founder says nobody contacted them": the signal shown to the advisor on the referral and the need
    /// and counted by the funnel. The latest answer counts; a founder who later says they got help clears it.
    /// </summary>
    public static readonly Expression<Func<Referral, bool>> FounderSaysNobodyContacted = r => r.FounderConfirmation == Domain.FounderConfirmation.NobodyContacted;

    /// <summary>The founder's latest answer, null until they give one.</summary>
    public FounderConfirmation? FounderConfirmation { get; private set; }

    /// <summary>The founder's optional comment with the answer.</summary>
    public string? FounderComment { get; private set; }

    /// <summary>When (UTC) the founder last answered.</summary>
    public DateTime? FounderConfirmedAt { get; private set; }

    public string? FounderConfirmedByUserId { get; private set; }

    public string? FounderConfirmedByName { get; private set; }

    /// <summary>Only a referral that was sent can be confirmed: a suggestion never reached anyone.</summary>
    public bool CanBeConfirmedByFounder => SentAt is not null && Status != ReferralStatus.Suggested;

    /// <summary>
    /// Records the founder's answer (changeable: a later answer replaces it, the audit keeps the earlier one).
    /// </summary>
    /// <param name="confirmation">"I got help" or "nobody contacted me".</param>
    /// <param name="comment">Optional, at most <see cref="FounderTextMaxLength"/> characters.</param>
    /// <param name="by">The founder's account.</param>
    /// <param name="at">When (UTC).</param>
    public void ConfirmByFounder(FounderConfirmation confirmation, string? comment, Actor by, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (!CanBeConfirmedByFounder)
        {
            throw new DomainRuleException("Only a referral that was sent can be confirmed.");
        }

        if (!Enum.IsDefined(confirmation))
        {
            throw new DomainRuleException("Choose whether you got help.");
        }

        FounderConfirmedByUserId = by.RequireAccount();
        FounderConfirmedByName = by.Name;
        FounderConfirmation = confirmation;
        FounderComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        FounderConfirmedAt = at;
    }
}
