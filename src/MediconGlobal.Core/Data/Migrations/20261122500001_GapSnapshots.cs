using MediconGlobal.Core.Reports.Gaps;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MediconGlobal.Core.Data.Migrations;

/// <summary>Saved gap reports (<see cref="GapSnapshot"/>).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122500001_GapSnapshots")]
public sealed class GapSnapshots : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "GapSnapshots",
            columns: table => new
            {
                Id = table.Identity(),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Comment = table.Column<string>(maxLength: 2000, nullable: true),
                Rows = table.Column<string>(maxLength: 32, nullable: false),
                Columns = table.Column<string>(maxLength: 32, nullable: false),
                ReportJson = table.Column<string>(nullable: false),
                SavedByUserId = table.Column<string>(maxLength: 450, nullable: false),
                SavedByName = table.Column<string>(maxLength: 200, nullable: false),
                SavedAt = table.Column<DateTime>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                UpdatedBy = table.Column<string>(maxLength: 256, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_GapSnapshots", x => x.Id);
            });

        migrationBuilder.CreateIndex(
            name: "IX_GapSnapshots_SavedAt",
            table: "GapSnapshots",
            column: "SavedAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "GapSnapshots");
    }
}
