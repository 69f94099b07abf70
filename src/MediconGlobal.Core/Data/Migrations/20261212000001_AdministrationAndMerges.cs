using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MediconGlobal.Core.Data.Migrations;

/// <summary>
/// Administration (issue 11): Swedish and Danish labels and retirement for taxonomy terms (ADR 1150), the record
/// of merged organisations (ADR 1151), and the deactivation and invitation dates of user accounts.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261212000001_AdministrationAndMerges")]
public sealed class AdministrationAndMerges : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "NameSv", table: "TaxonomyTerms", maxLength: 200, nullable: true);
        migrationBuilder.AddColumn<string>(name: "NameDa", table: "TaxonomyTerms", maxLength: 200, nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "RetiredAt", table: "TaxonomyTerms", nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "DeactivatedAt", table: "AspNetUsers", nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "InvitationSentAt", table: "AspNetUsers", nullable: true);

        migrationBuilder.CreateTable(
            name: "OrganisationMerges",
            columns: table => new
            {
                Id = table.Identity(),
                SurvivorId = table.Column<int>(nullable: false),
                MergedId = table.Column<int>(nullable: false),
                MergedName = table.Column<string>(maxLength: 200, nullable: false),
                MergedSeedKey = table.Column<string>(maxLength: 64, nullable: true),
                FieldsTaken = table.Column<string>(maxLength: 1000, nullable: false),
                MergedByUserId = table.Column<string>(maxLength: 450, nullable: false),
                MergedByName = table.Column<string>(maxLength: 200, nullable: false),
                MergedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OrganisationMerges", x => x.Id);
            });

        migrationBuilder.CreateIndex(name: "IX_OrganisationMerges_SurvivorId", table: "OrganisationMerges", column: "SurvivorId");
        migrationBuilder.CreateIndex(name: "IX_OrganisationMerges_MergedId", table: "OrganisationMerges", column: "MergedId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "OrganisationMerges");

        // EF cannot drop a column on SQLite without the target model; SQLite 3.35+ does it natively.
        (string Table, string Column)[] added =
        [
            ("TaxonomyTerms", "NameSv"), ("TaxonomyTerms", "NameDa"), ("TaxonomyTerms", "RetiredAt"),
            ("AspNetUsers", "DeactivatedAt"), ("AspNetUsers", "InvitationSentAt"),
        ];
        foreach (var (table, column) in added)
        {
            if (migrationBuilder.IsSqlite())
            {
                migrationBuilder.Sql($"ALTER TABLE \"{table}\" DROP COLUMN \"{column}\";");
            }
            else
            {
                migrationBuilder.DropColumn(name: column, table: table);
            }
        }
    }
}
