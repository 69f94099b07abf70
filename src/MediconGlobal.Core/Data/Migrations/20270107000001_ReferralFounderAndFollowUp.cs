using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MediconGlobal.Core.Data.Migrations;

/// <summary>
/// The founder's confirmation of a referral ("I got help" / "nobody contacted me", ADR 1776) and the follow-up after
/// completion (asked once; the advisor's and the founder's answers, ADR 1777), as nullable columns of <c>Referrals</c>:
/// the casework triggers already raise <c>DataVersions.Casework</c> on every change of the table, so the kept funnel
/// follows them. Existing referrals start unanswered and not yet asked.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20270107000001_ReferralFounderAndFollowUp")]
public sealed class ReferralFounderAndFollowUp : Migration
{
    private static readonly (string Name, Type Type, int? Length)[] Columns =
    [
        ("FounderConfirmation", typeof(string), 32),
        ("FounderComment", typeof(string), 1000),
        ("FounderConfirmedAt", typeof(DateTime), null),
        ("FounderConfirmedByUserId", typeof(string), 450),
        ("FounderConfirmedByName", typeof(string), 200),
        ("FollowUpAskedAt", typeof(DateTime), null),
        ("AdvisorFollowUp", typeof(string), 64),
        ("AdvisorFollowUpComment", typeof(string), 1000),
        ("AdvisorFollowUpAt", typeof(DateTime), null),
        ("AdvisorFollowUpByUserId", typeof(string), 450),
        ("AdvisorFollowUpByName", typeof(string), 200),
        ("FounderFollowUp", typeof(string), 64),
        ("FounderFollowUpComment", typeof(string), 1000),
        ("FounderFollowUpAt", typeof(DateTime), null),
        ("FounderFollowUpByUserId", typeof(string), 450),
        ("FounderFollowUpByName", typeof(string), 200),
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var (name, type, length) in Columns)
        {
            if (type == typeof(string))
            {
                migrationBuilder.AddColumn<string>(name: name, table: "Referrals", maxLength: length, nullable: true);
            }
            else
            {
                migrationBuilder.AddColumn<DateTime>(name: name, table: "Referrals", nullable: true);
            }
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var (name, _, _) in Enumerable.Reverse(Columns))
        {
            if (migrationBuilder.IsSqlite())
            {
                // EF refuses DropColumn on SQLite; SQLite itself drops a plain column since 3.35.
                migrationBuilder.Sql($"ALTER TABLE \"Referrals\" DROP COLUMN \"{name}\";");
            }
            else
            {
                migrationBuilder.DropColumn(name: name, table: "Referrals");
            }
        }
    }
}
