using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Taxonomies;

/// <summary>How many records of each sort carry a term; a term with any is retired, never deleted (ADR 1150).</summary>
public sealed record TermUse(int Offers, int Organisations, int Companies, int Needs, int SubTerms)
{
    public static readonly TermUse None = new(0, 0, 0, 0, 0);

    public int Total => Offers + Organisations + Companies + Needs + SubTerms;

    public TermUse Plus(TermUse other) =>
        new(Offers + other.Offers, Organisations + other.Organisations, Companies + other.Companies, Needs + other.Needs, SubTerms + other.SubTerms);
}

/// <summary>Counts, per term of one taxonomy, the records that use it, in a handful of grouped queries.</summary>
public static class TermUsage
{
    public static async Task<IReadOnlyDictionary<int, TermUse>> CountAsync(AppDbContext db, TaxonomyKind kind, CancellationToken cancellationToken = default)
    {
        var terms = await db.TaxonomyTerms.AsNoTracking().Where(t => t.Kind == kind).Select(t => new { t.Id, t.Code }).ToListAsync(cancellationToken);
        var ids = terms.Select(t => t.Id).ToList();
        var uses = ids.ToDictionary(id => id, _ => TermUse.None);
        void Add(IEnumerable<(int? Id, int Count)> counts, Func<int, TermUse> use)
        {
            foreach (var (id, count) in counts)
            {
                if (id is { } termId && uses.TryGetValue(termId, out var current))
                {
                    uses[termId] = current.Plus(use(count));
                }
            }
        }

        if (kind == TaxonomyKind.Format)
        {
            var byFormat = await db.Offers.AsNoTracking().GroupBy(o => o.Format).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            Add(byFormat.Select(g => (terms.FirstOrDefault(t => t.Code == g.Key.ToString())?.Id, g.Count)), n => TermUse.None with { Offers = n });
            return uses;
        }

        if (kind == TaxonomyKind.OrganisationType)
        {
            var byType = await db.Organisations.AsNoTracking().GroupBy(o => o.Type).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            Add(byType.Select(g => (terms.FirstOrDefault(t => t.Code == g.Key.ToString())?.Id, g.Count)), n => TermUse.None with { Organisations = n });
            return uses;
        }

        Add(await CountByAsync(db.OfferTerms.Where(t => ids.Contains(t.TermId)).Select(t => (int?)t.TermId), cancellationToken), n => TermUse.None with { Offers = n });
        Add(await CountByAsync(db.Offers.Where(o => ids.Contains(o.CategoryId)).Select(o => (int?)o.CategoryId), cancellationToken), n => TermUse.None with { Offers = n });
        Add(await CountByAsync(db.OrganisationTerms.Where(t => ids.Contains(t.TermId)).Select(t => (int?)t.TermId), cancellationToken), n => TermUse.None with { Organisations = n });
        Add(await CountByAsync(db.Organisations.Where(o => o.RegionId != null && ids.Contains(o.RegionId.Value)).Select(o => o.RegionId), cancellationToken), n => TermUse.None with { Organisations = n });
        Add(await CountByAsync(db.CompanyTerms.Where(t => ids.Contains(t.TermId)).Select(t => (int?)t.TermId), cancellationToken), n => TermUse.None with { Companies = n });
        Add(await CountByAsync(db.Companies.Where(c => c.RegionId != null && ids.Contains(c.RegionId.Value)).Select(c => c.RegionId), cancellationToken), n => TermUse.None with { Companies = n });
        Add(await CountByAsync(db.Companies.Where(c => c.SectorId != null && ids.Contains(c.SectorId.Value)).Select(c => c.SectorId), cancellationToken), n => TermUse.None with { Companies = n });
        Add(await CountByAsync(db.Companies.Where(c => c.StageId != null && ids.Contains(c.StageId.Value)).Select(c => c.StageId), cancellationToken), n => TermUse.None with { Companies = n });
        Add(await CountByAsync(db.Needs.Where(n => ids.Contains(n.CategoryId)).Select(n => (int?)n.CategoryId), cancellationToken), n => TermUse.None with { Needs = n });
        Add(await CountByAsync(db.Needs.Where(n => n.MarketId != null && ids.Contains(n.MarketId.Value)).Select(n => n.MarketId), cancellationToken), n => TermUse.None with { Needs = n });
        Add(await CountByAsync(db.TaxonomyTerms.Where(t => t.ParentId != null && ids.Contains(t.ParentId.Value)).Select(t => t.ParentId), cancellationToken), n => TermUse.None with { SubTerms = n });
        return uses;
    }

    private static async Task<IEnumerable<(int? Id, int Count)>> CountByAsync(IQueryable<int?> termIds, CancellationToken cancellationToken) =>
        (await termIds.GroupBy(id => id).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken)).Select(g => (g.Key, g.Count));
}
