using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MediconGlobal.Core.Data.Migrations;

/// <summary>
/// The data-protection key ring in the database (<c>PersistKeysToDbContext</c>, ADR 1602), so every instance on
/// one database reads and writes the same keys and accepts the others' cookies without a shared folder.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261215000001_DataProtectionKeys")]
public sealed class DataProtectionKeys : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "DataProtectionKeys",
            columns: table => new
            {
                Id = table.Identity(),
                FriendlyName = table.Column<string>(nullable: true),
                Xml = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "DataProtectionKeys");
    }
}
