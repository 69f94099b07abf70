using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MediconGlobal.Core.Data.Migrations;

/// <summary>
/// <c>Offers.ContentChangedAt</c> (ADR 1761): when what a reader sees of the offer last changed, which a review
/// that only confirms the offer leaves alone. Existing offers start from their last save.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20270104000001_OfferContentChangedAt")]
public sealed class OfferContentChangedAt : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTime>(name: "ContentChangedAt", table: "Offers", nullable: false, defaultValue: new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        migrationBuilder.Sql("UPDATE \"Offers\" SET \"ContentChangedAt\" = \"UpdatedAt\";");
        migrationBuilder.CreateIndex(name: "IX_Offers_ContentChangedAt", table: "Offers", column: "ContentChangedAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_Offers_ContentChangedAt", table: "Offers");
        if (migrationBuilder.IsSqlite())
        {
            // EF refuses DropColumn on SQLite; SQLite itself drops a plain column since 3.35.
            migrationBuilder.Sql("ALTER TABLE \"Offers\" DROP COLUMN \"ContentChangedAt\";");
        }
        else
        {
            migrationBuilder.DropColumn(name: "ContentChangedAt", table: "Offers");
        }
    }
}
