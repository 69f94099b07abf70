using MediconGlobal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Data.Seed;

/// <summary>
/// Loads the taxonomies and the real organisations, programmes and offers. Idempotent: a record that exists
/// (by taxonomy code or seed key) is left as it is, so edits made in the portal survive restarts.
/// </summary>
public sealed class ReferenceDataSeeder(AppDbContext db, TimeProvider clock)
{
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var terms = await SeedTermsAsync(cancellationToken);
        var organisations = await SeedOrganisationsAsync(terms, cancellationToken);
        var programmes = await SeedProgrammesAsync(organisations, cancellationToken);
        await SeedOffersAsync(terms, organisations, programmes, cancellationToken);
    }

    private async Task<TermLookup> SeedTermsAsync(CancellationToken cancellationToken)
    {
        var existing = await db.TaxonomyTerms.ToListAsync(cancellationToken);
        var byKey = existing.ToDictionary(t => (t.Kind, t.Code));
        var order = 0;
        foreach (var seed in TaxonomySeed.Terms)
        {
            order++;
            if (byKey.TryGetValue((seed.Kind, seed.Code), out var existingTerm))
            {
                // Databases seeded before the terms had Swedish and Danish labels (issue 14) get them once; a term an
                // administrator has relabelled (another English name, or any Swedish or Danish label) is left alone.
                if (existingTerm.NameSv is null && existingTerm.NameDa is null && existingTerm.Name == seed.Name && (seed.NameSv ?? seed.NameDa) is not null)
                {
                    existingTerm.Relabel(seed.Name, seed.NameSv, seed.NameDa);
                }

                continue;
            }

            var term = new TaxonomyTerm(seed.Kind, seed.Code, seed.Name, order)
            {
                CountryCode = seed.CountryCode,
                IsAgnostic = seed.IsAgnostic,
                Parent = seed.ParentCode is null ? null : byKey[(seed.Kind, seed.ParentCode)],
            };
            term.Relabel(seed.Name, seed.NameSv, seed.NameDa);
            db.TaxonomyTerms.Add(term);
            byKey[(seed.Kind, seed.Code)] = term;
        }

        await db.SaveChangesAsync(cancellationToken);
        return new TermLookup(byKey);
    }

    private async Task<Dictionary<string, Organisation>> SeedOrganisationsAsync(TermLookup terms, CancellationToken cancellationToken)
    {
        var existing = await db.Organisations.Where(o => o.SeedKey != null).ToDictionaryAsync(o => o.SeedKey!, cancellationToken);
        await AddMergedAwayAsync(existing, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var seed in OrganisationSeed.All.Where(s => !existing.ContainsKey(s.Key)))
        {
            var organisation = new Organisation(seed.Name, seed.Type, seed.Country)
            {
                SeedKey = seed.Key,
                Region = seed.Region is null ? null : terms[TaxonomyKind.Region, seed.Region],
                Website = seed.Website,
                Description = seed.Description,
                CollaborationNeeds = seed.CollaborationNeeds,
            };
            organisation.SetTerms(TaxonomyKind.SupportCategory, seed.Expertise.Select(c => terms[TaxonomyKind.SupportCategory, c]));
            organisation.SetTerms(TaxonomyKind.Sector, seed.Sectors.Select(c => terms[TaxonomyKind.Sector, c]));
            organisation.SetTerms(TaxonomyKind.Language, seed.Languages.Select(c => terms[TaxonomyKind.Language, c]));
            if (seed.Contact is not null)
            {
                organisation.Contacts.Add(new OrganisationContact { Name = seed.Contact.Name, Role = seed.Contact.Role });
            }

            if (seed.Status != PartnershipStatus.Mapped)
            {
                organisation.ChangePartnershipStatus(seed.Status, "Status at the start of the pre-project (seed data).", new Actor("system", "MediconGlobal seed"), now);
            }

            db.Organisations.Add(organisation);
            existing[seed.Key] = organisation;
        }

        await db.SaveChangesAsync(cancellationToken);
        return existing;
    }

    /// <summary>
    /// A seeded organisation that was merged into another is not loaded again: its seed key stands for the
    /// organisation it now lives on in (following merges of merges).
    /// </summary>
    private async Task AddMergedAwayAsync(Dictionary<string, Organisation> existing, CancellationToken cancellationToken)
    {
        var merges = await db.OrganisationMerges.AsNoTracking().Select(m => new { m.MergedId, m.MergedSeedKey, m.SurvivorId }).ToListAsync(cancellationToken);
        var survivorOf = merges.ToDictionary(m => m.MergedId, m => m.SurvivorId);
        foreach (var merge in merges.Where(m => m.MergedSeedKey is not null && !existing.ContainsKey(m.MergedSeedKey)))
        {
            var id = merge.SurvivorId;
            while (survivorOf.TryGetValue(id, out var next))
            {
                id = next;
            }

            if (await db.Organisations.FindAsync([id], cancellationToken) is { } survivor)
            {
                existing[merge.MergedSeedKey!] = survivor;
            }
        }
    }

    private async Task<Dictionary<string, Programme>> SeedProgrammesAsync(Dictionary<string, Organisation> organisations, CancellationToken cancellationToken)
    {
        var existing = await db.Programmes.Where(p => p.SeedKey != null).ToDictionaryAsync(p => p.SeedKey!, cancellationToken);
        foreach (var seed in ProgrammeSeed.All.Where(s => !existing.ContainsKey(s.Key)))
        {
            var programme = new Programme(seed.Name, organisations[seed.LeadKey])
            {
                SeedKey = seed.Key,
                Status = seed.Status,
                Description = seed.Description,
                Funder = seed.Funder,
                FunderOrganisation = seed.FunderKey is null ? null : organisations[seed.FunderKey],
                FundingAmountMinor = seed.AmountMinor,
                FundingCurrency = seed.Currency,
                ReferenceNumber = seed.Reference,
                StartDate = seed.Start,
                EndDate = seed.End,
                TargetGroup = seed.TargetGroup,
                Geography = seed.Geography,
                Activities = seed.Activities,
                LessonsLearned = seed.LessonsLearned,
            };
            foreach (var partner in seed.Partners ?? [])
            {
                programme.Partners.Add(new ProgrammePartner { Organisation = organisations[partner.OrganisationKey], Role = partner.Role });
            }

            var order = 0;
            foreach (var indicator in seed.Indicators ?? [])
            {
                programme.Indicators.Add(new ProgrammeIndicator { Metric = indicator.Metric, Actual = indicator.Actual, Target = indicator.Target, Funnel = indicator.Funnel, SortOrder = ++order });
            }

            db.Programmes.Add(programme);
            existing[seed.Key] = programme;
        }

        await db.SaveChangesAsync(cancellationToken);
        return existing;
    }

    private async Task SeedOffersAsync(TermLookup terms, Dictionary<string, Organisation> organisations, Dictionary<string, Programme> programmes, CancellationToken cancellationToken)
    {
        var existing = await db.Offers.Where(o => o.SeedKey != null).Select(o => o.SeedKey!).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var seed in OfferSeed.All.Where(s => !existing.Contains(s.Key)))
        {
            var provider = organisations[seed.ProviderKey];
            var offer = new Offer(seed.Name, provider, terms[TaxonomyKind.SupportCategory, seed.Category])
            {
                SeedKey = seed.Key,
                Description = seed.Description,
                Format = seed.Format,
                Cost = seed.Cost,
                CostDetails = seed.CostDetails,
                Programme = seed.Programme is null ? null : programmes[seed.Programme],
                HowToApply = $"Contact {provider.Name}" + (provider.Website is null ? "." : $" through {provider.Website}."),
                Website = provider.Website,
            };
            offer.SetTerms(TaxonomyKind.Region, (seed.Regions ?? []).Select(c => terms[TaxonomyKind.Region, c]));
            offer.SetTerms(TaxonomyKind.Market, (seed.Markets ?? []).Select(c => terms[TaxonomyKind.Market, c]));
            offer.SetTerms(TaxonomyKind.Sector, (seed.Sectors ?? []).Select(c => terms[TaxonomyKind.Sector, c]));
            offer.SetTerms(TaxonomyKind.Stage, (seed.Stages ?? []).Select(c => terms[TaxonomyKind.Stage, c]));
            offer.SetTerms(TaxonomyKind.Language, (seed.Languages ?? []).Select(c => terms[TaxonomyKind.Language, c]));
            offer.Publish(now);
            db.Offers.Add(offer);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Taxonomy terms by kind and code.</summary>
public sealed class TermLookup(IReadOnlyDictionary<(TaxonomyKind Kind, string Code), TaxonomyTerm> terms)
{
    public TaxonomyTerm this[TaxonomyKind kind, string code] =>
        terms.TryGetValue((kind, code), out var term) ? term : throw new KeyNotFoundException($"No {kind} term with code '{code}'.");

    public IEnumerable<TaxonomyTerm> OfKind(TaxonomyKind kind) => terms.Values.Where(t => t.Kind == kind).OrderBy(t => t.SortOrder);

    public static async Task<TermLookup> LoadAsync(AppDbContext db, CancellationToken cancellationToken = default) =>
        new((await db.TaxonomyTerms.ToListAsync(cancellationToken)).ToDictionary(t => (t.Kind, t.Code)));
}
