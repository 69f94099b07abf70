using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MediconGlobal.Core.Data.Migrations;

/// <summary>The language a person chose with the portal's language switch, kept on their account (issue 14).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261220000001_PreferredCulture")]
public sealed class PreferredCulture : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(
            name: "PreferredCulture",
            table: "AspNetUsers",
            maxLength: 16,
            nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // EF cannot drop a column on SQLite without the target model; SQLite 3.35+ does it natively.
        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql("ALTER TABLE \"AspNetUsers\" DROP COLUMN \"PreferredCulture\";");
        }
        else
        {
            migrationBuilder.DropColumn(name: "PreferredCulture", table: "AspNetUsers");
        }
    }
}
