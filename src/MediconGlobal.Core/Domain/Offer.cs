using System.Linq.Expressions;
using MediconGlobal.Core.Text;

namespace MediconGlobal.Core.Domain;

/// <summary>A support service offered by an organisation.</summary>
public class Offer : Entity, ISearchable
{
    /// <summary>Characters in an offer's "how to apply".</summary>
    public const int HowToApplyMaxLength = 4000;

    /// <summary>Characters in an offer's cost details and in its dates.</summary>
    public const int DetailsMaxLength = 1000;

    /// <summary>Characters in an offer's "documents to prepare", all lines together.</summary>
    public const int RequiredDocumentsMaxLength = 2000;

    /// <summary>Most working days an offer may name for its next step (about three months).</summary>
    public const int NextStepMaxWorkingDays = 60;

    public static readonly TimeSpan StaleAfter = TimeSpan.FromDays(365);

    /// <summary>Longest <see cref="Description"/>, in characters: the column, the form's validator and the importers read it.</summary>
    public const int DescriptionMaxLength = 8000;

    /// <summary>
    /// The rule "published offer" (the brief: only published offers appear in the catalogue, matching, reports and
    /// open data; ADR 1900). Queries use it through <see cref="Rules.Published(IQueryable{Offer})"/>, loaded offers
    /// through <see cref="IsPublished"/>, read models that keep only the status through <see cref="IsPublishedStatus"/>.
    /// </summary>
    public static readonly Expression<Func<Offer, bool>> Published = o => o.Status == OfferStatus.Published;

    private static readonly Func<Offer, bool> PublishedCompiled = Published.Compile();

    private Offer()
    {
    }

    public Offer(string name, Organisation provider, TaxonomyTerm category)
    {
        Name = name;
        Provider = provider;
        Category = category;
    }

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public int ProviderId { get; set; }

    public Organisation? Provider { get; set; }

    public int? ProgrammeId { get; set; }

    public Programme? Programme { get; set; }

    public int CategoryId { get; set; }

    public TaxonomyTerm? Category { get; set; }

    public OfferFormat Format { get; set; }

    public CostType Cost { get; set; }

    public string? CostDetails { get; set; }

    public string? HowToApply { get; set; }

    /// <summary>Deadlines or dates in words, e.g. "rolling intake" or "next cohort in March".</summary>
    public string? Dates { get; set; }

    public DateOnly? StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    public DateOnly? ApplicationDeadline { get; set; }

    public int? Capacity { get; set; }

    /// <summary>Who makes the first move after an application or a referral ("what happens next", issue 19 item 9).</summary>
    public NextStep NextStep { get; set; }

    /// <summary>
    /// Within how many working days the <see cref="NextStep"/> usually happens (1–<see cref="NextStepMaxWorkingDays"/>),
    /// or null when the provider does not say.
    /// </summary>
    public int? NextStepWorkingDays { get; set; }

    /// <summary>
    /// Documents a company should have ready, one per line, each optionally ending with the web address of a template
    /// (at most <see cref="RequiredDocumentsMaxLength"/> characters). Read it as <see cref="RequiredDocumentList"/>;
    /// published as HSDS 3.0 <c>required_document</c> records.
    /// </summary>
    public string? RequiredDocuments { get; set; }

    /// <inheritdoc cref="RequiredDocument.Parse"/>
    public IReadOnlyList<RequiredDocument> RequiredDocumentList => RequiredDocument.Parse(RequiredDocuments);

    public string? ContactName { get; set; }

    public string? ContactEmail { get; set; }

    public string? ContactPhone { get; set; }

    public string? Website { get; set; }

    public OfferStatus Status { get; private set; } = OfferStatus.Draft;

    public DateTime? PublishedAt { get; private set; }

    public DateTime LastReviewedAt { get; private set; }

    /// <summary>The account that last confirmed or edited the offer as reviewed (ADR 1934); null when a job, an import or the seed did.</summary>
    public string? LastReviewedByUserId { get; private set; }

    /// <summary>That person's e-mail address at the time of the review: the HSDS export's <c>assurer_email</c> (ADR 1934).</summary>
    public string? LastReviewedByEmail { get; private set; }

    /// <summary>
    /// When the provider was last asked to confirm the offer (UTC); the verification job claims an offer by setting it,
    /// so the request goes out once per review even with several portal instances (ADR 1934). Never shown to readers.
    /// </summary>
    public DateTime? VerificationRequestedAt { get; private set; }

    /// <summary>
    /// When what a reader sees of the offer last changed (UTC): its creation, any edit of its fields or terms, a
    /// change of status — not a review that only confirms it (<see cref="ConfirmationOnly"/>). Stamped by the audit
    /// interceptor; saved-search alerts look for changes by it (ADR 1761).
    /// </summary>
    public DateTime ContentChangedAt { get; set; }

    /// <summary>Properties whose change alone confirms the offer rather than changing it: no news for an alert.</summary>
    public static readonly IReadOnlySet<string> ConfirmationOnly = new HashSet<string>
    {
        nameof(LastReviewedAt), nameof(LastReviewedByUserId), nameof(LastReviewedByEmail), nameof(VerificationRequestedAt),
    };

    public string? SeedKey { get; set; }

    public bool IsFictional { get; set; }

