using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MediconGlobal.Core.Data.Migrations;

/// <summary>
/// Audit entries keep composite keys such as an Identity user-role pair (two 36-character ids and a slash),
/// which did not fit in 64 characters on PostgreSQL. SQLite does not enforce text lengths, so there is
/// nothing to change there; elsewhere the index over the column is rebuilt around the change (SQL Server
/// cannot alter an indexed column).
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122800001_LongerAuditEntityIds")]
public sealed class LongerAuditEntityIds : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => Resize(migrationBuilder, from: 64, to: 160);

    protected override void Down(MigrationBuilder migrationBuilder) => Resize(migrationBuilder, from: 160, to: 64);

    private static void Resize(MigrationBuilder migrationBuilder, int from, int to)
    {
        if (migrationBuilder.IsSqlite())
        {
            return;
        }

        migrationBuilder.DropIndex(name: "IX_AuditEntries_EntityType_EntityId", table: "AuditEntries");
        migrationBuilder.AlterColumn<string>(
            name: "EntityId",
            table: "AuditEntries",
            maxLength: to,
            nullable: false,
            oldMaxLength: from,
            oldNullable: false);
        migrationBuilder.CreateIndex(
            name: "IX_AuditEntries_EntityType_EntityId",
            table: "AuditEntries",
            columns: ["EntityType", "EntityId"]);
    }
}
