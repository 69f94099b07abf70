using System.Linq.Expressions;
using System.Security.Cryptography;

using MediconGlobal.Core.Domain;

namespace MediconGlobal.Core.Notifications;

/// <summary>Where a saved search comes from: the catalogue's words and filters, or the guided path's answers.</summary>
public enum SavedSearchKind
{
    /// <summary>A search of <c>/offers</c>: words and facet filters (an <c>OfferQuery</c> without sort and page).</summary>
    Catalogue,

    /// <summary>An answer set of <c>/find-support</c> (a <c>GuidedAnswers</c>).</summary>
    Guided,
}

/// <summary>How often a founder is e-mailed about new or changed offers that match a saved search (issue 17 item 2).</summary>
public enum AlertFrequency
{
    /// <summary>No e-mail: the search is only kept for the founder to open again.</summary>
    Off,

    /// <summary>An e-mail as soon as the alert job sees a match (within its poll interval).</summary>
    Immediately,

    /// <summary>At most one e-mail a week, listing everything that matched since the last one.</summary>
    Weekly,
}

/// <summary>
/// A founder's saved catalogue search or guided-path answer set, with the alerts they chose (issue 17 item 2,
/// ADR 1760). It is personal data: it belongs to one account (<see cref="UserId"/>), is shown only to its owner,
/// is part of the personal-data download and is deleted with the account. Like the outbox it is not in the audit
/// log (which keeps what it holds after the account is gone, and would hold the unsubscribe secret).
/// </summary>
public class SavedSearch : Entity
{
    /// <summary>Longest name a founder can give a saved search.</summary>
    public const int NameLength = 100;

    /// <summary>Longest criteria text (the search's query string) that can be saved.</summary>
    public const int CriteriaLength = 2000;

    /// <summary>Length of <see cref="UnsubscribeToken"/>: 32 random bytes as lower-case hex.</summary>
    public const int TokenLength = 64;

    /// <summary>How many saved searches one founder can keep.</summary>
    public const int MaxPerAccount = 50;

    /// <summary>The time between two weekly digests.</summary>
    public static readonly TimeSpan DigestInterval = TimeSpan.FromDays(7);

    private SavedSearch()
    {
    }

    /// <param name="criteria">The canonical query string of the search, without "?" (see <c>SavedSearchCriteria</c>).</param>
    public SavedSearch(string userId, string name, SavedSearchKind kind, string criteria, AlertFrequency frequency, DateTime savedAt)
    {
        UserId = userId;
        Name = name.Trim();
        Kind = kind;
        Criteria = criteria;
        Frequency = frequency;
        SavedAt = savedAt;
        AlertsCheckedUpTo = savedAt;
        UnsubscribeToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(TokenLength / 2));
    }

    public string UserId { get; private set; } = "";

    public string Name { get; private set; } = "";

    public SavedSearchKind Kind { get; private set; }

    /// <summary>The search as its page's query string, without "?": <c>q=fda&amp;market=usa</c> or <c>help=legal&amp;stage=seed</c>.</summary>
    public string Criteria { get; private set; } = "";

    public AlertFrequency Frequency { get; private set; }

    /// <summary>When the founder saved it (UTC); offers changed before then never cause an alert.</summary>
    public DateTime SavedAt { get; private set; }

    /// <summary>
    /// UTC time up to which offer changes have been looked at for alerts (the alert job moves it on; for a weekly
    /// digest it is the time of the last digest). Offers changed a little before it are looked at again, so a change
    /// committed while the job ran is not missed; the alert records keep those from being sent twice.
    /// </summary>
    public DateTime AlertsCheckedUpTo { get; private set; }

    /// <summary>The unguessable secret of the e-mails' one-click unsubscribe link (RFC 8058); never the id.</summary>
    public string UnsubscribeToken { get; private set; } = "";

    /// <summary>Saved searches whose alerts are due at <paramref name="now"/>: immediate ones always, weekly ones a week after the last digest.</summary>
    public static Expression<Func<SavedSearch, bool>> AlertsDue(DateTime now)
    {
        var lastDigestBefore = now - DigestInterval;
        return s => s.Frequency == AlertFrequency.Immediately || (s.Frequency == AlertFrequency.Weekly && s.AlertsCheckedUpTo <= lastDigestBefore);
    }

    public void Rename(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameLength)
        {
            throw new DomainRuleException($"A saved search needs a name of at most {NameLength} characters.");
        }

        Name = name.Trim();
    }

    /// <summary>
    /// Sets how often alerts go out. Turning alerts on again starts from <paramref name="now"/>: nothing that changed
    /// while they were off is sent.
    /// </summary>
    public void ChangeFrequency(AlertFrequency frequency, DateTime now)
    {
        if (Frequency == AlertFrequency.Off && frequency != AlertFrequency.Off)
        {
            AlertsCheckedUpTo = now;
        }

        Frequency = frequency;
    }

    /// <summary>The one-click unsubscribe: no more e-mail for this search. Doing it again changes nothing.</summary>
    public void Unsubscribe() => Frequency = AlertFrequency.Off;
}

/// <summary>
/// That one version of an offer was e-mailed for one saved search. The unique index on (search, offer, version) is
/// what keeps an alert from going out twice — also when two portal instances run the alert job at once (ADR 1760).
/// </summary>
public class SavedSearchAlert
{
    private SavedSearchAlert()
    {
    }

    public SavedSearchAlert(int savedSearchId, int offerId, int offerVersion, DateTime alertedAt)
    {
        SavedSearchId = savedSearchId;
        OfferId = offerId;
        OfferVersion = offerVersion;
        AlertedAt = alertedAt;
    }

    public int Id { get; private set; }

    public int SavedSearchId { get; private set; }

    public int OfferId { get; private set; }

    /// <summary>The offer's <see cref="Entity.Version"/> that matched: a later change of the offer is a new alert.</summary>
    public int OfferVersion { get; private set; }

    /// <summary>UTC time the alert e-mail was put in the outbox.</summary>
    public DateTime AlertedAt { get; private set; }
}
