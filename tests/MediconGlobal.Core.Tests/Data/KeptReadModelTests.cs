using MediconGlobal.Core.Data;
using MediconGlobal.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MediconGlobal.Core.Tests.Data;

/// <summary>
/// A kept read model found older than its counter is built again in the background (ADR 1210): the request waits up
/// to the rebuilds' wait, is otherwise served the previous model and told when it was built; one rebuild runs at a
/// time; a failed rebuild leaves the previous model in use and the next request tries again.
/// </summary>
public sealed class KeptReadModelTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite, withReferenceData: false);
        _services = new ServiceCollection().AddScoped(_ => _database.CreateContext()).BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task OldModel_IsServedWithItsBuildTime_UntilTheOneBackgroundRebuildIsDone()
    {
        var kept = new KeptReadModel<string>(Rebuilds(TimeSpan.Zero));
        await using var db = _database.CreateContext();
        Assert.Equal("v1", await kept.GetAsync(db, 1, (_, v, _) => Task.FromResult($"v{v}"), null)); // the first build happens in the request

        var release = new TaskCompletionSource();
        var age = new ReadModelAge();
        Assert.Equal("v1", await kept.GetAsync(db, 2, async (_, v, _) => { await release.Task; return $"v{v}"; }, age));
        Assert.NotNull(age.BehindSince);

        var secondBuilds = 0;
        Assert.Equal("v1", await kept.GetAsync(db, 2, (_, _, _) => { secondBuilds++; return Task.FromResult("other"); }, null));
        Assert.Equal(0, secondBuilds); // the running rebuild is not started twice

        release.SetResult();
        await WaitUntilAsync(() => kept.Builds == 2);
        var current = new ReadModelAge();
        Assert.Equal("v2", await kept.GetAsync(db, 2, (_, _, _) => Task.FromResult("other"), current));
        Assert.Null(current.BehindSince);
    }

    [Fact]
    public async Task Rebuild_DoneWithinTheWait_IsServedToTheRequestThatStartedIt()
    {
        var kept = new KeptReadModel<string>(Rebuilds(TimeSpan.FromMinutes(2)));
        await using var db = _database.CreateContext();
        await kept.GetAsync(db, 1, (_, v, _) => Task.FromResult($"v{v}"), null);

        var age = new ReadModelAge();
        Assert.Equal("v2", await kept.GetAsync(db, 2, async (rebuildDb, v, ct) => { Assert.NotSame(db, rebuildDb); await Task.Delay(50, ct); return $"v{v}"; }, age));
        Assert.Null(age.BehindSince);
    }

    [Fact]
    public async Task FailedRebuild_LeavesThePreviousModel_AndTheNextRequestTriesAgain()
    {
        var kept = new KeptReadModel<string>(Rebuilds(TimeSpan.FromMinutes(2)));
        await using var db = _database.CreateContext();
        await kept.GetAsync(db, 1, (_, v, _) => Task.FromResult($"v{v}"), null);

        var age = new ReadModelAge();
        Assert.Equal("v1", await kept.GetAsync(db, 2, (_, _, _) => throw new InvalidOperationException("database away"), age));
        Assert.NotNull(age.BehindSince);
        Assert.Equal("v2", await kept.GetAsync(db, 2, (_, v, _) => Task.FromResult($"v{v}"), null));
    }

    [Fact]
    public async Task OneRequestWaitsOnce_TheSecondModelItReadsGetsWhatIsLeftOfTheWait()
    {
        var clock = new SteppedTimestamps();
        var rebuilds = new ReadModelRebuilds(_services.GetRequiredService<IServiceScopeFactory>(), TimeSpan.FromMinutes(10), clock);
        var (first, second) = (new KeptReadModel<string>(rebuilds), new KeptReadModel<string>(rebuilds));
        await using var db = _database.CreateContext();
        await first.GetAsync(db, 1, (_, v, _) => Task.FromResult($"v{v}"), null);
        await second.GetAsync(db, 1, (_, v, _) => Task.FromResult($"v{v}"), null);

        // The request's first model: its rebuild is done within the wait, which starts counting.
        var age = new ReadModelAge();
        Assert.Equal("v2", await first.GetAsync(db, 2, (_, v, _) => Task.FromResult($"v{v}"), age));

        // The whole wait has passed in this request: the second model's rebuild is not waited for (with a wait per
        // model this call would wait ten minutes more and the test would time out).
        clock.Advance(TimeSpan.FromMinutes(10));
        var release = new TaskCompletionSource();
        Assert.Equal("v1", await second.GetAsync(db, 2, async (_, v, _) => { await release.Task; return $"v{v}"; }, age).WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.NotNull(age.BehindSince);
        release.SetResult();
        await WaitUntilAsync(() => second.Builds == 2);
    }

    private ReadModelRebuilds Rebuilds(TimeSpan wait) => new(_services.GetRequiredService<IServiceScopeFactory>(), wait, TimeProvider.System);

    /// <summary>The system clock, except that its timestamps (what elapsed times are measured with) move only when told.</summary>
    private sealed class SteppedTimestamps : TimeProvider
    {
        private long _timestamp;

        public override long GetTimestamp() => _timestamp;

        public void Advance(TimeSpan by) => _timestamp += (long)(by.TotalSeconds * TimestampFrequency);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The rebuild did not finish within 30 s.");
            await Task.Delay(20);
        }
    }
}
