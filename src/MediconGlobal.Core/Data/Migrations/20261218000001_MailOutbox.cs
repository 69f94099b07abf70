using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MediconGlobal.Core.Data.Migrations;

/// <summary>The durable e-mail outbox (issue 17 item 7, ADR 1701): every e-mail is a row before it is sent.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261218000001_MailOutbox")]
public sealed class MailOutbox : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "OutboxMessages",
            columns: table => new
            {
                Id = table.LongIdentity(),
                To = table.Column<string>(maxLength: 256, nullable: false),
                Subject = table.Column<string>(maxLength: 300, nullable: false),
                Mime = table.Column<string>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                NextAttemptAt = table.Column<DateTime>(nullable: false),
                Attempts = table.Column<int>(nullable: false),
                ClaimedUntil = table.Column<DateTime>(nullable: true),
                SentAt = table.Column<DateTime>(nullable: true),
                GaveUpAt = table.Column<DateTime>(nullable: true),
                LastError = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OutboxMessages", x => x.Id);
            });

        migrationBuilder.CreateIndex(
            name: "IX_OutboxMessages_SentAt_NextAttemptAt",
            table: "OutboxMessages",
            columns: ["SentAt", "NextAttemptAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "OutboxMessages");
    }
}
