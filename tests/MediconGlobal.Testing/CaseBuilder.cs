using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Testing;

/// <summary>
/// Small builders for client companies, needs and referrals on a database that holds the reference data
/// (taxonomies, the seeded organisations and offers). Terms and organisations are named by their seed codes.
/// </summary>
public static class CaseBuilder
{
    public const string AdvisorId = "advisor-under-test";
    public const string AdvisorName = "Test Advisor";

    public static Task<int> OrganisationIdAsync(AppDbContext db, string seedKey) =>
        db.Organisations.Where(o => o.SeedKey == seedKey).Select(o => o.Id).SingleAsync();

    public static Task<int> TermIdAsync(AppDbContext db, TaxonomyKind kind, string code) =>
        db.TaxonomyTerms.Where(t => t.Kind == kind && t.Code == code).Select(t => t.Id).SingleAsync();

    public static Task<int> OfferIdAsync(AppDbContext db, string seedKey) =>
        db.Offers.Where(o => o.SeedKey == seedKey).Select(o => o.Id).SingleAsync();

    /// <summary>A client of the incubator with <paramref name="incubatorKey"/>, in Skåne by default.</summary>
    public static async Task<Company> CompanyAsync(
        AppDbContext db,
        string name,
        string incubatorKey,
        bool consent = true,
        string country = "SE",
        string? region = "se-skane",
        string? organisationNumber = null,
        string? stage = null,
        string? sector = null,
        DateTime? at = null)
    {
        var terms = await db.TaxonomyTerms.ToListAsync();
        TaxonomyTerm? Term(TaxonomyKind kind, string? code) => code is null ? null : terms.Single(t => t.Kind == kind && t.Code == code);
        var company = new Company(name, country)
        {
            HomeIncubatorId = await OrganisationIdAsync(db, incubatorKey),
            OrganisationNumber = organisationNumber,
            Region = Term(TaxonomyKind.Region, region),
            Stage = Term(TaxonomyKind.Stage, stage),
            Sector = Term(TaxonomyKind.Sector, sector),
        };
        if (consent)
        {
            company.GiveConsent("Share with partners it is referred to.", new Actor(AdvisorId, AdvisorName), at ?? DateTime.UtcNow);
        }

        db.Companies.Add(company);
        await db.SaveChangesAsync();
        return company;
    }

    public static async Task<Need> NeedAsync(AppDbContext db, Company company, string category, string? market, DateTime at, string description = "Needs help to enter the market.")
    {
        var categoryTerm = await db.TaxonomyTerms.SingleAsync(t => t.Kind == TaxonomyKind.SupportCategory && t.Code == category);
        var marketTerm = market is null ? null : await db.TaxonomyTerms.SingleAsync(t => t.Kind == TaxonomyKind.Market && t.Code == market);
        var tracked = await db.Companies.SingleAsync(c => c.Id == company.Id);
        var need = new Need(tracked, categoryTerm, marketTerm, description, NeedPriority.Medium, new Actor(AdvisorId, AdvisorName), at);
        db.Needs.Add(need);
        await db.SaveChangesAsync();
        return need;
    }

    /// <summary>Refers the need to the seeded offer with <paramref name="offerKey"/>, sent at <paramref name="at"/>.</summary>
    public static async Task<Referral> ReferAsync(AppDbContext db, Need need, string offerKey, DateTime at, string sentByUserId = AdvisorId)
    {
        var offer = await db.Offers.Include(o => o.Provider).SingleAsync(o => o.SeedKey == offerKey);
        var tracked = await db.Needs.Include(n => n.Referrals).SingleAsync(n => n.Id == need.Id);
        var referral = tracked.Refer(offer.Provider!, offer, "Please help this client.", new Actor(sentByUserId, AdvisorName), at);
        await db.SaveChangesAsync();
        return referral;
    }
}
