using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MediconGlobal.Core.Data.Migrations;

/// <summary>
/// PostgreSQL's ICU collations for lists sorted by name (<see cref="NameOrder"/>, ADR 1302): one per language the
/// portal speaks, named as on SQLite, so <c>ORDER BY "Name" COLLATE names_sv</c> reads the same on both. SQLite
/// registers its collations on each connection and SQL Server has its own, so only PostgreSQL changes here.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261217000001_NameCollations")]
public sealed class NameCollations : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsNpgsql())
        {
            foreach (var language in NameOrder.Languages)
            {
                migrationBuilder.Sql($"""CREATE COLLATION IF NOT EXISTS "{NameOrder.CollationName(language)}" (provider = icu, locale = '{language}');""");
            }
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsNpgsql())
        {
            foreach (var language in NameOrder.Languages)
            {
                migrationBuilder.Sql($"""DROP COLLATION IF EXISTS "{NameOrder.CollationName(language)}";""");
            }
        }
    }
}
