using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MediconGlobal.Core.Data.Migrations;

/// <summary>
/// The verification cycle of offers (issue 19 item 5, ADR 1934): who last reviewed an offer (user id and e-mail address
/// at the time, for HSDS <c>assurer_email</c>) and when its provider was last asked to confirm it. Existing offers keep
/// their review date and have no known reviewer.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20270106000001_OfferVerification")]
public sealed class OfferVerification : Migration
{
    private static readonly string[] Columns = ["LastReviewedByUserId", "LastReviewedByEmail", "VerificationRequestedAt"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "LastReviewedByUserId", table: "Offers", maxLength: 450, nullable: true);
        migrationBuilder.AddColumn<string>(name: "LastReviewedByEmail", table: "Offers", maxLength: 256, nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "VerificationRequestedAt", table: "Offers", nullable: true);
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
