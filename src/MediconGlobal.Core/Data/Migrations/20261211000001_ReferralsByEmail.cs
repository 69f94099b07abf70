using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MediconGlobal.Core.Data.Migrations;

/// <summary>
/// Referrals to organisations without staff accounts (issue 11 item 7): the address the referral was e-mailed to,
/// whose owner answers through a signed link without an account.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261211000001_ReferralsByEmail")]
public sealed class ReferralsByEmail : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>(name: "ExternalContactEmail", table: "Referrals", maxLength: 256, nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // EF cannot drop a column on SQLite without the target model; SQLite 3.35+ does it natively.
        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql("ALTER TABLE \"Referrals\" DROP COLUMN \"ExternalContactEmail\";");
        }
        else
        {
            migrationBuilder.DropColumn(name: "ExternalContactEmail", table: "Referrals");
        }
    }
}
