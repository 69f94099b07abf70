using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MediconGlobal.Core.Data.Migrations;

/// <summary>
/// Indexes on the moments the notification feed reads by a time window (<c>NotificationFeed</c>, issue 12): a
/// referral's follow-up question and founder confirmation, a consent record, a profile correction proposed and
/// answered, a problem report submitted. Every signed-in page counts the feed for its header, and without them each
/// count scanned the whole table (60–75 ms per page for a project manager at 300,000 referrals, measured with the
/// load benchmark's EF command log; docs/performance.md).
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20270110000001_NotificationFeedIndexes")]
public sealed class NotificationFeedIndexes : Migration
{
    private static readonly (string Table, string Column)[] Indexed =
    [
        ("Referrals", "FollowUpAskedAt"),
        ("Referrals", "FounderConfirmedAt"),
        ("ConsentRecords", "RecordedAt"),
        ("CompanyCorrections", "ProposedAt"),
        ("CompanyCorrections", "AnsweredAt"),
        ("CorrectionRequests", "SubmittedAt"),
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var (table, column) in Indexed)
        {
            migrationBuilder.CreateIndex(name: $"IX_{table}_{column}", table: table, column: column);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var (table, column) in Indexed)
        {
            migrationBuilder.DropIndex(name: $"IX_{table}_{column}", table: table);
        }
    }
}
