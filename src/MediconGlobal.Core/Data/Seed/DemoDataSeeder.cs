using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Matching;
using MediconGlobal.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Data.Seed;

/// <summary>
/// Development only: the demo accounts and about 30 fictional companies with needs and referrals spread over
/// categories, markets and stages. Every record is marked <c>IsFictional</c>. Runs once (when no fictional
/// company exists) and is deterministic, so screenshots and demos look the same every time.
/// </summary>
public sealed class DemoDataSeeder(AppDbContext db, UserManager<ApplicationUser> users, TimeProvider clock)
{
    private static readonly string[] CompanyNames =
    [
        "Aurora Biologics", "Kattegat Diagnostics", "Lundia MedDevices", "Saltholm Therapeutics", "Øresund Imaging",
        "Nordlys HealthTech", "Skagerrak Genomics", "Ven Island Bio", "Hven Care Robotics", "Malmö Sensorics",
        "Helsingør Digital Care", "Kullaberg Pharma", "Falsterbo Neuro", "Roskilde Rehab Tech", "Glommen Biotools",
        "Vestfold Vital", "Agder AI Diagnostics", "Telemark Therapeutics", "Halland HomeCare Tech", "Göta Cell Labs",
        "Bornholm Biosensors", "Amager Antibodies", "Sjælland Surgical", "Oslofjord Omics", "Buskerud BioAnalytics",
        "Akershus Assistive", "Ystad Cardio", "Trelleborg Telehealth", "Kastrup Kinetics",
    ];

