using System.Collections.Concurrent;
using MediconGlobal.Core.Auditing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MediconGlobal.Core.Data;

public static class DatabaseServiceCollectionExtensions
{
    private static readonly ConcurrentDictionary<string, bool> PreparedFolders = new(StringComparer.Ordinal);

    /// <summary>Registers <see cref="AppDbContext"/> on the provider named by <c>Database:Provider</c>.</summary>
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.SectionName));
        services.AddScoped<AuditInterceptor>();
        services.AddDbContext<AppDbContext>((provider, builder) =>
        {
            var options = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            builder.UsePortalProvider(options.Provider, options.ConnectionString);
            builder.AddInterceptors(provider.GetRequiredService<AuditInterceptor>());
        });
        return services;
    }

    public static DbContextOptionsBuilder UsePortalProvider(this DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                EnsureSqliteFolder(connectionString);
                builder.UseSqlite(connectionString, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
                builder.AddInterceptors(NameOrder.SqliteCollations.Instance);
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(connectionString, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
                break;
            case DatabaseProvider.SqlServer:
                builder.UseSqlServer(connectionString, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{provider}'.");
        }

        // Migrations are written by hand and carry no model snapshot (see docs/decisions/0003); the schema test
        // compares every migrated database with the model instead of EF's snapshot check.
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        return builder;
    }

    /// <summary>
    /// Creates the SQLite file's folder once per connection string: the options are built for every context (every
    /// request), and asking the file system each time cost every SQLite request a stat and a mkdir call (issue 12).
    /// </summary>
    private static void EnsureSqliteFolder(string connectionString)
    {
        if (PreparedFolders.ContainsKey(connectionString))
        {
            return;
        }

        CreateSqliteFolder(connectionString);
        PreparedFolders.TryAdd(connectionString, true);
    }

    private static void CreateSqliteFolder(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(dataSource) && dataSource != ":memory:" && folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
    }
}
