using System.Linq.Expressions;

namespace MediconGlobal.Core.Domain;

/// <summary>
/// A need handed to an offer's provider (or an organisation). The receiving side accepts or declines; the
/// advisor completes it with an outcome. Invalid steps throw <see cref="DomainRuleException"/>.
/// </summary>
public partial class Referral : Entity
{
    /// <summary>Characters in each of a referral's texts: the advisor's message, the answer, the outcome and the feedback.</summary>
    public const int TextMaxLength = 4000;

    public static readonly TimeSpan AnswerDueWithin = TimeSpan.FromDays(14);

    /// <summary>
    /// The receiving organisation serves the company for this need: it accepted the referral (and may have
    /// completed it). The scope report counts a need under the type of the organisation serving it (ADR 1740).
    /// </summary>
    public static readonly Expression<Func<Referral, bool>> Serves = r => r.Status == ReferralStatus.Accepted || r.Status == ReferralStatus.Completed;

    private static readonly Func<Referral, bool> ServesCompiled = Serves.Compile();

    /// <summary>
    /// The rule "overdue referral" (the brief: sent and not answered within <see cref="AnswerDueWithin"/>), with
    /// its second parameter the send time before which a waiting referral is overdue (now − 14 days). Queries use
    /// <see cref="OverdueAt"/>; a loaded referral <see cref="IsOverdue"/> (ADR 1900).
    /// </summary>
    public static readonly Expression<Func<Referral, DateTime, bool>> OverdueIfSentBefore =
        (r, sentBefore) => r.Status == ReferralStatus.Sent && r.SentAt < sentBefore;

    private static readonly Func<Referral, DateTime, bool> OverdueCompiled = OverdueIfSentBefore.Compile();

    private Referral()
    {
    }

    internal Referral(Need need, Organisation receiver, Offer? offer, string? message, Actor by, DateTime at)
    {
        Need = need;
        ReceivingOrganisation = receiver;
        Offer = offer;
        Message = message;
        SentByUserId = by.RequireAccount();
        SentByName = by.Name;
        CreatedAt = at;
        SentAt = at;
        Status = ReferralStatus.Sent;
    }

    public int NeedId { get; private set; }

    public Need? Need { get; private set; }

    public int? OfferId { get; private set; }

    public Offer? Offer { get; private set; }

    public int ReceivingOrganisationId { get; private set; }

    public Organisation? ReceivingOrganisation { get; private set; }

    public ReferralStatus Status { get; private set; }

    /// <summary>The advisor's message to the receiving side.</summary>
    public string? Message { get; private set; }

    public string SentByUserId { get; private set; } = "";

    public string SentByName { get; private set; } = "";

    public DateTime? SentAt { get; private set; }

    public DateTime? AnsweredAt { get; private set; }

    public string? AnsweredByUserId { get; private set; }

    public string? AnsweredByName { get; private set; }

    /// <summary>The receiving side's answer, or its reason for declining.</summary>
    public string? Answer { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    public string? CompletedByUserId { get; private set; }

    public string? CompletedByName { get; private set; }

    public string? Outcome { get; private set; }

    public string? Feedback { get; private set; }

    /// <summary>
    /// Where the referral went by e-mail because nobody at the receiving organisation answers in the portal (issue 11
    /// item 7); that contact answers through a signed, expiring link without an account. Null for referrals answered
    /// in the portal.
    /// </summary>
    public string? ExternalContactEmail { get; private set; }

    public bool IsFictional { get; set; }

    /// <inheritdoc cref="Serves"/>
    public bool IsServing => ServesCompiled(this);

    public bool IsActive => Status is ReferralStatus.Suggested or ReferralStatus.Sent or ReferralStatus.Accepted;

    /// <summary><see cref="OverdueIfSentBefore"/> at <paramref name="now"/> (UTC), for queries.</summary>
    public static Expression<Func<Referral, bool>> OverdueAt(DateTime now) => Rules.Bind(OverdueIfSentBefore, OverdueCutoff(now));

    /// <summary>The send time before which a referral still waiting at <paramref name="now"/> (UTC) is overdue.</summary>
    public static DateTime OverdueCutoff(DateTime now) => now - AnswerDueWithin;

    /// <summary>
    /// The referrals that went overdue after <paramref name="since"/> and by <paramref name="now"/> (UTC): the
    /// notification feed's "no answer in 14 days" items, each told once.
    /// </summary>
    public static Expression<Func<Referral, bool>> WentOverdueBetween(DateTime since, DateTime now)
    {
        var (from, to) = (since - AnswerDueWithin, now - AnswerDueWithin);
        return r => r.Status == ReferralStatus.Sent && r.SentAt > from && r.SentAt <= to;
    }

    /// <inheritdoc cref="OverdueIfSentBefore"/>
    public bool IsOverdue(DateTime now) => OverdueCompiled(this, OverdueCutoff(now));

    /// <summary>
    /// Sends a referral that waits for its answer to <paramref name="email"/> as well (an organisation without staff
    /// accounts); it answers through the e-mailed link and the referral keeps waiting, and can go overdue, until then.
    /// </summary>
    public void SendByEmailTo(string email)
    {
        Require(ReferralStatus.Sent, "Only a referral still waiting for an answer can be sent by e-mail."); // l10n
        ExternalContactEmail = email;
    }

    /// <param name="answer">The receiving side's message, if any.</param>
    /// <param name="by">Who answered: an account, or <see cref="Actor.ByEmailLink"/> when the contact answered through the e-mailed link.</param>
    /// <param name="at">When (UTC).</param>
    public void Accept(string? answer, Actor by, DateTime at)
    {
        Require(ReferralStatus.Sent, "Only a referral still waiting for an answer can be accepted."); // l10n
        Status = ReferralStatus.Accepted;
        Answer = answer;
        Answered(by, at);
    }

    public void Decline(string reason, Actor by, DateTime at)
    {
        Require(ReferralStatus.Sent, "Only a referral still waiting for an answer can be declined."); // l10n
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("A declined referral needs a reason.");
        }

        Status = ReferralStatus.Declined;
        Answer = reason;
        Answered(by, at);
    }

    public void Complete(string outcome, string? feedback, Actor by, DateTime at)
    {
        Require(ReferralStatus.Accepted, "Only an accepted referral can be completed."); // l10n
        if (string.IsNullOrWhiteSpace(outcome))
        {
            throw new DomainRuleException("A completed referral needs an outcome.");
        }

        Status = ReferralStatus.Completed;
        Outcome = outcome;
        Feedback = feedback;
        CompletedAt = at;
        CompletedByUserId = by.RequireAccount();
        CompletedByName = by.Name;
    }

    /// <summary>When the receiving organisation is merged into another, the referral goes with it.</summary>
    internal void MoveToOrganisation(int organisationId) => ReceivingOrganisationId = organisationId;

    private void Answered(Actor by, DateTime at)
    {
        AnsweredAt = at;
        AnsweredByUserId = by.UserId;
        AnsweredByName = by.Name;
    }

    /// <summary>Refuses a step unless the referral is <paramref name="expected"/>; <paramref name="refusal"/> is a whole sentence, a localisation key (ADR 1401).</summary>
    private void Require(ReferralStatus expected, string refusal)
    {
        if (Status != expected)
        {
            throw new DomainRuleException(refusal);
        }
    }
}
