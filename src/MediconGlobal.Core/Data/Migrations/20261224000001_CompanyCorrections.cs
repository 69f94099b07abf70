using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MediconGlobal.Core.Data.Migrations;

/// <summary>Founders' proposals to correct their company's profile, answered by its advisors (issue 17 item 5, ADR 1702).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261224000001_CompanyCorrections")]
public sealed class CompanyCorrections : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "CompanyCorrections",
            columns: table => new
            {
                Id = table.Identity(),
                CompanyId = table.Column<int>(nullable: false),
                Message = table.Column<string>(maxLength: 2000, nullable: false),
                ProposedByUserId = table.Column<string>(maxLength: 450, nullable: false),
                ProposedByName = table.Column<string>(maxLength: 200, nullable: false),
                ProposedAt = table.Column<DateTime>(nullable: false),
                Status = table.Column<string>(maxLength: 32, nullable: false),
                Response = table.Column<string>(maxLength: 2000, nullable: true),
                AnsweredByUserId = table.Column<string>(maxLength: 450, nullable: true),
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
                table.PrimaryKey("PK_CompanyCorrections", x => x.Id);
                table.ForeignKey(
                    name: "FK_CompanyCorrections_Companies_CompanyId",
                    column: x => x.CompanyId,
                    principalTable: "Companies",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_CompanyCorrections_CompanyId_Status",
            table: "CompanyCorrections",
            columns: new[] { "CompanyId", "Status" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "CompanyCorrections");
    }
}
