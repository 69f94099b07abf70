using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MediconGlobal.Core.Data.Migrations;

/// <summary>
/// Response promises, chasing and re-routing (issue 19 items 1–2, ADR 1762): each organisation's promise in working
/// days (<c>Organisations.AnswerWithinWorkingDays</c>, null: the portal's default in the new one-row
/// <c>PortalSettings</c>), and on each referral the promise it was sent under, when its answer is due, when it
/// escalates, when the chasing job reminded the receiver and told the advisor, and when it was closed as "no answer"
/// (the new status <c>Unanswered</c>, stored by name, needs no change). Existing referrals keep the rule they were sent
/// under: due 14 days (336 hours) after sending, escalating after 28.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20270105000001_ResponsePromises")]
public sealed class ResponsePromises : Migration
{
    private static readonly string[] ReferralColumns = ["PromisedWorkingDays", "AnswerDueAt", "EscalatesAt", "ReceiverRemindedAt", "AdvisorToldAt", "ClosedUnansweredAt"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "AnswerWithinWorkingDays", table: "Organisations", nullable: true);
        migrationBuilder.AddColumn<int>(name: "PromisedWorkingDays", table: "Referrals", nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "AnswerDueAt", table: "Referrals", nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "EscalatesAt", table: "Referrals", nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "ReceiverRemindedAt", table: "Referrals", nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "AdvisorToldAt", table: "Referrals", nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "ClosedUnansweredAt", table: "Referrals", nullable: true);

        if (migrationBuilder.IsSqlite())
        {
            // EF's SQLite text form is "yyyy-MM-dd HH:mm:ss.FFFFFFF": datetime() keeps the seconds, the original fraction is appended.
            migrationBuilder.Sql("""
                UPDATE "Referrals" SET
                    "AnswerDueAt" = datetime("SentAt", '+336 hours') || substr("SentAt", 20),
                    "EscalatesAt" = datetime("SentAt", '+672 hours') || substr("SentAt", 20)
                WHERE "SentAt" IS NOT NULL;
                """);
        }
        else if (migrationBuilder.IsNpgsql())
        {
            migrationBuilder.Sql("""
                UPDATE "Referrals" SET "AnswerDueAt" = "SentAt" + interval '336 hours', "EscalatesAt" = "SentAt" + interval '672 hours'
                WHERE "SentAt" IS NOT NULL;
                """);
        }
        else
        {
            migrationBuilder.Sql("UPDATE [Referrals] SET [AnswerDueAt] = DATEADD(hour, 336, [SentAt]), [EscalatesAt] = DATEADD(hour, 672, [SentAt]) WHERE [SentAt] IS NOT NULL;");
        }

        migrationBuilder.CreateIndex(name: "IX_Referrals_AnswerDueAt", table: "Referrals", column: "AnswerDueAt");
        migrationBuilder.CreateIndex(name: "IX_Referrals_EscalatesAt", table: "Referrals", column: "EscalatesAt");

        migrationBuilder.CreateTable(
            name: "PortalSettings",
            columns: table => new
            {
                Id = table.Identity(),
                DefaultAnswerWorkingDays = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                UpdatedBy = table.Column<string>(maxLength: 256, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_PortalSettings", x => x.Id));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "PortalSettings");
        migrationBuilder.DropIndex(name: "IX_Referrals_EscalatesAt", table: "Referrals");
        migrationBuilder.DropIndex(name: "IX_Referrals_AnswerDueAt", table: "Referrals");

        // Referrals closed as "no answer" did not exist before: they go back to waiting for an answer.
        migrationBuilder.Sql("UPDATE \"Referrals\" SET \"Status\" = 'Sent' WHERE \"Status\" = 'Unanswered';");
        foreach (var (table, column) in ReferralColumns.Select(c => ("Referrals", c)).Append(("Organisations", "AnswerWithinWorkingDays")))
        {
            if (migrationBuilder.IsSqlite())
            {
                // EF refuses DropColumn on SQLite; SQLite itself drops a plain column since 3.35.
                migrationBuilder.Sql($"ALTER TABLE \"{table}\" DROP COLUMN \"{column}\";");
            }
            else
            {
                migrationBuilder.DropColumn(name: column, table: table);
            }
        }
    }
}
