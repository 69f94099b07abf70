namespace MediconGlobal.Core.Data;

/// <summary>
/// One read model kept between requests and built again when its <see cref="DataVersions"/> counter moved (ADR 1201):
/// the caller reads the counter first, then asks for the model at that version. Counters only grow, so a kept model
/// at least as new as the counter is current. Thread-safe; hold one per process (inside a singleton).
/// </summary>
/// <remarks>The model of one counter; <see cref="KeptReadModel{TVersion, T}"/> has the behaviour, for models of several counters.</remarks>
public sealed class KeptReadModel<T>(ReadModelRebuilds? rebuilds = null) : KeptReadModel<long, T>(static (kept, wanted) => kept >= wanted, rebuilds)
    where T : class;

/// <summary>
/// One read model kept between requests at the version it was built at, and built again when asked for at a version
/// it does not cover (ADR 1201). Without <see cref="ReadModelRebuilds"/> the request that finds the model old builds it
/// (serialised; requests for a current model do not wait). With them (ADR 1210), only the very first build happens in
/// a request: a request that finds the model old starts one rebuild in the background (one at a time), waits for it up
/// to what is left of the request's <see cref="ReadModelRebuilds.Wait"/> (one wait per request, shared by the models it
/// reads through its <see cref="ReadModelAge"/>), and is otherwise served the previous model, which it notes in that
/// <see cref="ReadModelAge"/>. Thread-safe; hold one per process (inside a singleton).
/// </summary>
/// <typeparam name="TVersion">What the model was built at: one counter, or several for a model made of other kept models (a report over the kept needs and the kept catalogue, ADR 1211).</typeparam>
/// <param name="covers">Whether a model built at the first version is at least as new as the second asks (counters only grow, so for one counter <c>kept &gt;= wanted</c>).</param>
public class KeptReadModel<TVersion, T>(Func<TVersion, TVersion, bool> covers, ReadModelRebuilds? rebuilds = null)
    where T : class
{
    private readonly SemaphoreSlim _building = new(1, 1);
    private readonly Lock _gate = new();
    private volatile Kept? _current;
    private Task<Kept?>? _rebuild;
    private int _builds;

    /// <summary>How many times the model was built (for tests and the benchmark).</summary>
    public int Builds => _builds;

    /// <summary>The kept model when it covers <paramref name="version"/>, else one built now by <paramref name="build"/> (given the version).</summary>
    public async Task<T> GetAsync(TVersion version, Func<TVersion, CancellationToken, Task<T>> build, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(build);
        return _current is { } current && Covers(current, version) ? current.Model : (await BuildHereAsync(version, build, cancellationToken)).Model;
    }

    /// <summary>
    /// The kept model when it covers <paramref name="version"/>; else, with rebuilds, the rebuilt one when it is done
    /// within their wait and the previous one otherwise (noted in <paramref name="age"/>); without rebuilds, or when
    /// nothing was built yet, one built now in this request with <paramref name="db"/>.
    /// </summary>
    /// <param name="build">Builds the model at a version with a database context (the request's, or the rebuild's own).</param>
    public async Task<T> GetAsync(AppDbContext db, TVersion version, Func<AppDbContext, TVersion, CancellationToken, Task<T>> build, ReadModelAge? age, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(build);
        var current = _current;
        if (current is not null && Covers(current, version))
        {
            return current.Model;
        }

        if (current is null || rebuilds is null)
        {
            return (await BuildHereAsync(version, (v, ct) => build(db, v, ct), cancellationToken)).Model;
        }

        Task<Kept?> rebuild;
        lock (_gate)
        {
            rebuild = _rebuild is { IsCompleted: false } running ? running : _rebuild = RebuildAsync(rebuilds, version, build);
        }

        var wait = age?.WaitLeft(rebuilds.Wait, rebuilds.Clock) ?? rebuilds.Wait;
        if ((rebuild.IsCompleted || await Task.WhenAny(rebuild, Task.Delay(wait, cancellationToken)) == rebuild) && await rebuild is { } rebuilt && covers(rebuilt.Version, version))
        {
            return rebuilt.Model;
        }

        // Not done in time (or failed, or built at an older version): the previous model, said so on the page.
        current = _current!;
        if (!Covers(current, version))
        {
            age?.ServedBehind(current.BuiltAt);
        }

        return current.Model;
    }

    private async Task<Kept> BuildHereAsync(TVersion version, Func<TVersion, CancellationToken, Task<T>> build, CancellationToken cancellationToken)
    {
        await _building.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } built && Covers(built, version))
            {
                return built;
            }

            return Keep(new Kept(version, await build(version, cancellationToken), (rebuilds?.Clock ?? TimeProvider.System).GetUtcNow().UtcDateTime));
        }
        finally
        {
            _building.Release();
        }
    }

    private async Task<Kept?> RebuildAsync(ReadModelRebuilds with, TVersion version, Func<AppDbContext, TVersion, CancellationToken, Task<T>> build)
    {
        var model = await with.RunAsync((db, ct) => build(db, version, ct));
        return model is null ? null : Keep(new Kept(version, model, with.Clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>Keeps <paramref name="built"/> unless a model covering it was kept meanwhile; gives the model now kept.</summary>
    private Kept Keep(Kept built)
    {
        lock (_gate)
        {
            Interlocked.Increment(ref _builds);
            if (_current is { } kept && Covers(kept, built.Version))
            {
                return kept;
            }

            _current = built;
            return built;
        }
    }

    /// <summary>
    /// Before anything is kept, serves <paramref name="model"/> (built at <paramref name="builtAt"/>, UTC) as the
    /// previous model: a request finds it old, starts the first build in the background and is served it, noted in its
    /// <see cref="ReadModelAge"/>, when the build is not done within its wait (a new minute's dashboard standing in for
    /// the last minute's, ADR 1212). Does nothing once a model is kept or without rebuilds.
    /// </summary>
    internal void StandIn(T model, DateTime builtAt)
    {
        lock (_gate)
        {
            if (_current is null && rebuilds is not null)
            {
                _current = new Kept(default!, model, builtAt, StandsIn: true);
            }
        }
    }

    /// <summary>The model kept now (built, or standing in) and when it was built (UTC); null before the first.</summary>
    internal (T Model, DateTime BuiltAt)? Latest => _current is { } kept ? (kept.Model, kept.BuiltAt) : null;

    private bool Covers(Kept kept, TVersion version) => !kept.StandsIn && covers(kept.Version, version);

    /// <param name="StandsIn">Another key's model served until this one's first is built: it covers no version.</param>
    private sealed record Kept(TVersion Version, T Model, DateTime BuiltAt, bool StandsIn = false);
}
