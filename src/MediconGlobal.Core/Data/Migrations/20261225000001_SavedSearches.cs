using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MediconGlobal.Core.Data.Migrations;

/// <summary>Founders' saved searches and the record of alerts already sent for them (issue 17 item 2, ADR 1760).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261225000001_SavedSearches")]
public sealed class SavedSearches : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "SavedSearches",
            columns: table => new
            {
                Id = table.Identity(),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Kind = table.Column<string>(maxLength: 32, nullable: false),
                Criteria = table.Column<string>(maxLength: 2000, nullable: false),
                Frequency = table.Column<string>(maxLength: 32, nullable: false),
                SavedAt = table.Column<DateTime>(nullable: false),
                AlertsCheckedUpTo = table.Column<DateTime>(nullable: false),
                UnsubscribeToken = table.Column<string>(maxLength: 64, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                UpdatedBy = table.Column<string>(maxLength: 256, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SavedSearches", x => x.Id);
                table.ForeignKey(
                    name: "FK_SavedSearches_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "SavedSearchAlerts",
            columns: table => new
            {
                Id = table.Identity(),
                SavedSearchId = table.Column<int>(nullable: false),
                OfferId = table.Column<int>(nullable: false),
                OfferVersion = table.Column<int>(nullable: false),
                AlertedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SavedSearchAlerts", x => x.Id);
                table.ForeignKey(
                    name: "FK_SavedSearchAlerts_SavedSearches_SavedSearchId",
                    column: x => x.SavedSearchId,
                    principalTable: "SavedSearches",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_SavedSearchAlerts_Offers_OfferId",
                    column: x => x.OfferId,
                    principalTable: "Offers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_SavedSearches_UserId",
            table: "SavedSearches",
            column: "UserId");

        migrationBuilder.CreateUniqueIndexOnRequiredColumns(
            name: "IX_SavedSearches_UnsubscribeToken",
            table: "SavedSearches",
            columns: ["UnsubscribeToken"]);

        migrationBuilder.CreateIndex(
            name: "IX_SavedSearches_Frequency_AlertsCheckedUpTo",
            table: "SavedSearches",
            columns: ["Frequency", "AlertsCheckedUpTo"]);

        migrationBuilder.CreateUniqueIndexOnRequiredColumns(
            name: "IX_SavedSearchAlerts_SavedSearchId_OfferId_OfferVersion",
            table: "SavedSearchAlerts",
            columns: ["SavedSearchId", "OfferId", "OfferVersion"]);

        migrationBuilder.CreateIndex(
            name: "IX_SavedSearchAlerts_OfferId",
            table: "SavedSearchAlerts",
            column: "OfferId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "SavedSearchAlerts");
        migrationBuilder.DropTable(name: "SavedSearches");
    }
}
