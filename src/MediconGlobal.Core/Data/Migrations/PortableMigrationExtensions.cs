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

    private static OperationBuilder<AddColumnOperation> AsIdentity(this OperationBuilder<AddColumnOperation> column) =>
        column
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
            .Annotation("SqlServer:Identity", "1, 1");
}
