using System.Linq.Expressions;
using MediconGlobal.Core.Matching;

namespace MediconGlobal.Core.Domain;

/// <summary>
/// An internationalisation need of a company, logged by an advisor or requested by the company itself.
/// Status changes go through the methods below so each one is allowed, dated and attributed.
/// </summary>
public class Need : Entity
{
    /// <summary>Characters in a need's description (column, advisors' and founders' forms).</summary>
    public const int DescriptionMaxLength = 4000;

    /// <summary>Characters in the note that closes a need.</summary>
    public const int ClosingNoteMaxLength = 2000;

    private static readonly Dictionary<NeedStatus, NeedStatus[]> AllowedTransitions = new()
    {
        [NeedStatus.Open] = [NeedStatus.InProgress, NeedStatus.Referred, NeedStatus.Met, NeedStatus.Unmet, NeedStatus.Withdrawn],
        [NeedStatus.InProgress] = [NeedStatus.Open, NeedStatus.Referred, NeedStatus.Met, NeedStatus.Unmet, NeedStatus.Withdrawn],
        [NeedStatus.Referred] = [NeedStatus.InProgress, NeedStatus.Met, NeedStatus.Unmet, NeedStatus.Withdrawn],
        [NeedStatus.Met] = [NeedStatus.Open],
        [NeedStatus.Unmet] = [NeedStatus.Open],
        [NeedStatus.Withdrawn] = [NeedStatus.Open],
    };

    /// <summary>
    /// The rule "open need": not yet referred and not closed (open or in progress) — a founder may still withdraw
    /// their own request (ADR 1900).
    /// </summary>
    public static readonly Expression<Func<Need, bool>> Open = n => n.Status == NeedStatus.Open || n.Status == NeedStatus.InProgress;

    /// <summary>The rule "active need": still being worked on (open, in progress or referred) (ADR 1900).</summary>
    public static readonly Expression<Func<Need, bool>> Active = n => n.Status == NeedStatus.Open || n.Status == NeedStatus.InProgress || n.Status == NeedStatus.Referred;

    /// <summary>The rule "closed need": met, unmet or withdrawn (ADR 1900).</summary>
    public static readonly Expression<Func<Need, bool>> Closed = n => n.Status == NeedStatus.Met || n.Status == NeedStatus.Unmet || n.Status == NeedStatus.Withdrawn;

    /// <summary>
    /// The need profile the matching rule and the gap analysis read: the need's category and target market and its
    /// company's stage, sector and region (the brief's matching dimensions).
    /// </summary>
    public static readonly Expression<Func<Need, NeedProfile>> ProfileOf =
        n => new NeedProfile(n.CategoryId, n.MarketId, n.Company!.StageId, n.Company.SectorId, n.Company.RegionId);

    private static readonly Func<Need, bool> OpenCompiled = Open.Compile();

    private static readonly Func<Need, bool> ActiveCompiled = Active.Compile();

    private static readonly Func<Need, NeedProfile> ProfileCompiled = ProfileOf.Compile();

    private Need()
    {
    }

    public Need(Company company, TaxonomyTerm category, TaxonomyTerm? market, string description, NeedPriority priority, Actor by, DateTime at)
    {
        Company = company;
        Category = category;
        Market = market;
        Description = description;
        Priority = priority;
        LoggedByUserId = by.RequireAccount();
        LoggedByName = by.Name;
        LoggedAt = at;
        StatusHistory.Add(new NeedStatusChange(this, null, NeedStatus.Open, null, by, at));
    }

    public int CompanyId { get; private set; }

    public Company? Company { get; private set; }

    public int CategoryId { get; set; }

    public TaxonomyTerm? Category { get; set; }

    /// <summary>The target market; null when the need is not about one market.</summary>
    public int? MarketId { get; set; }

    public TaxonomyTerm? Market { get; set; }

    public string Description { get; set; } = "";

    public NeedPriority Priority { get; set; }

    public NeedStatus Status { get; private set; } = NeedStatus.Open;

    public UnmetReason? UnmetReason { get; private set; }

    /// <summary>True when the company asked for help itself rather than an advisor logging it.</summary>
    public bool RequestedByCompany { get; set; }

    /// <summary>The offer the founder was looking at when asking for help, if any.</summary>
    public int? RequestedOfferId { get; set; }

    public string LoggedByUserId { get; private set; } = "";

    public string LoggedByName { get; private set; } = "";

    public DateTime LoggedAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public string? ClosingNote { get; private set; }

    public bool IsFictional { get; set; }

    public ICollection<NeedStatusChange> StatusHistory { get; } = [];

    public ICollection<Referral> Referrals { get; } = [];

    /// <inheritdoc cref="Open"/>
    public bool IsOpen => OpenCompiled(this);

    /// <inheritdoc cref="Active"/>
    public bool IsActive => ActiveCompiled(this);

    /// <inheritdoc cref="ProfileOf"/>
    public NeedProfile Profile => ProfileCompiled(this);

    /// <summary><see cref="Open"/> for a read model that carries only the status (<c>OneRuleTests</c> proves they agree).</summary>
    public static bool IsOpenStatus(NeedStatus status) => status is NeedStatus.Open or NeedStatus.InProgress;

