using System.Linq.Expressions;

namespace MediconGlobal.Core.Domain;

/// <summary>
/// What came of a completed referral some months later (issue 19 item 4, ADR 1777). Several may apply;
/// <see cref="NothingYet"/> stands alone.
/// </summary>
[Flags]
public enum FollowUpResults
{
    None = 0,

    /// <summary>The company entered (or is selling in) the target market.</summary>
    MarketEntered = 1,

    /// <summary>The company found a partner (distributor, clinical site, collaborator).</summary>
    PartnerFound = 2,

    /// <summary>The company raised funding.</summary>
    FundingRaised = 4,

    /// <summary>Nothing has come of it yet.</summary>
    NothingYet = 8,
}

/// <summary>Who answers a follow-up: the advisor who completed the referral's side, or the company's founder.</summary>
public enum FollowUpRespondent
{
    Advisor = 1,
    Founder = 2,
}

/// <summary>
/// The follow-up of a completed referral (issue 19 item 4, ADR 1777): asked once, a configurable time after completion,
/// of the advisors and of the company's founders; each side answers in structured results plus free text, changeable.
/// </summary>
public partial class Referral
{
    /// <summary>Characters of a stored <see cref="FollowUpResults"/> (its flags' names, comma-separated).</summary>
    public const int FollowUpResultsMaxLength = 64;

    /// <summary>The results an answer may combine (every flag but <see cref="FollowUpResults.None"/>).</summary>
    public const FollowUpResults AnyFollowUpResult = FollowUpResults.MarketEntered | FollowUpResults.PartnerFound | FollowUpResults.FundingRaised | FollowUpResults.NothingYet;

    /// <summary>
    /// The rule "follow-up due": a completed referral whose follow-up was not asked yet and that was completed before
    /// <c>completedBefore</c> (now − the configured delay). Queries use <see cref="FollowUpDueAt"/>.
    /// </summary>
    public static readonly Expression<Func<Referral, DateTime, bool>> FollowUpDueIfCompletedBefore =
        (r, completedBefore) => r.Status == ReferralStatus.Completed && r.FollowUpAskedAt == null && r.CompletedAt < completedBefore;

    /// <summary>The rule "follow-up answered": the advisor or the founder answered it.</summary>
    public static readonly Expression<Func<Referral, bool>> FollowUpAnswered = r => r.AdvisorFollowUpAt != null || r.FounderFollowUpAt != null;

    /// <summary>
    /// When (UTC) the follow-up was sent out (e-mail and notification), null until then; it is asked once. Set only by
    /// the follow-up job's conditional update, which is what keeps two instances from asking twice.
    /// </summary>
    public DateTime? FollowUpAskedAt { get; private set; }

    /// <summary>The advisor's answer: the results, null until answered.</summary>
    public FollowUpResults? AdvisorFollowUp { get; private set; }

    public string? AdvisorFollowUpComment { get; private set; }

    public DateTime? AdvisorFollowUpAt { get; private set; }

    public string? AdvisorFollowUpByUserId { get; private set; }

    public string? AdvisorFollowUpByName { get; private set; }

    /// <summary>The founder's answer: the results, null until answered.</summary>
    public FollowUpResults? FounderFollowUp { get; private set; }

    public string? FounderFollowUpComment { get; private set; }

    public DateTime? FounderFollowUpAt { get; private set; }

    public string? FounderFollowUpByUserId { get; private set; }

    public string? FounderFollowUpByName { get; private set; }

    /// <summary>A follow-up can be answered once the referral is completed (before it is asked too).</summary>
    public bool CanFollowUp => Status == ReferralStatus.Completed;

    /// <summary><see cref="FollowUpDueIfCompletedBefore"/> for the completion time before which a follow-up is due.</summary>
    public static Expression<Func<Referral, bool>> FollowUpDueAt(DateTime completedBefore) => Rules.Bind(FollowUpDueIfCompletedBefore, completedBefore);

    /// <summary>Whether <paramref name="results"/> is a valid answer: at least one result, and "nothing yet" alone.</summary>
    public static bool IsValidFollowUp(FollowUpResults results) =>
        results != FollowUpResults.None && (results & ~AnyFollowUpResult) == 0
        && (results == FollowUpResults.NothingYet || !results.HasFlag(FollowUpResults.NothingYet));

    /// <summary>Records (or replaces) one side's follow-up answer.</summary>
    /// <param name="respondent">The advisor's side or the founder's.</param>
    /// <param name="results">What came of it (<see cref="IsValidFollowUp"/>).</param>
    /// <param name="comment">Optional free text, at most <see cref="FounderTextMaxLength"/> characters.</param>
    /// <param name="by">The account answering.</param>
    /// <param name="at">When (UTC).</param>
    public void AnswerFollowUp(FollowUpRespondent respondent, FollowUpResults results, string? comment, Actor by, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (!CanFollowUp)
        {
            throw new DomainRuleException("Only a completed referral has a follow-up.");
        }

        if (!IsValidFollowUp(results))
        {
            throw new DomainRuleException("Choose what came of it; \"nothing yet\" cannot be combined with a result.");
        }

        var userId = by.RequireAccount();
        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (respondent == FollowUpRespondent.Founder)
        {
            (FounderFollowUp, FounderFollowUpComment, FounderFollowUpAt, FounderFollowUpByUserId, FounderFollowUpByName) = (results, text, at, userId, by.Name);
        }
        else
        {
            (AdvisorFollowUp, AdvisorFollowUpComment, AdvisorFollowUpAt, AdvisorFollowUpByUserId, AdvisorFollowUpByName) = (results, text, at, userId, by.Name);
        }
    }
}
