using System.Globalization;
using LinqKit;
using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Matching;
using MediconGlobal.Core.Text;
using MediconGlobal.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Clients;

/// <summary>A published offer that matches a need, with the rule's explanation in one sentence and whether it is already referred.</summary>
public sealed record Suggestion(
    int OfferId,
    string OfferName,
    int ProviderId,
    string ProviderName,
    OfferFormat Format,
    CostType Cost,
    bool IsStale,
    bool AlreadyReferred,
    MatchExplanation Match,
    Phrase Why);

public sealed record SuggestionList(string Category, IReadOnlyList<Suggestion> Offers);

/// <summary>
/// The matching published offers for one need, ranked by the one <see cref="MatchingRule"/> (closer fit first,
/// fresher first), each with the same "why it fits" sentence the guided path shows (<see cref="MatchSentences"/>).
/// </summary>
public static class NeedSuggestions
{
    /// <summary>The suggestions for need <paramref name="needId"/> at <paramref name="now"/> (UTC): offers open that day (<paramref name="time"/>'s zone) only; null for an unknown need.</summary>
    public static async Task<SuggestionList?> LoadAsync(AppDbContext db, int needId, DateTime now, CultureInfo? language = null, DisplayTime? time = null, CancellationToken cancellationToken = default)
    {
        var need = await db.Needs.AsNoTracking().Where(n => n.Id == needId).AsExpandable()
            .Select(n => new
            {
                Profile = Need.ProfileOf.Invoke(n),
                Category = n.Category!.Name,
                Referred = n.Referrals.Where(r => r.Status == ReferralStatus.Sent || r.Status == ReferralStatus.Accepted || r.Status == ReferralStatus.Suggested)
                    .Select(r => r.OfferId).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (need is null)
        {
            return null;
        }

        var terms = await TermCatalog.LoadAsync(db, cancellationToken);
        var sentences = new MatchSentences(terms.Markets, id => terms.Find(id)?.LabelIn(language ?? CultureInfo.InvariantCulture));
        var candidates = db.Offers.Published().Where(o => o.CategoryId == need.Profile.CategoryId);
        var profiles = (await OfferProfiles.LoadAsync(db, candidates, cancellationToken)).ToDictionary(p => p.OfferId);
        var matches = new MatchingRule(terms.Markets, OfferDay.At(now, time)).Rank(need.Profile, profiles.Values);
        var ids = matches.Select(m => m.OfferId).ToList();
        var offers = await db.Offers.AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.ProviderId, Provider = o.Provider!.Name, o.Format, o.Cost, o.LastReviewedAt })
            .ToDictionaryAsync(o => o.Id, cancellationToken);
        var suggestions = matches.Select(m =>
        {
            var o = offers[m.OfferId];
            return new Suggestion(o.Id, o.Name, o.ProviderId, o.Provider, o.Format, o.Cost, Offer.IsStaleAt(o.LastReviewedAt, now), need.Referred.Contains(o.Id), m,
                sentences.Explain(need.Profile, profiles[m.OfferId], m));
        }).ToList();
        return new SuggestionList(need.Category, suggestions);
    }
}
