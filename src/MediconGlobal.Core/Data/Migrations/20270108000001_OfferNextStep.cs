using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MediconGlobal.Core.Data.Migrations;

/// <summary>
/// An offer's "what happens next" and "documents to prepare" (issue 19 item 9, ADR 1791): <c>Offers.NextStep</c>
/// (who makes the first move, stored by name; existing offers "NotStated"), <c>Offers.NextStepWorkingDays</c> and
/// <c>Offers.RequiredDocuments</c> (one document per line, HSDS <c>required_document</c>).
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20270108000001_OfferNextStep")]
public sealed class OfferNextStep : Migration
{
    private static readonly string[] Columns = ["NextStep", "NextStepWorkingDays", "RequiredDocuments"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "NextStep", table: "Offers", maxLength: 32, nullable: false, defaultValue: "NotStated");
        migrationBuilder.AddColumn<int>(name: "NextStepWorkingDays", table: "Offers", nullable: true);
        migrationBuilder.AddColumn<string>(name: "RequiredDocuments", table: "Offers", maxLength: 2000, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var column in Columns)
        {
            if (migrationBuilder.IsSqlite())
            {
                // EF refuses DropColumn on SQLite; SQLite itself drops a plain column since 3.35.
                migrationBuilder.Sql($"ALTER TABLE \"Offers\" DROP COLUMN \"{column}\";");
            }
            else
            {
                migrationBuilder.DropColumn(name: column, table: "Offers");
            }
        }
    }
}
