using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Catalogue;

public sealed record RelatedOffer(int Id, string Name, string Provider, string Category, string Reason);

/// <summary>
/// Everything a founder needs to act on one offer. Empty eligibility lists mean "any"; <see cref="NextStep"/>,
/// <see cref="NextStepWorkingDays"/> and <see cref="RequiredDocuments"/> are its "what happens next" (issue 19 item 9).
/// </summary>
public sealed record OfferDetail(
    int Id,
    string Name,
    string? Description,
    OfferStatus Status,
    int CategoryId,
    string Category,
    int ProviderId,
    string Provider,
    OrganisationType ProviderType,
    int? ProgrammeId,
    string? Programme,
    OfferFormat Format,
    CostType Cost,
    string? CostDetails,
    string? HowToApply,
    string? Dates,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    DateOnly? ApplicationDeadline,
    int? Capacity,
    string? ContactName,
    string? ContactEmail,
    string? ContactPhone,
    string? Website,
    DateTime LastReviewedAt,
    bool IsStale,
    bool IsFictional,
    IReadOnlyList<string> Stages,
    IReadOnlyList<string> Sectors,
    IReadOnlyList<string> Regions,
    IReadOnlyList<string> Markets,
    bool AnyMarket,
    IReadOnlyList<string> Languages,
    IReadOnlyList<RelatedOffer> Related,
    NextStep NextStep,
    int? NextStepWorkingDays,
    IReadOnlyList<RequiredDocument> RequiredDocuments);

public static class OfferDetails
{
    private const int RelatedCount = 4;

    /// <summary>
    /// The offer with <paramref name="id"/> if it is in <paramref name="visible"/> (published ones for the public), with
    /// related offers open on <paramref name="today"/> (a closed call or a lapsed listing is not suggested, ADR 1934).
    /// </summary>
    public static async Task<OfferDetail?> LoadAsync(AppDbContext db, IQueryable<Offer> visible, int id, DateTime now, OfferDay today, CancellationToken cancellationToken = default)
    {
        var offer = await visible.AsNoTracking().Where(o => o.Id == id)
            .Select(o => new
            {
                o.Id,
                o.Name,
                o.Description,
                o.Status,
                o.CategoryId,
                Category = o.Category!.Name,
                o.ProviderId,
                Provider = o.Provider!.Name,
                ProviderType = o.Provider.Type,
                o.ProgrammeId,
                Programme = o.Programme != null ? o.Programme.Name : null,
                o.Format,
                o.Cost,
                o.CostDetails,
                o.HowToApply,
                o.Dates,
                o.StartsOn,
                o.EndsOn,
                o.ApplicationDeadline,
                o.Capacity,
                o.ContactName,
                o.ContactEmail,
                o.ContactPhone,
                o.Website,
                o.LastReviewedAt,
                o.IsFictional,
                o.NextStep,
                o.NextStepWorkingDays,
                o.RequiredDocuments,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (offer is null)
        {
            return null;
        }

        var terms = await TermCatalog.LoadAsync(db, cancellationToken);
        var own = await db.OfferTerms.AsNoTracking().Where(t => t.OfferId == id).Select(t => t.TermId).ToListAsync(cancellationToken);
        IReadOnlyList<string> Of(TaxonomyKind kind) => terms.NamesOf(own.Where(t => terms.Find(t)?.Kind == kind && terms.Find(t)?.IsAgnostic == false));
        var markets = Of(TaxonomyKind.Market);
        var related = await RelatedAsync(db, offer.Id, offer.CategoryId, offer.ProviderId, offer.ProgrammeId, own, today, cancellationToken);

        return new OfferDetail(
            offer.Id, offer.Name, offer.Description, offer.Status, offer.CategoryId, offer.Category, offer.ProviderId, offer.Provider, offer.ProviderType,
            offer.ProgrammeId, offer.Programme, offer.Format, offer.Cost, offer.CostDetails, offer.HowToApply, offer.Dates, offer.StartsOn, offer.EndsOn,
            offer.ApplicationDeadline, offer.Capacity, offer.ContactName, offer.ContactEmail, offer.ContactPhone, offer.Website, offer.LastReviewedAt,
            Offer.IsStaleAt(offer.LastReviewedAt, now), offer.IsFictional,
            Of(TaxonomyKind.Stage), Of(TaxonomyKind.Sector), Of(TaxonomyKind.Region), markets, markets.Count == 0, Of(TaxonomyKind.Language), related,
            offer.NextStep, offer.NextStepWorkingDays, RequiredDocument.Parse(offer.RequiredDocuments));
    }

    /// <summary>Other published offers open today closest to this one: same kind of help first, then same provider, programme or markets.</summary>
    private static async Task<IReadOnlyList<RelatedOffer>> RelatedAsync(AppDbContext db, int id, int categoryId, int providerId, int? programmeId, List<int> ownTerms, OfferDay today, CancellationToken cancellationToken)
    {
        var candidates = await db.Offers.AsNoTracking()
            .Published().OpenOn(today).Where(o => o.Id != id
                && (o.CategoryId == categoryId || o.ProviderId == providerId || (programmeId != null && o.ProgrammeId == programmeId)))
            .Select(o => new { o.Id, o.Name, Provider = o.Provider!.Name, Category = o.Category!.Name, o.CategoryId, o.ProviderId, o.ProgrammeId, o.LastReviewedAt })
            .ToListAsync(cancellationToken);
        var ids = candidates.Select(c => c.Id).ToList();
        var shared = await db.OfferTerms.AsNoTracking()
            .Where(t => ids.Contains(t.OfferId) && ownTerms.Contains(t.TermId))
            .GroupBy(t => t.OfferId)
            .Select(g => new { OfferId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.OfferId, g => g.Count, cancellationToken);

        return candidates
            .Select(c => new
            {
                Offer = c,
                Score = (c.CategoryId == categoryId ? 6 : 0) + (c.ProviderId == providerId ? 3 : 0) + (c.ProgrammeId == programmeId ? 2 : 0) + shared.GetValueOrDefault(c.Id),
                Reason = c.CategoryId == categoryId ? "Same kind of help" : c.ProgrammeId == programmeId ? "Same programme" : "Same provider",
            })
            .OrderByDescending(c => c.Score)
            .ThenByDescending(c => c.Offer.LastReviewedAt)
            .Take(RelatedCount)
            .Select(c => new RelatedOffer(c.Offer.Id, c.Offer.Name, c.Offer.Provider, c.Offer.Category, c.Reason))
            .ToList();
    }
}
