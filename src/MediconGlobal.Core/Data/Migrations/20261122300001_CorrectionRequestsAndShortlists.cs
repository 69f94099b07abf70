using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MediconGlobal.Core.Data.Migrations;

/// <summary>Correction requests about offers (the provider's inbox) and the shortlists of signed-in founders.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122300001_CorrectionRequestsAndShortlists")]
public sealed class CorrectionRequestsAndShortlists : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "CorrectionRequests",
            columns: table => new
            {
                Id = table.Identity(),
                OfferId = table.Column<int>(nullable: false),
                OrganisationId = table.Column<int>(nullable: false),
                Message = table.Column<string>(maxLength: 2000, nullable: false),
                ReporterName = table.Column<string>(maxLength: 200, nullable: true),
                ReporterEmail = table.Column<string>(maxLength: 256, nullable: true),
                SubmittedByUserId = table.Column<string>(maxLength: 450, nullable: true),
                SubmittedAt = table.Column<DateTime>(nullable: false),
                Status = table.Column<string>(maxLength: 32, nullable: false),
                Response = table.Column<string>(maxLength: 2000, nullable: true),
                AnsweredByName = table.Column<string>(maxLength: 200, nullable: true),
                AnsweredAt = table.Column<DateTime>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                UpdatedBy = table.Column<string>(maxLength: 256, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CorrectionRequests", x => x.Id);
                table.ForeignKey(
                    name: "FK_CorrectionRequests_Offers_OfferId",
                    column: x => x.OfferId,
                    principalTable: "Offers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_CorrectionRequests_Organisations_OrganisationId",
                    column: x => x.OrganisationId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ShortlistItems",
            columns: table => new
            {
                Id = table.Identity(),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                OfferId = table.Column<int>(nullable: false),
                AddedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ShortlistItems", x => x.Id);
                table.ForeignKey(
                    name: "FK_ShortlistItems_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_ShortlistItems_Offers_OfferId",
                    column: x => x.OfferId,
                    principalTable: "Offers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_CorrectionRequests_OfferId",
            table: "CorrectionRequests",
            column: "OfferId");

        migrationBuilder.CreateIndex(
            name: "IX_CorrectionRequests_OrganisationId_Status",
            table: "CorrectionRequests",
            columns: new[] { "OrganisationId", "Status" });

        migrationBuilder.CreateIndex(
            name: "IX_ShortlistItems_OfferId",
            table: "ShortlistItems",
            column: "OfferId");

        migrationBuilder.CreateUniqueIndexOnRequiredColumns(
            name: "IX_ShortlistItems_UserId_OfferId",
            table: "ShortlistItems",
            columns: ["UserId", "OfferId"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "CorrectionRequests");
        migrationBuilder.DropTable(name: "ShortlistItems");
    }
}
