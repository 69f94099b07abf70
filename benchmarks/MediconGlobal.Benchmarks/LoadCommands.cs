using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Security;
using MediconGlobal.Testing.Synthetic;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MediconGlobal.Benchmarks;

/// <summary>
/// The two commands <c>scripts/load-test.sh</c> drives:
/// <list type="bullet">
/// <item><c>generate --provider sqlite|postgres --database "connection" [--scale 1]</c> creates the database when
/// it does not exist, migrates it, loads the reference data and fills it with <see cref="SyntheticData"/> — unless
/// it already holds offers, in which case it is reused as it is.</item>
/// <item><c>serve --provider … --database "connection" --port 5190 --cookie-file path</c> starts the portal on
/// Kestrel (Production, Release build) with the bench-only pages, signs an administrator in through the login
/// form, writes the sign-in cookie header to the file, prints <c>ready</c> and serves until SIGTERM or SIGINT.</item>
/// </list>
/// </summary>
public static class LoadCommands
{
    public static async Task<int> GenerateAsync(IReadOnlyDictionary<string, string> options)
    {
        var (provider, connection) = Target(options);
        var scale = SyntheticScale.Full.Times(double.Parse(options.GetValueOrDefault("scale", "1"), CultureInfo.InvariantCulture));
        if (provider == DatabaseProvider.Postgres)
        {
            await CreatePostgresDatabaseAsync(connection);
        }

        var database = BenchmarkDatabase.Existing(provider, connection);
        await using (database)
        {
            await using var db = database.CreateContext();
            await db.Database.MigrateAsync();
            if (await db.Offers.AnyAsync())
            {
                Console.WriteLine($"{provider}: reusing {await db.Offers.CountAsync():N0} offers and {await db.Needs.CountAsync():N0} needs already there");
                return 0;
            }

            await new ReferenceDataSeeder(db, TimeProvider.System).SeedAsync();
            var watch = Stopwatch.StartNew();
            await new SyntheticData(db, TimeProvider.System).GenerateAsync(scale);
            Console.WriteLine($"{provider}: generated {scale.Offers:N0} offers, {scale.Needs:N0} needs, {scale.Referrals:N0} referrals in {watch.Elapsed.TotalSeconds:0} s");
        }

        return 0;
    }

    public static async Task<int> ServeAsync(IReadOnlyDictionary<string, string> options)
    {
        var (provider, connection) = Target(options);
        var port = int.Parse(options.GetValueOrDefault("port", "5190"), CultureInfo.InvariantCulture);
        var cookieFile = options.GetValueOrDefault("cookie-file") ?? throw new ArgumentException("--cookie-file is required");
        await using var database = BenchmarkDatabase.Existing(provider, connection);
        await using var host = new PortalHost(database, port);
        host.StartServer();

        var address = new Uri($"http://127.0.0.1:{port}");
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = address };
        await File.WriteAllTextAsync(cookieFile, await host.SignInAsync(client, Roles.Administrator));
        Console.WriteLine($"ready {address} (process {Environment.ProcessId})");

        using var stopped = new CancellationTokenSource();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stopped.Cancel(); });
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stopped.Cancel(); });
        try
        {
            await Task.Delay(Timeout.Infinite, stopped.Token);
        }
        catch (OperationCanceledException)
        {
            // Asked to stop.
        }

        return 0;
    }

    private static (DatabaseProvider Provider, string Connection) Target(IReadOnlyDictionary<string, string> options)
    {
        var provider = options.GetValueOrDefault("provider") switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgres" => DatabaseProvider.Postgres,
            var other => throw new ArgumentException($"--provider sqlite|postgres, not '{other}'"),
        };
        return (provider, options.GetValueOrDefault("database") ?? throw new ArgumentException("--database \"connection string\" is required"));
    }

    private static async Task CreatePostgresDatabaseAsync(string connection)
    {
        var name = new NpgsqlConnectionStringBuilder(connection).Database ?? throw new ArgumentException("The connection string names no database.");
        await using var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection) { Database = "postgres" }.ConnectionString);
        await server.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", server);
        exists.Parameters.AddWithValue("name", name);
        if (await exists.ExecuteScalarAsync() is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", server);
            await create.ExecuteNonQueryAsync();
        }
    }
}
