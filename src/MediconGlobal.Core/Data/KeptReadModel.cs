namespace MediconGlobal.Core.Data;

/// <summary>
/// One read model kept between requests and built again when its <see cref="DataVersions"/> counter moved (ADR
/// 1201): the caller reads the counter first, then asks for the model at that version. Counters only grow, so a
/// kept model at least as new as the counter is current. Only the build is serialised: requests for a kept model
/// do not wait. Thread-safe; hold one per process (inside a singleton).
/// </summary>
public sealed class KeptReadModel<T>
    where T : class
{
    private readonly SemaphoreSlim _building = new(1, 1);
    private volatile Kept? _current;

    /// <summary>How many times the model was built (for tests and the benchmark).</summary>
    public int Builds { get; private set; }

    /// <summary>The kept model when it is at least as new as <paramref name="version"/>, else one built now by <paramref name="build"/> (given the version).</summary>
    public async Task<T> GetAsync(long version, Func<long, CancellationToken, Task<T>> build, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(build);
        if (_current is { } current && current.Version >= version)
        {
            return current.Model;
        }

        await _building.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } built && built.Version >= version)
            {
                return built.Model;
            }

            var model = await build(version, cancellationToken);
            _current = new Kept(version, model);
            Builds++;
            return model;
        }
        finally
        {
            _building.Release();
        }
    }

    private sealed record Kept(long Version, T Model);
}
