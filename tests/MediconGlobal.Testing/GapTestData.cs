using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;

namespace MediconGlobal.Testing;

/// <summary>
/// A small data set whose gap report is worked out by hand in <c>GapAnalysisTests</c> (Core.Tests). Its own
/// taxonomy (no reference data), so nothing else can match. Offers:
/// O1 legal, USA (so Boston too); O2 legal, any market, clinical stage, Skåne only; O3 regulatory, Germany,
/// medtech; O4 regulatory, draft (never matches). Companies: C1 SE Skåne medtech clinical, C2 SE Skåne biotech
/// launch, C3 SE Skåne medtech launch (all home incubator A); C4 DK Hovedstaden medtech clinical, C5 DK
/// Hovedstaden biotech without stage (incubator B).
/// </summary>
public sealed class GapTestData
{
    public static readonly DateTime Start = new(2026, 1, 5, 10, 0, 0, DateTimeKind.Utc);

    public TaxonomyTerm Legal { get; private set; } = null!;

    public TaxonomyTerm Regulatory { get; private set; } = null!;

    public TaxonomyTerm Usa { get; private set; } = null!;

    public TaxonomyTerm Boston { get; private set; } = null!;

    public TaxonomyTerm Germany { get; private set; } = null!;

    public TaxonomyTerm Skane { get; private set; } = null!;

    public TaxonomyTerm Hovedstaden { get; private set; } = null!;

    public TaxonomyTerm Medtech { get; private set; } = null!;

    public TaxonomyTerm Biotech { get; private set; } = null!;

    public TaxonomyTerm Clinical { get; private set; } = null!;

    public TaxonomyTerm Launch { get; private set; } = null!;

    public Organisation IncubatorA { get; private set; } = null!;

    public Organisation IncubatorB { get; private set; } = null!;

    public static async Task<GapTestData> CreateAsync(AppDbContext db)
    {
        var data = new GapTestData();
        await data.BuildAsync(db);
        return data;
    }

    private static TaxonomyTerm Term(TaxonomyKind kind, string code, string name, int order, string? country = null) =>
        new(kind, code, name, order) { CountryCode = country };

