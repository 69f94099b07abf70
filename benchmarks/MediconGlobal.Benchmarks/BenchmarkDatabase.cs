using MediconGlobal.Core.Data;
using MediconGlobal.Core.Data.Seed;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MediconGlobal.Benchmarks;

/// <summary>A fresh database for one benchmark run: a SQLite file, or a new database on a PostgreSQL server. Dropped afterwards.</summary>
public sealed class BenchmarkDatabase : IAsyncDisposable
{
    private readonly string? _postgresServer;

    private BenchmarkDatabase(DatabaseProvider provider, string connectionString, string? postgresServer, bool keep = false)
    {
        Keep = keep;
        Provider = provider;
        ConnectionString = connectionString;
        _postgresServer = postgresServer;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>Whether the database stays after the run (to time again with <c>--reuse</c>).</summary>
    public bool Keep { get; }

    /// <summary>A database filled by an earlier run with <c>--keep</c>: not migrated, generated or dropped again.</summary>
    public static BenchmarkDatabase Existing(DatabaseProvider provider, string connectionString) => new(provider, connectionString, null, keep: true);

    public static async Task<BenchmarkDatabase> CreateAsync(DatabaseProvider provider, string? postgresServer, bool keep = false)
    {
        BenchmarkDatabase database;
        if (provider == DatabaseProvider.Postgres)
        {
            var server = postgresServer ?? throw new InvalidOperationException("Set MEDICON_BENCH_POSTGRES (or MEDICON_TEST_POSTGRES) to a PostgreSQL server, or use --provider sqlite.");
            var name = $"mg_bench_{Guid.NewGuid():N}";
            await using (var connection = new NpgsqlConnection(server))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await command.ExecuteNonQueryAsync();
            }

            database = new BenchmarkDatabase(provider, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, server, keep);
        }
        else
        {
            database = new BenchmarkDatabase(provider, $"Data Source={Path.Combine(Path.GetTempPath(), $"mg-bench-{Guid.NewGuid():N}.db")}", null, keep);
        }

        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
        await new ReferenceDataSeeder(db, TimeProvider.System).SeedAsync();
        return database;
    }

    public AppDbContext CreateContext()
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        builder.UsePortalProvider(Provider, ConnectionString);
        return new AppDbContext(builder.Options);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Keep)
        {
            return;
        }

        if (_postgresServer is not null)
        {
            await using var connection = new NpgsqlConnection(_postgresServer);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(ConnectionString).Database}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        else
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource;
            foreach (var path in new[] { file, file + "-wal", file + "-shm" }.Where(File.Exists))
            {
                File.Delete(path);
            }
        }
    }
}