    public string SearchText { get; set; } = "";

    private readonly List<OfferTerm> _terms = [];

    /// <summary>Sectors, stages, target markets, eligible regions and languages. No term of a kind means "any".</summary>
    public IReadOnlyCollection<OfferTerm> Terms => _terms;

    /// <inheritdoc cref="Published"/>
    public bool IsPublished => PublishedCompiled(this);

    /// <summary><see cref="Published"/> for a read model that carries only the status.</summary>
    public static bool IsPublishedStatus(OfferStatus status) => status == OfferStatus.Published;

    public string BuildSearchText() => TextNormalizer.Normalize($"{Name} {Description}");

    public bool IsStale(DateTime now) => IsStaleAt(LastReviewedAt, now);

    /// <summary>Last reviewed more than <see cref="StaleAfter"/> ago: shown as "may be out of date".</summary>
    public static bool IsStaleAt(DateTime lastReviewedAt, DateTime now) => now - lastReviewedAt > StaleAfter;

    public void Publish(DateTime at)
    {
        Status = OfferStatus.Published;
        PublishedAt ??= at;
        LastReviewedAt = at;
    }

    /// <summary>
    /// The rule "open on a day" (the brief's matching rule, issue 19 items 5–6, ADR 1934): the application deadline and
    /// the end date, when the offer has them, are not before <see cref="OfferDay.Date"/>, and the offer was reviewed
    /// since <see cref="OfferDay.ReviewedSince"/> (it has not lapsed from verification). Published-ness is
    /// <see cref="Published"/>. Queries use it through <see cref="Rules.OpenOn"/>; read models through
    /// <see cref="OfferVerification.IsOpenOn"/>.
    /// </summary>
    public static Expression<Func<Offer, bool>> OpenOn(OfferDay day)
    {
        ArgumentNullException.ThrowIfNull(day);
        var (date, reviewedSince) = (day.Date, day.ReviewedSince);
        return o => (o.ApplicationDeadline == null || o.ApplicationDeadline >= date) && (o.EndsOn == null || o.EndsOn >= date) && o.LastReviewedAt >= reviewedSince;
    }

    /// <summary>
    /// The rule "needs verification" on a day: published and lapsed from verification (reviewed before
    /// <see cref="OfferDay.ReviewedSince"/>). Shown to the provider and to project managers until confirmed.
    /// </summary>
    public static Expression<Func<Offer, bool>> NeedsVerificationOn(OfferDay day)
    {
        ArgumentNullException.ThrowIfNull(day);
        var reviewedSince = day.ReviewedSince;
        return o => o.Status == OfferStatus.Published && o.LastReviewedAt < reviewedSince;
    }

    /// <summary>
    /// Published offers due to be confirmed on a day, asked or not, lapsed or not (<see cref="OfferVerification.IsDue"/>):
    /// the project managers' list.
    /// </summary>
    public static Expression<Func<Offer, bool>> DueOn(OfferDay day)
    {
        ArgumentNullException.ThrowIfNull(day);
        var askBefore = day.AskIfReviewedBefore;
        return o => o.Status == OfferStatus.Published && o.LastReviewedAt < askBefore;
    }

    /// <summary>
    /// The rule "due for a verification request" on a day: published, reviewed before <see cref="OfferDay.AskIfReviewedBefore"/>
    /// (eleven months ago), and not asked since that review.
    /// </summary>
    public static Expression<Func<Offer, bool>> VerificationDueOn(OfferDay day)
    {
        ArgumentNullException.ThrowIfNull(day);
        var askBefore = day.AskIfReviewedBefore;
        return o => o.Status == OfferStatus.Published && o.LastReviewedAt < askBefore
            && (o.VerificationRequestedAt == null || o.VerificationRequestedAt < o.LastReviewedAt);
    }

    public void Archive() => Status = OfferStatus.Archived;

    public void ReturnToDraft() => Status = OfferStatus.Draft;

    /// <summary>Records a review without a known reviewer (imports, the seed, tests): the reviewer recorded before is cleared.</summary>
    public void MarkReviewed(DateTime at) => MarkReviewed(null, null, at);

    /// <summary>
    /// Records that <paramref name="userId"/> (address <paramref name="email"/> at the time) confirmed the offer is
    /// correct at <paramref name="at"/> (UTC): the verification cycle starts again from here (ADR 1934).
    /// </summary>
    public void MarkReviewed(string? userId, string? email, DateTime at)
    {
        LastReviewedAt = at;
        LastReviewedByUserId = userId;
        LastReviewedByEmail = email;
    }

    /// <summary>Replaces the offer's terms of one kind (see <see cref="TermLinks.Replace"/>); the existing links' terms must be loaded.</summary>
    public void SetTerms(TaxonomyKind kind, IEnumerable<TaxonomyTerm> terms) => TermLinks.Replace(_terms, kind, terms, term => new OfferTerm(term));
}

public class OfferTerm : ITermLink, IPartOf<Offer>
{
    private OfferTerm()
    {
    }

    internal OfferTerm(TaxonomyTerm term)
    {
        Term = term;
        TermId = term.Id;
    }

    public int OfferId { get; private set; }

    public int TermId { get; private set; }

    public TaxonomyTerm? Term { get; private set; }
}
