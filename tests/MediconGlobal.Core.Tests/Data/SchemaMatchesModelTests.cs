using MediconGlobal.Core.Data;
using MediconGlobal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.EntityFrameworkCore.Scaffolding.Metadata;
using Microsoft.EntityFrameworkCore.Sqlite.Scaffolding.Internal;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL.Scaffolding.Internal;

namespace MediconGlobal.Core.Tests.Data;

/// <summary>
/// The hand-written migrations must build exactly the schema the EF model describes. A property, index or
/// relationship added to the model without a migration makes this test fail, naming what is missing.
/// </summary>
public sealed class SchemaMatchesModelTests
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Migrations_ProduceTheSchemaOfTheModel(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider, withReferenceData: false);
        await using var db = database.CreateContext();

        var actual = ReadSchema(db);
        var expected = db.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        var differences = Compare(expected, actual, await FullTextTablesAsync(db)).ToList();

        Assert.True(differences.Count == 0, $"The migrated {provider} schema differs from the model:\n  " + string.Join("\n  ", differences));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Migrations_CanBeRolledBackToAnEmptyDatabase(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider, withReferenceData: false);
        await using var db = database.CreateContext();

        await db.GetService<IMigrator>().MigrateAsync("0");

        var remaining = ReadSchema(db).Tables.Select(t => t.Name).Where(n => !n.StartsWith("__EF", StringComparison.Ordinal)).ToList();
        Assert.Empty(remaining);
    }

    /// <summary>
    /// SQLite's full-text tables (FTS5 virtual tables and the shadow tables FTS5 keeps its index in) are the
    /// database's own index structures, like PostgreSQL's GIN index, and have no place in the EF model.
    /// </summary>
    private static async Task<IReadOnlySet<string>> FullTextTablesAsync(AppDbContext db)
    {
        if (!db.Database.IsSqlite())
        {
            return new HashSet<string>();
        }

        var virtualTables = await db.Database
            .SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")
            .ToListAsync();
        var shadows = await db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table'").ToListAsync();
        return shadows.Where(name => virtualTables.Any(v => name == v || name.StartsWith(v + "_", StringComparison.Ordinal))).ToHashSet();
    }

    private static DatabaseModel ReadSchema(AppDbContext db)
    {
        var logger = db.GetService<IDiagnosticsLogger<DbLoggerCategory.Scaffolding>>();
        IDatabaseModelFactory factory = db.Database.IsSqlite()
            ? new SqliteDatabaseModelFactory(logger, db.GetService<IRelationalTypeMappingSource>())
            : new NpgsqlDatabaseModelFactory(logger);
        var connection = db.Database.GetDbConnection();
        return factory.Create(connection, new DatabaseModelFactoryOptions());
    }

    private static IEnumerable<string> Compare(IRelationalModel expected, DatabaseModel actual, IReadOnlySet<string> fullTextTables)
    {
        var actualTables = actual.Tables.Where(t => !t.Name.StartsWith("__EF", StringComparison.Ordinal) && !fullTextTables.Contains(t.Name)).ToDictionary(t => t.Name);
        foreach (var table in expected.Tables)
        {
            if (!actualTables.Remove(table.Name, out var found))
            {
                yield return $"table {table.Name} is missing";
                continue;
            }

            foreach (var difference in CompareTable(table, found))
            {
                yield return $"{table.Name}: {difference}";
            }
        }

        foreach (var extra in actualTables.Keys)
        {
            yield return $"table {extra} exists but is not in the model";
        }
    }

    private static IEnumerable<string> CompareTable(ITable expected, DatabaseTable actual)
    {
        var columns = actual.Columns.ToDictionary(c => c.Name);
        foreach (var column in expected.Columns)
        {
            if (!columns.Remove(column.Name, out var found))
            {
                yield return $"column {column.Name} is missing";
                continue;
            }

            if (found.IsNullable != column.IsNullable)
            {
                yield return $"column {column.Name} is {(found.IsNullable ? "nullable" : "NOT NULL")} but the model says {(column.IsNullable ? "nullable" : "NOT NULL")}";
            }

            if (!SameType(column.StoreType, found.StoreType))
            {
                yield return $"column {column.Name} has type {found.StoreType} but the model says {column.StoreType}";
            }
        }

        foreach (var extra in columns.Keys)
        {
            yield return $"column {extra} exists but is not in the model";
        }

        var expectedKey = expected.PrimaryKey is null ? "" : Columns(expected.PrimaryKey.Columns.Select(c => c.Name));
        var actualKey = actual.PrimaryKey is null ? "" : Columns(actual.PrimaryKey.Columns.Select(c => c.Name));
        if (expectedKey != actualKey)
        {
            yield return $"primary key is ({actualKey}) but the model says ({expectedKey})";
        }

        var expectedIndexes = expected.Indexes.Select(i => $"{i.Name} ({Columns(i.Columns.Select(c => c.Name))}){(i.IsUnique ? " unique" : "")}").ToHashSet();
        var actualIndexes = actual.Indexes.Select(i => $"{i.Name} ({Columns(i.Columns.Select(c => c!.Name))}){(i.IsUnique ? " unique" : "")}").ToHashSet();
        foreach (var missing in expectedIndexes.Except(actualIndexes))
        {
            yield return $"index {missing} is missing";
        }

        foreach (var extra in actualIndexes.Except(expectedIndexes))
        {
            yield return $"index {extra} exists but is not in the model";
        }

        var expectedKeys = expected.ForeignKeyConstraints
            .Select(f => $"({Columns(f.Columns.Select(c => c.Name))}) -> {f.PrincipalTable.Name}({Columns(f.PrincipalColumns.Select(c => c.Name))}) on delete {f.OnDeleteAction}")
            .ToHashSet();
        var actualKeys = actual.ForeignKeys
            .Select(f => $"({Columns(f.Columns.Select(c => c.Name))}) -> {f.PrincipalTable.Name}({Columns(f.PrincipalColumns.Select(c => c.Name))}) on delete {ToAction(f.OnDelete)}")
            .ToHashSet();
        foreach (var missing in expectedKeys.Except(actualKeys))
        {
            yield return $"foreign key {missing} is missing";
        }

        foreach (var extra in actualKeys.Except(expectedKeys))
        {
            yield return $"foreign key {extra} exists but is not in the model";
        }
    }

    private static string Columns(IEnumerable<string> names) => string.Join(", ", names);

    private static bool SameType(string expected, string? actual) =>
        string.Equals(Normalize(expected), Normalize(actual), StringComparison.OrdinalIgnoreCase);

    private static string Normalize(string? storeType) => (storeType ?? "").Replace(" ", "", StringComparison.Ordinal);

    // SQLite reports "NO ACTION" for a foreign key declared without an ON DELETE clause; EF writes none for Restrict
    // on SQLite and "RESTRICT" on PostgreSQL, and both behave as a refusal to delete the principal.
    private static ReferentialAction ToAction(ReferentialAction? action) => action switch
    {
        null or ReferentialAction.NoAction => ReferentialAction.Restrict,
        { } value => value,
    };
}
