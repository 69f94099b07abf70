using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MediconGlobal.Core.Data;

/// <summary>Configuration section <c>ReadModels</c> (ADR 1210).</summary>
public sealed class ReadModelOptions
{
    public const string Section = "ReadModels";

    /// <summary>
    /// How long a request that found kept read models older than their counters waits, in all, for the rebuilds it
    /// started before it is served the previous models (the rebuilds go on in the background). The wait is the
    /// request's, shared by every model it reads (through its <see cref="ReadModelAge"/>), so a page over three models
    /// waits half a second, not one and a half. Default half a second, so the first request after a change stays
    /// within the one second of issue 12.
    /// </summary>
    public TimeSpan RebuildWait { get; set; } = TimeSpan.FromMilliseconds(500);
}

/// <summary>
/// Builds kept read models again outside the request that found them old (ADR 1210): each rebuild gets a scope and
/// a database context of its own, so it outlives the request, and runs until done whatever happens to the request.
/// One per process (a singleton); the caches that hold a <see cref="KeptReadModel{T}"/> take it when the web
/// registers it, and build inside the request without it (tests, the benchmark's direct calls).
/// </summary>
public sealed class ReadModelRebuilds(IServiceScopeFactory scopes, TimeSpan wait, TimeProvider clock, ILogger<ReadModelRebuilds>? logger = null)
{
    /// <inheritdoc cref="ReadModelOptions.RebuildWait"/>
    public TimeSpan Wait { get; } = wait;

    /// <summary>The clock the build times of kept models are read from.</summary>
    public TimeProvider Clock { get; } = clock;

    /// <summary>
    /// Runs <paramref name="build"/> on a thread of its own with a database context of its own, in the culture of the
    /// request that started it (a kept report names and orders its terms in the reader's language); a failure is
    /// logged and gives null.
    /// </summary>
    /// <remarks>
    /// Not on a pool thread: Microsoft.Data.Sqlite's reads complete synchronously, so a rebuild of seconds held a
    /// pool thread for all of it, and with the pool's default of one thread per core the requests waiting for the
    /// rebuilds one change starts got a thread only when the pool injected one, up to two seconds later (ADR 1211).
    /// What the build awaits asynchronously (PostgreSQL) continues on the pool as usual.
    /// </remarks>
    internal Task<TModel?> RunAsync<TModel>(Func<AppDbContext, CancellationToken, Task<TModel>> build)
        where TModel : class
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

        // Not the request's context: the rebuild outlives it and must not hold on to its HttpContext.
        using var noFlow = ExecutionContext.SuppressFlow();
        return Task.Factory.StartNew(async () =>
        {
            try
            {
                (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
                await using var scope = scopes.CreateAsyncScope();
                return await build(scope.ServiceProvider.GetRequiredService<AppDbContext>(), CancellationToken.None);
            }
            catch (Exception ex)
            {
                // The previous model stays in use; the next request that finds it old tries again.
                logger?.LogError(ex, "Building the read model {Model} again failed", typeof(TModel).Name);
                return null;
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }
}

/// <summary>
/// What one request was served of the kept read models (ADR 1210): when a model older than the data was served
/// because its rebuild was not done in time, the time it was built, so the page can say its figures are from then.
/// It also holds the request's wait for rebuilds (<see cref="ReadModelOptions.RebuildWait"/>), shared by every model
/// the request reads. One per request (pages create it); not thread-safe.
/// </summary>
public sealed class ReadModelAge
{
    private long? _waitStartedAt;

    /// <summary>The build time (UTC) of the oldest model served behind its counter; null when every model served was current.</summary>
    public DateTime? BehindSince { get; private set; }

    /// <summary>
    /// What is left of the request's <paramref name="wait"/> for rebuilds, counted on <paramref name="clock"/>'s
    /// timestamps from the first time a model of this request had to wait; never negative.
    /// </summary>
    internal TimeSpan WaitLeft(TimeSpan wait, TimeProvider clock)
    {
        _waitStartedAt ??= clock.GetTimestamp();
        var left = wait - clock.GetElapsedTime(_waitStartedAt.Value);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    internal void ServedBehind(DateTime builtAt)
    {
        if (BehindSince is null || builtAt < BehindSince)
        {
            BehindSince = builtAt;
        }
    }
}