    /// <summary><see cref="Active"/> for a read model that carries only the status (<c>OneRuleTests</c> proves they agree).</summary>
    public static bool IsActiveStatus(NeedStatus status) => status is NeedStatus.Open or NeedStatus.InProgress or NeedStatus.Referred;

    /// <summary><see cref="Closed"/> for a status (<c>OneRuleTests</c> proves they agree).</summary>
    public static bool IsClosed(NeedStatus status) => status is NeedStatus.Met or NeedStatus.Unmet or NeedStatus.Withdrawn;

    public bool CanMoveTo(NeedStatus to) => AllowedTransitions[Status].Contains(to);

    public void StartWork(Actor by, DateTime at) => MoveTo(NeedStatus.InProgress, null, by, at);

    public void MarkMet(string? note, Actor by, DateTime at) => MoveTo(NeedStatus.Met, note, by, at);

    public void MarkUnmet(UnmetReason reason, string? note, Actor by, DateTime at)
    {
        MoveTo(NeedStatus.Unmet, note, by, at);
        UnmetReason = reason;
    }

    public void Withdraw(string? note, Actor by, DateTime at) => MoveTo(NeedStatus.Withdrawn, note, by, at);

    public void Reopen(string? note, Actor by, DateTime at) => MoveTo(NeedStatus.Open, note, by, at);

    /// <summary>
    /// Hands the need to an offer's provider (or an organisation) and records the referral as sent.
    /// <paramref name="due"/>: when an answer is due and when it escalates, from the receiver's response promise
    /// (<c>ResponsePromises</c>, ADR 1762); without it the rule before promises applies (<see cref="ResponseDue.Legacy"/>).
    /// </summary>
    public Referral Refer(Organisation receiver, Offer? offer, string? message, Actor by, DateTime at, ResponseDue? due = null)
    {
        if (IsClosed(Status))
        {
            throw new DomainRuleException("A closed need cannot be referred; reopen it first.");
        }

        // Compared by reference too: before saving, a new referral knows its offer but not yet the offer's key.
        if (offer is not null && Referrals.Any(r => r.IsActive && (ReferenceEquals(r.Offer, offer) || (offer.Id != 0 && r.OfferId == offer.Id))))
        {
            throw new DomainRuleException("This need already has an active referral to that offer.");
        }

        var referral = new Referral(this, receiver, offer, message, due ?? ResponseDue.Legacy(at), by, at);
        Referrals.Add(referral);
        if (Status != NeedStatus.Referred)
        {
            MoveTo(NeedStatus.Referred, $"Referred to {receiver.Name}", by, at);
        }

        return referral;
    }

    /// <summary>
    /// Re-routes the need in one step (issue 19 item 2): closes <paramref name="unanswered"/> — one of this need's
    /// referrals, past twice its promise — as "no answer" and refers the need to <paramref name="offer"/> instead. The
    /// need stays referred; its history records the step (from whom, to whom), so nothing of its path is lost.
    /// </summary>
    public Referral Reroute(Referral unanswered, Offer offer, string? message, ResponseDue due, Actor by, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(unanswered);
        ArgumentNullException.ThrowIfNull(offer);
        if (!Referrals.Contains(unanswered))
        {
            throw new DomainRuleException("That referral belongs to another need.");
        }

        // Compared by reference too: records built in memory have no keys yet.
        if (ReferenceEquals(offer.Provider, unanswered.ReceivingOrganisation) || (offer.ProviderId != 0 && offer.ProviderId == unanswered.ReceivingOrganisationId))
        {
            throw new DomainRuleException("Re-route to another organisation's offer: this one did not answer.");
        }

        var wasReferred = Status == NeedStatus.Referred;
        unanswered.CloseUnanswered(by, at);
        var referral = Refer(offer.Provider!, offer, message, by, at, due);
        if (wasReferred)
        {
            StatusHistory.Add(new NeedStatusChange(this, Status, Status, $"No answer from {unanswered.ReceivingOrganisation?.Name}; re-routed to {offer.Provider!.Name}", by, at));
        }

        return referral;
    }

    private void MoveTo(NeedStatus to, string? note, Actor by, DateTime at)
    {
        if (!CanMoveTo(to))
        {
            throw new DomainRuleException("The need cannot move to that status from the one it has now.");
        }

        StatusHistory.Add(new NeedStatusChange(this, Status, to, note, by, at));
        Status = to;
        UnmetReason = null;
        if (IsClosed(to))
        {
            ClosedAt = at;
            ClosingNote = note;
        }
        else
        {
            ClosedAt = null;
            ClosingNote = null;
        }
    }
}

/// <summary>One step in a need's life.</summary>
public class NeedStatusChange : StatusChange<NeedStatus>
{
    /// <summary>Characters in the note of a status change.</summary>
    public const int NoteMaxLength = 2000;

    private NeedStatusChange()
    {
    }

    internal NeedStatusChange(Need need, NeedStatus? from, NeedStatus to, string? note, Actor by, DateTime at)
        : base(from, to, note, by, at)
    {
        Need = need;
    }

    public int NeedId { get; private set; }

    public Need? Need { get; private set; }
}
