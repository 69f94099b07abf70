using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Reports;

/// <summary>
/// Needs for the gap report pages on top of the reference data: four SmiLe clients in Skåne with a legal need
/// for the USA, one Innovation Skåne client with a regulatory need for Germany, and one with a legal need for
/// the USA. Returns the term ids the tests look cells up by.
/// </summary>
public sealed record GapWebData(int Legal, int Regulatory, int Usa, int Germany, int Skane)
{
    public const string SmileClient = "Smile Client";
    public const string SkaneClient = "Skåne Client";

    public static async Task<GapWebData> SeedAsync(PortalFactory portal) => await portal.WithDbAsync(async db =>
    {
        var terms = await db.TaxonomyTerms.ToDictionaryAsync(t => (t.Kind, t.Code));
        var smile = await db.Organisations.SingleAsync(o => o.SeedKey == "smile");
        var skaneIncubator = await db.Organisations.SingleAsync(o => o.SeedKey == "innovation-skane");
        var (legal, regulatory) = (terms[(TaxonomyKind.SupportCategory, "legal")], terms[(TaxonomyKind.SupportCategory, "regulatory")]);
        var (usa, germany, skane) = (terms[(TaxonomyKind.Market, "usa")], terms[(TaxonomyKind.Market, "germany")], terms[(TaxonomyKind.Region, "se-skane")]);
        for (var i = 1; i <= 4; i++)
        {
            AddNeed(db, new Company($"{SmileClient} {i}", "SE") { HomeIncubator = smile, Region = skane }, legal, usa, i);
        }

        AddNeed(db, new Company($"{SkaneClient} 1", "SE") { HomeIncubator = skaneIncubator, Region = skane }, regulatory, germany, 5);
        AddNeed(db, new Company($"{SkaneClient} 2", "SE") { HomeIncubator = skaneIncubator, Region = skane }, legal, usa, 6);
        await db.SaveChangesAsync();
        return new GapWebData(legal.Id, regulatory.Id, usa.Id, germany.Id, skane.Id);
    });

    /// <summary>Publishes an offer that covers regulatory needs for Germany, turning that cell from a gap into covered.</summary>
    public async Task PublishRegulatoryOfferForGermanyAsync(PortalFactory portal) => await portal.WithDbAsync(async db =>
    {
        var provider = await db.Organisations.SingleAsync(o => o.SeedKey == "dlsc");
        var offer = new Offer("Test regulatory desk for Germany", provider, await db.TaxonomyTerms.SingleAsync(t => t.Id == Regulatory));
        offer.SetTerms(TaxonomyKind.Market, [await db.TaxonomyTerms.SingleAsync(t => t.Id == Germany)]);
        offer.Publish(DateTime.UtcNow);
        db.Offers.Add(offer);
        await db.SaveChangesAsync();
    });

    /// <summary>A draft of DLSC's that would cover regulatory needs for Germany once published; returns its id.</summary>
    public async Task<int> AddDraftRegulatoryOfferForGermanyAsync(PortalFactory portal) => await portal.WithDbAsync(async db =>
    {
        var provider = await db.Organisations.SingleAsync(o => o.SeedKey == "dlsc");
        var offer = new Offer("Draft regulatory desk for Germany", provider, await db.TaxonomyTerms.SingleAsync(t => t.Id == Regulatory));
        offer.SetTerms(TaxonomyKind.Market, [await db.TaxonomyTerms.SingleAsync(t => t.Id == Germany)]);
        db.Offers.Add(offer);
        await db.SaveChangesAsync();
        return offer.Id;
    });

    private static void AddNeed(AppDbContext db, Company company, TaxonomyTerm category, TaxonomyTerm market, int day)
    {
        db.Needs.Add(new Need(company, category, market, $"Test need of {company.Name}", NeedPriority.Medium, new Actor("test", "Test"), new DateTime(2026, 3, day, 9, 0, 0, DateTimeKind.Utc)));
    }
}
