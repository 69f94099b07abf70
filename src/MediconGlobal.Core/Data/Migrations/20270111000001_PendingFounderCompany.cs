using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MediconGlobal.Core.Data.Migrations;

/// <summary>
/// A founder's company waits on the account until the address is confirmed (ADR 1216): <c>AspNetUsers.PendingCompanyName</c>,
/// <c>PendingCompanyCountry</c> and <c>PendingHomeIncubatorId</c> (no foreign key: the incubator is checked again when
/// the company is created, so merging or deleting an organisation never meets it). Existing accounts keep their
/// companies; the columns are null for them.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20270111000001_PendingFounderCompany")]
public sealed class PendingFounderCompany : Migration
{
    private static readonly string[] Columns = ["PendingCompanyName", "PendingCompanyCountry", "PendingHomeIncubatorId"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "PendingCompanyName", table: "AspNetUsers", maxLength: 200, nullable: true);
        migrationBuilder.AddColumn<string>(name: "PendingCompanyCountry", table: "AspNetUsers", maxLength: 2, nullable: true);
        migrationBuilder.AddColumn<int>(name: "PendingHomeIncubatorId", table: "AspNetUsers", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var column in Columns)
        {
            if (migrationBuilder.IsSqlite())
            {
                // EF refuses DropColumn on SQLite; SQLite itself drops a plain column since 3.35.
                migrationBuilder.Sql($"ALTER TABLE \"AspNetUsers\" DROP COLUMN \"{column}\";");
            }
            else
            {
                migrationBuilder.DropColumn(name: column, table: "AspNetUsers");
            }
        }
    }
}