    private async Task BuildAsync(AppDbContext db)
    {
        Legal = Term(TaxonomyKind.SupportCategory, "legal", "Legal advisory", 1);
        Regulatory = Term(TaxonomyKind.SupportCategory, "regulatory", "Regulatory", 2);
        Usa = Term(TaxonomyKind.Market, "usa", "USA", 1);
        Boston = Term(TaxonomyKind.Market, "usa-boston", "Boston", 2);
        Germany = Term(TaxonomyKind.Market, "germany", "Germany", 3);
        var any = Term(TaxonomyKind.Market, "any", "Any market", 4);
        any.IsAgnostic = true;
        Skane = Term(TaxonomyKind.Region, "se-skane", "Skåne", 1, "SE");
        Hovedstaden = Term(TaxonomyKind.Region, "dk-hovedstaden", "Hovedstaden", 2, "DK");
        Medtech = Term(TaxonomyKind.Sector, "medtech", "Medtech", 1);
        Biotech = Term(TaxonomyKind.Sector, "biotech", "Biotech", 2);
        Clinical = Term(TaxonomyKind.Stage, "clinical", "Clinical", 1);
        Launch = Term(TaxonomyKind.Stage, "launch", "Market launch", 2);
        db.TaxonomyTerms.AddRange(Legal, Regulatory, Usa, Boston, Germany, any, Skane, Hovedstaden, Medtech, Biotech, Clinical, Launch);
        await db.SaveChangesAsync();
        Boston.ParentId = Usa.Id;

        IncubatorA = new Organisation("Incubator A", OrganisationType.Incubator, "SE");
        IncubatorB = new Organisation("Incubator B", OrganisationType.Incubator, "DK");
        var provider = new Organisation("Provider P", OrganisationType.ClusterOrganisation, "SE");
        db.Organisations.AddRange(IncubatorA, IncubatorB, provider);

        var o1 = Offer("O1", provider, Legal, (TaxonomyKind.Market, [Usa]));
        var o2 = Offer("O2", provider, Legal, (TaxonomyKind.Market, [any]), (TaxonomyKind.Stage, [Clinical]), (TaxonomyKind.Region, [Skane]));
        var o3 = Offer("O3", provider, Regulatory, (TaxonomyKind.Market, [Germany]), (TaxonomyKind.Sector, [Medtech]));
        var o4 = Offer("O4", provider, Regulatory);
        o4.ReturnToDraft();
        db.Offers.AddRange(o1, o2, o3, o4);

        var c1 = Company("C1", IncubatorA, Skane, Medtech, Clinical);
        var c2 = Company("C2", IncubatorA, Skane, Biotech, Launch);
        var c3 = Company("C3", IncubatorA, Skane, Medtech, Launch);
        var c4 = Company("C4", IncubatorB, Hovedstaden, Medtech, Clinical);
        var c5 = Company("C5", IncubatorB, Hovedstaden, Biotech, null);
        db.Companies.AddRange(c1, c2, c3, c4, c5);
        await db.SaveChangesAsync();

        // N1..N11 as in GapAnalysisTests; the day is the need's position in time.
        Need(db, c1, Legal, Usa, new DateTime(2026, 1, 5), _ => { });
        Need(db, c1, Legal, Boston, new DateTime(2026, 1, 20), n => n.MarkMet("ok", new Actor("u", "U"), n.LoggedAt.AddDays(3)));
        Need(db, c2, Legal, Germany, new DateTime(2026, 2, 3), n => n.MarkUnmet(UnmetReason.NotAvailable, null, new Actor("u", "U"), n.LoggedAt.AddDays(3)));
        Need(db, c3, Legal, Usa, new DateTime(2026, 2, 10), n => n.MarkUnmet(UnmetReason.NotEligible, null, new Actor("u", "U"), n.LoggedAt.AddDays(3)));
        Need(db, c4, Legal, Usa, new DateTime(2026, 3, 1), n => n.Refer(provider, o1, null, new Actor("u", "U"), n.LoggedAt.AddDays(1)));
        Need(db, c4, Regulatory, Germany, new DateTime(2026, 3, 15), _ => { });
        Need(db, c5, Regulatory, Germany, new DateTime(2026, 3, 20), n => n.MarkUnmet(UnmetReason.NotAvailable, null, new Actor("u", "U"), n.LoggedAt.AddDays(3)));
        Need(db, c2, Regulatory, Usa, new DateTime(2026, 4, 2), n => n.MarkMet("ok", new Actor("u", "U"), n.LoggedAt.AddDays(3)));
        Need(db, c3, Regulatory, null, new DateTime(2026, 4, 15), n => n.StartWork(new Actor("u", "U"), n.LoggedAt.AddDays(1)));
        Need(db, c5, Legal, Usa, new DateTime(2026, 4, 20), n => n.Withdraw(null, new Actor("u", "U"), n.LoggedAt.AddDays(1)));
        Need(db, c1, Legal, Usa, new DateTime(2026, 5, 1), _ => { });
        await db.SaveChangesAsync();
    }

    private static Offer Offer(string name, Organisation provider, TaxonomyTerm category, params (TaxonomyKind Kind, TaxonomyTerm[] Terms)[] terms)
    {
        var offer = new Offer(name, provider, category);
        foreach (var (kind, values) in terms)
        {
            offer.SetTerms(kind, values);
        }

        offer.Publish(Start);

        // Reviewed now, so the offers never lapse from verification whenever the tests run (ADR 1934); they count
        // from Start, when they were published.
        offer.MarkReviewed(DateTime.UtcNow);
        return offer;
    }

    private static Company Company(string name, Organisation incubator, TaxonomyTerm region, TaxonomyTerm sector, TaxonomyTerm? stage) =>
        new(name, region.CountryCode!) { HomeIncubator = incubator, Region = region, Sector = sector, Stage = stage };

    private static void Need(AppDbContext db, Company company, TaxonomyTerm category, TaxonomyTerm? market, DateTime day, Action<Need> progress)
    {
        var need = new Need(company, category, market, $"{company.Name} {category.Code} {market?.Code}", NeedPriority.Medium, new Actor("u", "U"), DateTime.SpecifyKind(day.AddHours(9), DateTimeKind.Utc));
        progress(need);
        db.Needs.Add(need);
    }
}
