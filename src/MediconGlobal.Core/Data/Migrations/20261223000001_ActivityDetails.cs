using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MediconGlobal.Core.Data.Migrations;

/// <summary>
/// Activities recorded in full (issue 17 item 1, ADR 1741): companies continuing as a third outcome count, the
/// participating organisations and the markets and sectors an activity was about.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261223000001_ActivityDetails")]
public sealed class ActivityDetails : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "ContinuingCount", table: "Activities", nullable: true);

        migrationBuilder.CreateTable(
            name: "ActivityOrganisations",
            columns: table => new
            {
                ActivityId = table.Column<int>(nullable: false),
                OrganisationId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ActivityOrganisations", x => new { x.ActivityId, x.OrganisationId });
                table.ForeignKey(
                    name: "FK_ActivityOrganisations_Activities_ActivityId",
                    column: x => x.ActivityId,
                    principalTable: "Activities",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_ActivityOrganisations_Organisations_OrganisationId",
                    column: x => x.OrganisationId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ActivityTerms",
            columns: table => new
            {
                ActivityId = table.Column<int>(nullable: false),
                TermId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ActivityTerms", x => new { x.ActivityId, x.TermId });
                table.ForeignKey(
                    name: "FK_ActivityTerms_Activities_ActivityId",
                    column: x => x.ActivityId,
                    principalTable: "Activities",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_ActivityTerms_TaxonomyTerms_TermId",
                    column: x => x.TermId,
                    principalTable: "TaxonomyTerms",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(name: "IX_ActivityOrganisations_OrganisationId", table: "ActivityOrganisations", column: "OrganisationId");
        migrationBuilder.CreateIndex(name: "IX_ActivityTerms_TermId", table: "ActivityTerms", column: "TermId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "ActivityTerms");
        migrationBuilder.DropTable(name: "ActivityOrganisations");

        // EF cannot drop a column on SQLite without the target model; SQLite 3.35+ does it natively.
        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql("ALTER TABLE \"Activities\" DROP COLUMN \"ContinuingCount\";");
        }
        else
        {
            migrationBuilder.DropColumn(name: "ContinuingCount", table: "Activities");
        }
    }
}
