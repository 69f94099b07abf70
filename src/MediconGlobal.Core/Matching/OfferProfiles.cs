using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Matching;

/// <summary>Loads offers and needs in the shape the matching rule reads, in a few set-based queries.</summary>
public static class OfferProfiles
{
    /// <summary>The rule on <paramref name="day"/>, with the market hierarchy from the database.</summary>
    public static async Task<MatchingRule> LoadRuleAsync(AppDbContext db, OfferDay day, CancellationToken cancellationToken = default)
    {
        var markets = await db.TaxonomyTerms.AsNoTracking().Where(t => t.Kind == TaxonomyKind.Market)
            .Select(t => new { t.Id, t.ParentId, t.IsAgnostic }).ToListAsync(cancellationToken);
        return new MatchingRule(new MarketHierarchy(
            markets.ToDictionary(m => m.Id, m => m.ParentId),
            markets.Where(m => m.IsAgnostic).Select(m => m.Id).ToHashSet()), day);
    }

    /// <summary>Profiles of the offers in <paramref name="offers"/> (published ones by default).</summary>
    public static async Task<List<OfferProfile>> LoadAsync(AppDbContext db, IQueryable<Offer>? offers = null, CancellationToken cancellationToken = default)
    {
        offers ??= db.Offers.Published();
        var heads = await offers.AsNoTracking()
            .Select(o => new { o.Id, o.Status, o.CategoryId, o.LastReviewedAt, o.ApplicationDeadline, o.EndsOn, o.PublishedAt })
            .ToListAsync(cancellationToken);
        var terms = await db.OfferTerms.AsNoTracking()
            .Where(t => offers.Any(o => o.Id == t.OfferId))
            .Select(t => new { t.OfferId, t.TermId, t.Term!.Kind })
            .ToListAsync(cancellationToken);
        var byOffer = terms.ToLookup(t => t.OfferId);
        return heads.Select(h =>
        {
            var own = byOffer[h.Id].ToList();
            HashSet<int> Of(TaxonomyKind kind) => own.Where(t => t.Kind == kind).Select(t => t.TermId).ToHashSet();
            return new OfferProfile(h.Id, h.Status, h.CategoryId, Of(TaxonomyKind.Market), Of(TaxonomyKind.Stage), Of(TaxonomyKind.Sector), Of(TaxonomyKind.Region), h.LastReviewedAt,
                OfferVerification.ClosesOn(h.ApplicationDeadline, h.EndsOn), h.PublishedAt);
        }).ToList();
    }

    /// <summary>The profile of one need: its category and market with its company's stage, sector and region.</summary>
    public static Task<NeedProfile?> LoadNeedAsync(AppDbContext db, int needId, CancellationToken cancellationToken = default) =>
        db.Needs.AsNoTracking().Where(n => n.Id == needId)
            .Select(Need.ProfileOf)
            .FirstOrDefaultAsync(cancellationToken);
}
