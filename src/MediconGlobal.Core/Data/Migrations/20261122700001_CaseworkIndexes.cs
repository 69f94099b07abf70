using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MediconGlobal.Core.Data.Migrations;

/// <summary>
/// Indexes for "what changed since …" (notifications) and "unanswered since …" (overdue referrals): the
/// dated steps of need histories and referrals are read by time range.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122700001_CaseworkIndexes")]
public sealed class CaseworkIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex(name: "IX_NeedStatusChanges_ChangedAt", table: "NeedStatusChanges", column: "ChangedAt");
        migrationBuilder.CreateIndex(name: "IX_Referrals_SentAt", table: "Referrals", column: "SentAt");
        migrationBuilder.CreateIndex(name: "IX_Referrals_AnsweredAt", table: "Referrals", column: "AnsweredAt");
        migrationBuilder.CreateIndex(name: "IX_Referrals_CompletedAt", table: "Referrals", column: "CompletedAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_Referrals_CompletedAt", table: "Referrals");
        migrationBuilder.DropIndex(name: "IX_Referrals_AnsweredAt", table: "Referrals");
        migrationBuilder.DropIndex(name: "IX_Referrals_SentAt", table: "Referrals");
        migrationBuilder.DropIndex(name: "IX_NeedStatusChanges_ChangedAt", table: "NeedStatusChanges");
    }
}