    private static readonly string[] Markets = ["usa", "usa-boston", "germany", "dach", "uk", "nordics", "eu", "china", "japan", "france", "benelux", "switzerland", "singapore", "canada"];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Companies.AnyAsync(c => c.IsFictional, cancellationToken))
        {
            return;
        }

        var terms = await TermLookup.LoadAsync(db, cancellationToken);
        var organisations = await db.Organisations.Where(o => o.SeedKey != null).ToDictionaryAsync(o => o.SeedKey!, cancellationToken);
        var random = new Random(2026);
        var now = clock.GetUtcNow().UtcDateTime;

        var founderCompany = NewCompany(DemoAccounts.FounderCompanyName, "SE", "se-skane", organisations[OrganisationSeed.SmiLe], terms, random, 0);
        var companies = new List<Company> { founderCompany };
        for (var i = 0; i < CompanyNames.Length; i++)
        {
            var (country, region) = (i % 5) switch
            {
                0 or 1 or 2 => ("SE", random.Next(4) == 0 ? "se-halland" : "se-skane"),
                3 => ("DK", random.Next(2) == 0 ? "dk-hovedstaden" : "dk-sjaelland"),
                _ => ("NO", random.Next(2) == 0 ? "no-oslo" : "no-agder"),
            };
            var incubator = organisations[i % 2 == 0 ? OrganisationSeed.SmiLe : OrganisationSeed.InnovationSkane];
            companies.Add(NewCompany(CompanyNames[i], country, region, incubator, terms, random, i + 1));
        }

        db.Companies.AddRange(companies);
        await db.SaveChangesAsync(cancellationToken);

        var accounts = await EnsureAccountsAsync(organisations, founderCompany, cancellationToken);
        foreach (var company in companies)
        {
            var advisor = accounts[company.HomeIncubator!.SeedKey == OrganisationSeed.SmiLe ? DemoAccounts.AdvisorSmile : DemoAccounts.AdvisorInnovationSkane];
            company.Advisors.Add(new CompanyAdvisor { CompanyId = company.Id, UserId = advisor.Id });
            if (random.Next(3) > 0)
            {
                company.GiveConsent("Share profile and needs with partner organisations receiving referrals.", new Actor(advisor.Id, advisor.DisplayName), now.AddDays(-random.Next(200, 400)));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await SeedNeedsAsync(companies, accounts, terms, organisations.Values, random, now, cancellationToken);
        await SeedStatesToSeeAsync(organisations, now, cancellationToken);
        await SeedActivitiesAsync(companies, organisations, terms, now, cancellationToken);
    }

    /// <summary>
    /// Three activities of the Danish Life Science Cluster's innovation programme in the formats of seed 002 (issue
    /// 17 item 1): a Booster Board session, a webinar and a matchmaking event, with fictional participating companies
    /// (some without consent, so partners see them unnamed) and the hospitals and regions that took part.
    /// </summary>
    private async Task SeedActivitiesAsync(List<Company> companies, Dictionary<string, Organisation> organisations, TermLookup terms, DateTime now, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.SingleAsync(p => p.SeedKey == ProgrammeSeed.DlscInnovationProgram, cancellationToken);
        var today = DateOnly.FromDateTime(now);
        var regions = new[] { organisations[OrganisationSeed.CapitalRegion].Id, organisations[OrganisationSeed.RegionZealand].Id };
        Activity Demo(ActivityKind kind, string topic, int daysAgo, int? participants, int? followUps, int? continuing, string outcome, IEnumerable<Company> participating, string sector, string? market)
        {
            var activity = new Activity
            {
                ProgrammeId = programme.Id,
                OrganiserId = organisations[OrganisationSeed.Dlsc].Id,
                Kind = kind,
                Name = topic,
                Date = today.AddDays(-daysAgo),
                Description = "Fictional demo activity.",
                ParticipantCount = participants,
                FollowUpCount = followUps,
                ContinuingCount = continuing,
                Outcome = outcome,
            };
            activity.SetParticipants(participating.Select(c => c.Id));
            activity.SetOrganisations(regions);
            activity.SetTerms(TaxonomyKind.Sector, [terms[TaxonomyKind.Sector, sector]]);
            activity.SetTerms(TaxonomyKind.Market, market is null ? [] : [terms[TaxonomyKind.Market, market]]);
            return activity;
        }

        db.Activities.AddRange(
            Demo(ActivityKind.BoosterBoard, "Booster Board: remote monitoring in home care", 120, 11, 6, 3,
                "Clinicians and municipal care staff gave feedback on three prototypes; two companies were invited to a test in home care.", companies.Skip(1).Take(3), "welfare-tech", null),
            Demo(ActivityKind.Webinar, "Webinar: selling welfare technology to Danish municipalities", 90, 64, 9, 5,
                "Recording shared with the participants; questions collected for the next matchmaking.", companies.Skip(4).Take(5), "welfare-tech", "nordics"),
            Demo(ActivityKind.Matchmaking, "Matchmaking: hospital logistics and digital health", 45, 28, 14, 4,
                "Fourteen one-to-one meetings between companies and hospital departments.", companies.Skip(9).Take(4), "digital-health", "eu"));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// States people need to see in a demo (issue 11 item 8): both steps of the verification cycle (ADR 1934) — an offer
    /// nobody confirmed for 13 months (lapsed: "needs verification", out of matching) and one reviewed eleven months and a
    /// week ago (due: its provider is asked to confirm it) — a locked account and an invitation nobody has accepted yet.
    /// Neither account can sign in.
    /// </summary>
    private async Task SeedStatesToSeeAsync(Dictionary<string, Organisation> organisations, DateTime now, CancellationToken cancellationToken)
    {
        (await db.Offers.SingleAsync(o => o.SeedKey == DemoAccounts.LapsedOfferKey, cancellationToken)).MarkReviewed(now.AddMonths(-13));
        (await db.Offers.SingleAsync(o => o.SeedKey == DemoAccounts.DueOfferKey, cancellationToken))
            .MarkReviewed(now.AddMonths(-OfferVerification.AskAfterMonths).AddDays(-7));

        await db.SaveChangesAsync(cancellationToken);
        if (await users.FindByEmailAsync(DemoAccounts.LockedPartner) is null)
        {
            var locked = new ApplicationUser
            {
                UserName = DemoAccounts.LockedPartner,
                Email = DemoAccounts.LockedPartner,
                EmailConfirmed = true,
                DisplayName = "Lars Låst (Mobile Heights, locked)",
                OrganisationId = organisations[OrganisationSeed.MobileHeights].Id,
                CreatedAt = now.AddMonths(-3),
            };
            Check(await users.CreateAsync(locked, DemoAccounts.Password));
            Check(await users.AddToRoleAsync(locked, Roles.PartnerStaff));
            Check(await users.SetLockoutEndDateAsync(locked, DateTimeOffset.MaxValue));
        }

        if (await users.FindByEmailAsync(DemoAccounts.InvitedAdvisor) is null)
        {
            var invited = new ApplicationUser
            {
                UserName = DemoAccounts.InvitedAdvisor,
                Email = DemoAccounts.InvitedAdvisor,
                DisplayName = "Ida Inbjuden (invited advisor)",
                OrganisationId = organisations[OrganisationSeed.SmiLe].Id,
                CreatedAt = now.AddDays(-2),
                InvitationSentAt = now.AddDays(-2),
            };
            Check(await users.CreateAsync(invited));
            Check(await users.AddToRoleAsync(invited, Roles.Advisor));
        }
    }

    private static Company NewCompany(string name, string country, string region, Organisation incubator, TermLookup terms, Random random, int index)
    {
        var stages = terms.OfKind(TaxonomyKind.Stage).ToList();
        var sectors = terms.OfKind(TaxonomyKind.Sector).ToList();
        var company = new Company(name, country)
        {
            IsFictional = true,
            Description = "Fictional demo company. Any resemblance to a real business is coincidental.",
            OrganisationNumber = FictionalOrganisationNumber(country, index),
            Region = terms[TaxonomyKind.Region, region],
            Stage = stages[random.Next(stages.Count)],
            Sector = sectors[random.Next(sectors.Count)],
            FoundedYear = 2015 + random.Next(11),
            Employees = 1 + random.Next(40),
            HomeIncubator = incubator,
            Website = $"https://example.com/{name.ToLowerInvariant().Replace(' ', '-')}",
        };
        company.SetTerms(TaxonomyKind.Market, Enumerable.Range(0, 1 + random.Next(3)).Select(_ => terms[TaxonomyKind.Market, Markets[random.Next(Markets.Length)]]).DistinctBy(t => t.Code));
        return company;
    }

    private static string? FictionalOrganisationNumber(string country, int index) => country switch
    {
        "SE" => OrganisationNumber.Complete("SE", $"559{index:D6}"),
        "NO" => Enumerable.Range(0, 10).Select(k => OrganisationNumber.Complete("NO", $"99{index:D4}{k}0")).FirstOrDefault(n => n is not null),
        "DK" => Enumerable.Range(0, 100).Select(k => $"4{index:D3}{k:D2}0").Select(CompleteCvr).FirstOrDefault(n => n is not null),
        _ => null,
    };

    private static string? CompleteCvr(string sevenDigitsAndZero)
    {
        for (var d = 0; d < 10; d++)
        {
            var candidate = sevenDigitsAndZero[..7] + d;
            if (OrganisationNumber.Validate("DK", candidate) is null)
            {
                return candidate;
            }
        }

        return null;
    }

    private async Task<Dictionary<string, ApplicationUser>> EnsureAccountsAsync(Dictionary<string, Organisation> organisations, Company founderCompany, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, ApplicationUser>();
        foreach (var account in DemoAccounts.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var user = await users.FindByEmailAsync(account.Email);
            if (user is null)
            {
                user = new ApplicationUser
                {
                    UserName = account.Email,
                    Email = account.Email,
                    EmailConfirmed = true,
                    DisplayName = account.DisplayName,
                    OrganisationId = account.OrganisationKey is null ? null : organisations[account.OrganisationKey].Id,
                    CompanyId = account.Role == Roles.Startup ? founderCompany.Id : null,
                    CreatedAt = clock.GetUtcNow().UtcDateTime,
                };
                Check(await users.CreateAsync(user, DemoAccounts.Password));
                Check(await users.AddToRoleAsync(user, account.Role));
            }

            result[account.Email] = user;
        }

        return result;
    }

    private async Task SeedNeedsAsync(List<Company> companies, Dictionary<string, ApplicationUser> accounts, TermLookup terms, IEnumerable<Organisation> organisations, Random random, DateTime now, CancellationToken cancellationToken)
    {
        var rule = await OfferProfiles.LoadRuleAsync(db, OfferDay.At(now), cancellationToken);
        var offers = await OfferProfiles.LoadAsync(db, cancellationToken: cancellationToken);
        var offerEntities = await db.Offers.Include(o => o.Provider).ToDictionaryAsync(o => o.Id, cancellationToken);
        var categories = terms.OfKind(TaxonomyKind.SupportCategory).ToList();
        var marketCodes = terms.OfKind(TaxonomyKind.Market).ToDictionary(t => t.Id, t => t.Code);
        var partnerByOrganisation = new Dictionary<int, ApplicationUser>
        {
            [organisations.Single(o => o.SeedKey == OrganisationSeed.InnovationSkane).Id] = accounts[DemoAccounts.PartnerInnovationSkane],
            [organisations.Single(o => o.SeedKey == OrganisationSeed.Dlsc).Id] = accounts[DemoAccounts.PartnerDlsc],
        };

        foreach (var company in companies)
        {
            var advisor = accounts[company.HomeIncubator!.SeedKey == OrganisationSeed.SmiLe ? DemoAccounts.AdvisorSmile : DemoAccounts.AdvisorInnovationSkane];
            for (var n = 0; n < 2 + random.Next(4); n++)
            {
                var (category, marketCode) = PickNeed(company, categories, offers, marketCodes, random);
                var loggedAt = now.AddDays(-random.Next(5, 360)).AddMinutes(-random.Next(600));
                var need = new Need(company, category, terms[TaxonomyKind.Market, marketCode],
                    $"Fictional demo need: {category.Name.ToLowerInvariant()} support for entering {terms[TaxonomyKind.Market, marketCode].Name}.",
                    (NeedPriority)random.Next(3), new Actor(advisor.Id, advisor.DisplayName), loggedAt)
                { IsFictional = true };
                db.Needs.Add(need);

                var matches = rule.Rank(new NeedProfile(category.Id, need.Market!.Id, company.Stage?.Id, company.Sector?.Id, company.Region?.Id), offers);
                Progress(need, matches, offerEntities, partnerByOrganisation, advisor, random, loggedAt, now);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    // Most demo needs ask for something the catalogue offers (so referrals happen); the rest are random, so the
    // gap reports have real gaps to show.
    private static (TaxonomyTerm Category, string MarketCode) PickNeed(Company company, List<TaxonomyTerm> categories, List<OfferProfile> offers, Dictionary<int, string> marketCodes, Random random)
    {
        var companyMarket = company.Terms.Count > 0 && random.Next(3) > 0
            ? company.Terms.ElementAt(random.Next(company.Terms.Count)).Term!.Code
            : Markets[random.Next(Markets.Length)];
        if (random.Next(10) >= 6 || offers.Count == 0)
        {
            return (categories[random.Next(categories.Count)], companyMarket);
        }

        var offer = offers[random.Next(offers.Count)];
        var specific = offer.MarketIds.Select(id => marketCodes[id]).Where(code => code != "any").ToList();
        return (categories.Single(c => c.Id == offer.CategoryId), specific.Count > 0 ? specific[random.Next(specific.Count)] : companyMarket);
    }

    private static void Progress(Need need, IReadOnlyList<MatchExplanation> matches, Dictionary<int, Offer> offers, Dictionary<int, ApplicationUser> partners, ApplicationUser advisor, Random random, DateTime loggedAt, DateTime now)
    {
        var step = loggedAt.AddDays(1 + random.Next(10));
        if (matches.Count == 0)
        {
            if (random.Next(2) == 0 && step < now)
            {
                need.MarkUnmet(UnmetReason.NotAvailable, "No matching offer in the catalogue.", new Actor(advisor.Id, advisor.DisplayName), step);
            }

            return;
        }

        var roll = random.Next(10);
        if (roll < 3 || step >= now)
        {
            return;
        }

        if (roll == 3)
        {
            need.StartWork(new Actor(advisor.Id, advisor.DisplayName), step);
            return;
        }

        var offer = offers[matches[random.Next(Math.Min(2, matches.Count))].OfferId];
        var referral = need.Refer(offer.Provider!, offer, "Fictional demo referral.", new Actor(advisor.Id, advisor.DisplayName), step);
        referral.IsFictional = true;
        var answeredAt = step.AddDays(1 + random.Next(20));
        if (roll < 6 || answeredAt >= now)
        {
            return;
        }

        var partner = partners.GetValueOrDefault(offer.ProviderId);
        var (answererId, answererName) = partner is null ? ("system", $"{offer.Provider!.Name} (demo)") : (partner.Id, partner.DisplayName);
        if (roll == 6)
        {
            referral.Decline("Fictional demo: the company is outside our current intake.", new Actor(answererId, answererName), answeredAt);
            need.MarkUnmet(UnmetReason.NotEligible, "The receiving organisation declined.", new Actor(advisor.Id, advisor.DisplayName), answeredAt.AddDays(1));
            return;
        }

        referral.Accept("Fictional demo: happy to help, we will be in touch.", new Actor(answererId, answererName), answeredAt);
        var completedAt = answeredAt.AddDays(5 + random.Next(30));
        if (roll == 9 && completedAt < now)
        {
            referral.Complete("Fictional demo: advice given and next steps agreed.", null, new Actor(advisor.Id, advisor.DisplayName), completedAt);
            need.MarkMet("Met through the referral.", new Actor(advisor.Id, advisor.DisplayName), completedAt);
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Could not create a demo account: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
