using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace MediconGlobal.Core.Data.Migrations;

/// <summary>
/// Helpers that keep hand-written migrations provider-neutral: column types come from each provider's own
/// type mapping (no <c>type:</c> arguments), and the few provider-specific details live here.
/// </summary>
internal static class PortableMigrationExtensions
{
    private const string SqlServerProvider = "Microsoft.EntityFrameworkCore.SqlServer";

    /// <summary>An auto-incrementing integer key on SQLite, PostgreSQL (identity) and SQL Server.</summary>
    public static OperationBuilder<AddColumnOperation> Identity(this ColumnsBuilder table) =>
        table.Column<int>(nullable: false).AsIdentity();

    public static OperationBuilder<AddColumnOperation> LongIdentity(this ColumnsBuilder table) =>
        table.Column<long>(nullable: false).AsIdentity();

    /// <summary>
    /// SQL Server treats NULLs as equal in a unique index, so a unique index on a nullable column needs a
    /// filter there; SQLite and PostgreSQL already allow many NULLs.
    /// </summary>
    public static string? NotNullFilter(this MigrationBuilder migrationBuilder, string column) =>
        migrationBuilder.ActiveProvider == SqlServerProvider ? $"[{column}] IS NOT NULL" : null;

    /// <summary>
    /// The length of a string key or indexed string column the model leaves unbounded (Identity's ids, login
    /// providers, token names): 450 on SQL Server, where EF maps such a column to <c>nvarchar(450)</c> because an
    /// index key cannot be <c>nvarchar(max)</c>; unbounded text on SQLite and PostgreSQL, as their mappings give. A
    /// migration has no model to tell the SQL Server generator the column is a key, so it must say so.
    /// </summary>
    public static int? StringKeyLength(this MigrationBuilder migrationBuilder) =>
        migrationBuilder.ActiveProvider == SqlServerProvider ? 450 : null;

    /// <summary>
    /// A unique index over NOT NULL columns. Without a target model EF's SQL Server generator cannot tell the columns
    /// are required and falls back to its pre-2.0 habit of filtering every unique index with <c>IS NOT NULL</c>,
    /// which the model does not have (and a filtered index needs particular SET options for every write), so on SQL
    /// Server the index is written out as plain SQL.
    /// </summary>
    public static void CreateUniqueIndexOnRequiredColumns(this MigrationBuilder migrationBuilder, string name, string table, string[] columns)
    {
        if (migrationBuilder.ActiveProvider == SqlServerProvider)
        {
            migrationBuilder.Sql($"CREATE UNIQUE INDEX [{name}] ON [{table}] ({string.Join(", ", columns.Select(c => $"[{c}]"))});");
        }
        else
        {
            migrationBuilder.CreateIndex(name: name, table: table, columns: columns, unique: true);
        }
    }

    private static OperationBuilder<AddColumnOperation> AsIdentity(this OperationBuilder<AddColumnOperation> column) =>
        column
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
            .Annotation("SqlServer:Identity", "1, 1");
}
