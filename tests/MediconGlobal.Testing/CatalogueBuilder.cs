using MediconGlobal.Core.Data;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Testing;

/// <summary>Adds offers to a migrated test database that already holds the reference data.</summary>
public static class CatalogueBuilder
{
    public static async Task<Offer> AddOfferAsync(
        AppDbContext db,
        string name,
        string providerKey = OrganisationSeed.InnovationSkane,
        string category = "legal",
        string? description = null,
        string[]? markets = null,
        string[]? regions = null,
        string[]? stages = null,
        string[]? sectors = null,
        string? programmeKey = null,
        OfferFormat format = OfferFormat.Workshop,
        CostType cost = CostType.Free,
        bool publish = true)
    {
        var terms = await TermLookup.LoadAsync(db);
        var provider = await db.Organisations.SingleAsync(o => o.SeedKey == providerKey);
        var offer = new Offer(name, provider, terms[TaxonomyKind.SupportCategory, category])
        {
            Description = description,
            Format = format,
            Cost = cost,
            Programme = programmeKey is null ? null : await db.Programmes.SingleAsync(p => p.SeedKey == programmeKey),
        };
        offer.SetTerms(TaxonomyKind.Market, (markets ?? []).Select(c => terms[TaxonomyKind.Market, c]));
        offer.SetTerms(TaxonomyKind.Region, (regions ?? []).Select(c => terms[TaxonomyKind.Region, c]));
        offer.SetTerms(TaxonomyKind.Stage, (stages ?? []).Select(c => terms[TaxonomyKind.Stage, c]));
        offer.SetTerms(TaxonomyKind.Sector, (sectors ?? []).Select(c => terms[TaxonomyKind.Sector, c]));
        if (publish)
        {
            offer.Publish(DateTime.UtcNow);
        }

        db.Offers.Add(offer);
        await db.SaveChangesAsync();
        return offer;
    }
}
