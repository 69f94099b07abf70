using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MediconGlobal.Core.Data.Migrations;

/// <summary>
/// <c>EmptySearchTallies</c> (issue 19 item 7, ADR 1779): searches that found nothing, counted per portal day, kind of
/// search and the filters chosen, with a unique key for the atomic upsert.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20270109000001_EmptySearchTallies")]
public sealed class EmptySearchTallies : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "EmptySearchTallies",
            columns: table => new
            {
                Id = table.LongIdentity(),
                Key = table.Column<string>(maxLength: 200, nullable: false),
                Day = table.Column<DateOnly>(nullable: false),
                Source = table.Column<string>(maxLength: 32, nullable: false),
                CategoryId = table.Column<int>(nullable: true),
                MarketId = table.Column<int>(nullable: true),
                StageId = table.Column<int>(nullable: true),
                SectorId = table.Column<int>(nullable: true),
                RegionId = table.Column<int>(nullable: true),
                Phrase = table.Column<string>(maxLength: 60, nullable: true),
                Count = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_EmptySearchTallies", x => x.Id));

        migrationBuilder.CreateUniqueIndexOnRequiredColumns(name: "IX_EmptySearchTallies_Key", table: "EmptySearchTallies", columns: ["Key"]);
        migrationBuilder.CreateIndex(name: "IX_EmptySearchTallies_Day", table: "EmptySearchTallies", column: "Day");
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropTable(name: "EmptySearchTallies");
}
