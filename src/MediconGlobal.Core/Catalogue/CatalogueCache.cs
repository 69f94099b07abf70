using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Time;

namespace MediconGlobal.Core.Catalogue;

/// <summary>
/// Keeps the <see cref="CatalogueIndex"/> between requests (one per process, registered as a singleton) and loads
/// it again when the catalogue changed. Every use first reads <see cref="DataVersions"/> (one primary-key query),
/// whose catalogue counter the database's triggers raise with every change of offers, their terms, the taxonomy,
/// organisations or programmes — from any instance of the portal — so the next request after a change, on any
/// instance, already answers from the changed catalogue (ADR 1201). It also carries the <see cref="SearchSynonyms"/>
/// every search of the catalogue uses (none unless the web registers them).
/// A deadline passing or a verification lapsing changes what matches without any change to the data, so the index is
/// also built again when the portal day (display time zone) changes: it is kept at <see cref="VersionOn"/>, the
/// counter and the day together (ADR 1934).
/// </summary>
/// <param name="rebuilds">Given, an index older than the catalogue is built again in the background (ADR 1210).</param>
/// <param name="clock">The portal's clock (tests move it); the system clock when not given.</param>
/// <param name="time">The display time zone the day is counted in; Europe/Stockholm when not given.</param>
public sealed class CatalogueCache(SearchSynonyms? synonyms = null, ReadModelRebuilds? rebuilds = null, TimeProvider? clock = null, DisplayTime? time = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly DisplayTime _time = time ?? DisplayTime.For(DisplayTimeOptions.DefaultZone);

    private readonly KeptReadModel<CatalogueIndex> _index = new(rebuilds);

    /// <summary>How many times the index was loaded (for tests and the benchmark).</summary>
    public int Builds => _index.Builds;

    public SearchSynonyms Synonyms { get; } = synonyms ?? SearchSynonyms.None;

    public Task<CatalogueIndex> GetAsync(AppDbContext db, CancellationToken cancellationToken = default) => GetAsync(db, null, cancellationToken);

    /// <summary>The index, the previous one while a newer one is being built (noted in <paramref name="age"/>, ADR 1210).</summary>
    public async Task<CatalogueIndex> GetAsync(AppDbContext db, ReadModelAge? age, CancellationToken cancellationToken = default)
    {
        var counter = (await DataVersions.ReadAsync(db, cancellationToken)).Catalogue;
        var day = Today();
        return await _index.GetAsync(db, VersionOn(counter, day.Date), (read, version, ct) => CatalogueIndex.LoadAsync(read, version, day, ct), age, cancellationToken);
    }

    /// <summary>
    /// A cache for one call answering for the moment <paramref name="now"/> (UTC): the one-off callers given the time
    /// (a search or the guided path without a kept index) use it, so their day is the caller's, not the system's.
    /// </summary>
    public static CatalogueCache At(DateTime now) => new(clock: new StoppedClock(now));

    /// <summary>Today in the display time zone by this cache's clock: the day the index it gives now is for.</summary>
    public OfferDay Today() => OfferDay.Today(_clock, _time);

    /// <summary>
    /// The catalogue counter and the day as one number that grows with either (the day in the high bits), so a kept
    /// index, and every read model keyed by its <see cref="CatalogueIndex.Version"/>, is renewed on a new day.
    /// </summary>
    public static long VersionOn(long counter, DateOnly day) => ((long)day.DayNumber << 40) | (counter & ((1L << 40) - 1));

    /// <summary>A clock that always reads one moment.</summary>
    private sealed class StoppedClock(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
    }
}
