using MediconGlobal.Core.Data;
using MediconGlobal.Core.Matching;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Reports.Gaps;

/// <summary>
/// Keeps the published offers' <see cref="OfferCoverageIndex"/> between requests (one per process, registered
/// as a singleton) and builds it again when the catalogue changed. Every report first reads the catalogue's
/// <see cref="CatalogueVersion"/> (three aggregate queries), so a published, archived or edited offer, changed
/// offer terms or a changed market hierarchy are seen by the very next report.
/// </summary>
public sealed class OfferIndexCache
{
    private readonly SemaphoreSlim _building = new(1, 1);
    private Entry? _current;

    /// <summary>How many times the index was built (for tests and the benchmark).</summary>
    public int Builds { get; private set; }

    public async Task<OfferCoverageIndex> GetAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        // The version is read before the offers: a change in between makes the next report build again, never a stale index.
        var version = await CatalogueVersion.ReadAsync(db, cancellationToken);
        if (_current is { } current && current.Version == version)
        {
            return current.Index;
        }

        await _building.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } built && built.Version == version)
            {
                return built.Index;
            }

            var index = await BuildAsync(db, cancellationToken);
            _current = new Entry(version, index);
            Builds++;
            return index;
        }
        finally
        {
            _building.Release();
        }
    }

    /// <summary>The index from the database, uncached.</summary>
    public static async Task<OfferCoverageIndex> BuildAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var rule = await OfferProfiles.LoadRuleAsync(db, cancellationToken);
        var profiles = await OfferProfiles.LoadAsync(db, cancellationToken: cancellationToken);
        return OfferCoverageIndex.Build(rule, profiles);
    }

    private sealed record Entry(CatalogueVersion Version, OfferCoverageIndex Index);
}

/// <summary>
/// A fingerprint of what the offer index is made of: the offers (count, latest change, sum of versions — every
/// saved change bumps an offer's version), the offer terms (count and two checksums of the links, since
/// changing an offer's terms alone does not touch the offer row) and the taxonomy (the market hierarchy).
/// </summary>
public sealed record CatalogueVersion(int Offers, DateTime? OffersChanged, long OfferVersions, int Links, long LinkTerms, long LinkPairs, int Terms, DateTime? TermsChanged, long TermVersions)
{
    public static async Task<CatalogueVersion> ReadAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var offers = await db.Offers.AsNoTracking().GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Changed = g.Max(o => (DateTime?)o.UpdatedAt), Versions = g.Sum(o => (long)o.Version) })
            .FirstOrDefaultAsync(cancellationToken);
        var links = await db.OfferTerms.AsNoTracking().GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Terms = g.Sum(t => (long)t.TermId), Pairs = g.Sum(t => (long)t.OfferId * t.TermId) })
            .FirstOrDefaultAsync(cancellationToken);
        var terms = await db.TaxonomyTerms.AsNoTracking().GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Changed = g.Max(t => (DateTime?)t.UpdatedAt), Versions = g.Sum(t => (long)t.Version) })
            .FirstOrDefaultAsync(cancellationToken);
        return new CatalogueVersion(
            offers?.Count ?? 0, offers?.Changed, offers?.Versions ?? 0,
            links?.Count ?? 0, links?.Terms ?? 0, links?.Pairs ?? 0,
            terms?.Count ?? 0, terms?.Changed, terms?.Versions ?? 0);
    }
}
