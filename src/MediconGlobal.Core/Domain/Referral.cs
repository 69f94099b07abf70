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

    /// <summary>
    /// The rule before response promises (issue 19): an answer was due 14 calendar days after sending. Referrals sent
    /// before promises existed were migrated to it, and a referral made without a promise (tests, demo data) keeps it.
    /// </summary>
    public static readonly TimeSpan LegacyAnswerDueWithin = TimeSpan.FromDays(14);

    /// <summary>
    /// The receiving organisation serves the company for this need: it accepted the referral (and may have
    /// completed it). The scope report counts a need under the type of the organisation serving it (ADR 1740).
    /// </summary>
    public static readonly Expression<Func<Referral, bool>> Serves = r => r.Status == ReferralStatus.Accepted || r.Status == ReferralStatus.Completed;

    private static readonly Func<Referral, bool> ServesCompiled = Serves.Compile();

    /// <summary>
    /// The rule "overdue referral" (issue 19 item 1): sent, still waiting for an answer, and its
    /// <see cref="AnswerDueAt"/> (the receiving organisation's response promise in its working days) has passed
    /// <paramref name="now"/>, the second parameter. Queries use <see cref="OverdueAt"/>; a loaded referral
    /// <see cref="IsOverdue"/> (ADR 1900, ADR 1762).
    /// </summary>
    public static readonly Expression<Func<Referral, DateTime, bool>> OverdueIfDueBefore =
        (r, now) => r.Status == ReferralStatus.Sent && r.AnswerDueAt < now;

    private static readonly Func<Referral, DateTime, bool> OverdueCompiled = OverdueIfDueBefore.Compile();

    /// <summary>
    /// The rule "unanswered at twice the promise" (issue 19 item 2): sent, still waiting, and its
    /// <see cref="EscalatesAt"/> has passed <paramref name="now"/>, the second parameter. The advisor is told and may
    /// re-route it (<see cref="CloseUnanswered"/>). Queries use <see cref="EscalatedAt"/>.
    /// </summary>
    public static readonly Expression<Func<Referral, DateTime, bool>> EscalatedIfDueBefore =
        (r, now) => r.Status == ReferralStatus.Sent && r.EscalatesAt < now;

    private static readonly Func<Referral, DateTime, bool> EscalatedCompiled = EscalatedIfDueBefore.Compile();

    private Referral()
    {
    }

    internal Referral(Need need, Organisation receiver, Offer? offer, string? message, ResponseDue due, Actor by, DateTime at)
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
        PromisedWorkingDays = due.WorkingDays;
        AnswerDueAt = due.AnswerDueAt;
        EscalatesAt = due.EscalatesAt;
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

    /// <summary>
    /// The receiving organisation's response promise in force when the referral was sent, in its working days; null for
    /// referrals sent before promises existed (their due times follow <see cref="LegacyAnswerDueWithin"/>).
    /// </summary>
    public int? PromisedWorkingDays { get; private set; }

    /// <summary>When (UTC) an answer is due: the end of the promise's last working day in the receiver's country (ADR 1762).</summary>
    public DateTime? AnswerDueAt { get; private set; }

    /// <summary>When (UTC) the advisor is told there is no answer and may re-route: the end of twice the promise (ADR 1762).</summary>
    public DateTime? EscalatesAt { get; private set; }

    /// <summary>When the receiving side was reminded at the promise (once, by the chasing job); null until then.</summary>
    public DateTime? ReceiverRemindedAt { get; private set; }

    /// <summary>When the advisor was told at twice the promise (once, by the chasing job); null until then.</summary>
    public DateTime? AdvisorToldAt { get; private set; }

    /// <summary>When the advisor closed it as "no answer" (<see cref="ReferralStatus.Unanswered"/>), usually re-routing the need.</summary>
    public DateTime? ClosedUnansweredAt { get; private set; }

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

    /// <summary><see cref="OverdueIfDueBefore"/> at <paramref name="now"/> (UTC), for queries.</summary>
    public static Expression<Func<Referral, bool>> OverdueAt(DateTime now) => Rules.Bind(OverdueIfDueBefore, now);

    /// <summary><see cref="EscalatedIfDueBefore"/> at <paramref name="now"/> (UTC), for queries.</summary>
    public static Expression<Func<Referral, bool>> EscalatedAt(DateTime now) => Rules.Bind(EscalatedIfDueBefore, now);

    /// <summary>
    /// The referrals whose answer became due after <paramref name="since"/> and by <paramref name="now"/> (UTC) and
    /// that still wait: the notification feed's "no answer within the promise" items, each told once.
    /// </summary>
    public static Expression<Func<Referral, bool>> WentOverdueBetween(DateTime since, DateTime now) =>
        r => r.Status == ReferralStatus.Sent && r.AnswerDueAt > since && r.AnswerDueAt <= now;

    /// <summary>
    /// The referrals that reached twice their promise after <paramref name="since"/> and by <paramref name="now"/>
    /// (UTC) and still wait: the advisor's "no answer: re-route?" items in the notification feed.
    /// </summary>
    public static Expression<Func<Referral, bool>> EscalatedBetween(DateTime since, DateTime now) =>
        r => r.Status == ReferralStatus.Sent && r.EscalatesAt > since && r.EscalatesAt <= now;

    /// <inheritdoc cref="OverdueIfDueBefore"/>
    public bool IsOverdue(DateTime now) => OverdueCompiled(this, now);

    /// <inheritdoc cref="EscalatedIfDueBefore"/>
    public bool IsEscalated(DateTime now) => EscalatedCompiled(this, now);

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

    /// <summary>
    /// Closes a referral nobody answered (issue 19 item 2): still waiting and past twice its promise
    /// (<see cref="IsEscalated"/>). Not a decline: the receiving side never said anything. The advisor who may complete
    /// it may close it; the need usually goes on to another offer (<see cref="Need.Reroute"/>).
    /// </summary>
    public void CloseUnanswered(Actor by, DateTime at)
    {
        Require(ReferralStatus.Sent, "Only a referral still waiting for an answer can be closed as not answered."); // l10n
        if (!IsEscalated(at))
        {
            throw new DomainRuleException("A referral can be closed as not answered only after twice the time its receiver promises to answer in.");
        }

        Status = ReferralStatus.Unanswered;
        _ = by.RequireAccount();
        ClosedUnansweredAt = at;
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
