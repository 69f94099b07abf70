using MediconGlobal.Core.Auditing;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MediconGlobal.Testing;

/// <summary>
/// A fresh, real database for one test: SQLite (a private in-memory database kept open for the test's
/// lifetime) or PostgreSQL (a new database on the server the test script started, dropped afterwards).
/// </summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public TestClock Clock { get; } = new();

    public TestCurrentUser User { get; } = new();

    public abstract DatabaseProvider Provider { get; }

    /// <summary>A connection string other hosts (e.g. the web app under test) can use to reach this database.</summary>
    public abstract string ConnectionString { get; }

    public static TestDatabase Create(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteTestDatabase(),
        DatabaseProvider.Postgres => new PostgresTestDatabase(),
        _ => throw new NotSupportedException($"{provider} is not exercised by the tests."),
    };

    /// <summary>
    /// A database with every migration applied and, optionally, the reference data loaded: a copy of the one the test
    /// run migrated for <paramref name="provider"/> on first use (<see cref="MigratedTemplates"/>), made with SQLite's
    /// backup API or PostgreSQL's <c>CREATE DATABASE … TEMPLATE</c>. The copy is the test's own; the migrations run once
    /// per run instead of once per test (issue 15 item 8). Its <see cref="Clock"/> and <see cref="User"/> start where the
    /// template's did, so the copy holds exactly what migrating and seeding it would have written.
    /// </summary>
    public static async Task<TestDatabase> CreateMigratedAsync(DatabaseProvider provider, bool withReferenceData = true)
    {
        var template = await MigratedTemplates.GetAsync(provider, withReferenceData);
        var database = Create(provider);
        await database.CopyFromAsync(template);
        return database;
    }

    /// <summary>Migrates (and seeds) a new database itself: the template of <see cref="MigratedTemplates"/>.</summary>
    internal static async Task<TestDatabase> MigrateNewAsync(DatabaseProvider provider, bool withReferenceData)
    {
        var database = Create(provider);
        await database.InitializeAsync();
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
        if (withReferenceData)
        {
            await new ReferenceDataSeeder(db, database.Clock).SeedAsync();
        }

        return database;
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Makes this (new, not yet initialised) database a copy of <paramref name="template"/>, of the same provider.</summary>
    internal abstract Task CopyFromAsync(TestDatabase template);

    public AppDbContext CreateContext()
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        builder.UsePortalProvider(Provider, ConnectionString);
        builder.AddInterceptors(new AuditInterceptor(User, Clock));
        return new AppDbContext(builder.Options);
    }

    public abstract ValueTask DisposeAsync();
}

internal sealed class SqliteTestDatabase : TestDatabase
{
    private readonly SqliteConnection _keepAlive;

    public SqliteTestDatabase()
    {
        ConnectionString = $"Data Source=mg-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        _keepAlive = new SqliteConnection(ConnectionString);
        _keepAlive.Open();
    }

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string ConnectionString { get; }

    internal override Task CopyFromAsync(TestDatabase template)
    {
        var source = ((SqliteTestDatabase)template)._keepAlive;

        // One SqliteConnection is not safe to use from two threads: copies from the same template take turns.
        lock (source)
        {
            source.BackupDatabase(_keepAlive);
        }

        return Task.CompletedTask;
    }

    public override async ValueTask DisposeAsync() => await _keepAlive.DisposeAsync();
}

internal sealed class PostgresTestDatabase : TestDatabase
{
    private readonly string _server;
    private readonly string _name = $"mg_test_{Guid.NewGuid():N}";

    public PostgresTestDatabase()
    {
        _server = PostgresServer.ConnectionString;
        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = _name, Pooling = false }.ConnectionString;
    }

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override string ConnectionString { get; }

    public override Task InitializeAsync() => ExecuteOnServerAsync($"CREATE DATABASE \"{_name}\"");

    /// <summary>The template has no open connection (pooling is off), which <c>CREATE DATABASE … TEMPLATE</c> requires.</summary>
    internal override Task CopyFromAsync(TestDatabase template) =>
        ExecuteOnServerAsync($"CREATE DATABASE \"{_name}\" TEMPLATE \"{((PostgresTestDatabase)template)._name}\"");

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public override async ValueTask DisposeAsync() => await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
}

/// <summary>The PostgreSQL server started by <c>scripts/test.sh</c>.</summary>
public static class PostgresServer
{
    public const string Variable = "MEDICON_TEST_POSTGRES";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set. Run the tests with ./scripts/test.sh, which starts a throwaway PostgreSQL and sets it.");
}

/// <summary>A clock the test sets.</summary>
public sealed class TestClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}

public sealed class TestCurrentUser : ICurrentUser
{
    public string? UserId { get; set; } = "test-user";

    public string? UserName { get; set; } = "tester@mediconglobal.test";
}
