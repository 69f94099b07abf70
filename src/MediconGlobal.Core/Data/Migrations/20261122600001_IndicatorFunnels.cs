using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MediconGlobal.Core.Data.Migrations;

/// <summary>Programme indicators can be named steps of a funnel ("learned about Leap" → "implemented Leap").</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122600001_IndicatorFunnels")]
public sealed class IndicatorFunnels : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(
            name: "Funnel",
            table: "ProgrammeIndicators",
            maxLength: 200,
            nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // EF cannot drop a column on SQLite without the target model; SQLite 3.35+ does it natively.
        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql("ALTER TABLE \"ProgrammeIndicators\" DROP COLUMN \"Funnel\";");
        }
        else
        {
            migrationBuilder.DropColumn(name: "Funnel", table: "ProgrammeIndicators");
        }
    }
}
