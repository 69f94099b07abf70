using System.Collections.Concurrent;
using MediconGlobal.Core.Data;

namespace MediconGlobal.Testing;

/// <summary>
/// The shared per-provider database of a test run (issue 15 item 8): one database per provider (and with or without
/// the reference data) migrated once, on first use, and never changed — tests get copies
/// (<see cref="TestDatabase.CreateMigratedAsync"/>) and change those. The templates live as long as the test process;
/// PostgreSQL's are dropped when it exits.
/// </summary>
public static class MigratedTemplates
{
    private static readonly ConcurrentDictionary<(DatabaseProvider Provider, bool WithReferenceData), Lazy<Task<TestDatabase>>> Templates = new();

    /// <summary>The template of <paramref name="provider"/>, migrated (and seeded) the first time it is asked for. Do not change it.</summary>
    public static Task<TestDatabase> GetAsync(DatabaseProvider provider, bool withReferenceData) =>
        Templates.GetOrAdd((provider, withReferenceData), key => new Lazy<Task<TestDatabase>>(() => CreateAsync(key.Provider, key.WithReferenceData))).Value;

    private static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool withReferenceData)
    {
        var template = await TestDatabase.MigrateNewAsync(provider, withReferenceData);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => template.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return template;
    }
}
