using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MediconGlobal.Core.Data.Migrations;

/// <summary>
/// The <c>Casework</c> counter of <c>DataVersions</c> (ADR 1207): raised by every write to companies, needs and
/// referrals — including a referral's answer, which raises no other counter — so the caseload's attention figures
/// can be kept between requests. Triggers as in <see cref="DataVersionTriggers"/>.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261230000001_CaseworkVersion")]
public sealed class CaseworkVersion : Migration
{
    /// <summary>Which writes raise the counter: every insert, update and delete of the three tables.</summary>
    internal static readonly IReadOnlyList<(string Table, string Event, string[] Columns, string[] Counters)> Triggers =
        [.. from table in new[] { "Companies", "Needs", "Referrals" }
            from write in new[] { "INSERT", "UPDATE", "DELETE" }
            select (table, write, Array.Empty<string>(), new[] { "Casework" })];

    /// <summary>The trigger's name: <c>DataVersions_Casework_Referrals_Update</c> (beside the table's older triggers).</summary>
    internal static string NameOf((string Table, string Event, string[] Columns, string[] Counters) trigger) =>
        $"DataVersions_Casework_{trigger.Table}_{trigger.Event[0]}{trigger.Event[1..].ToLowerInvariant()}";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<long>(name: "Casework", table: "DataVersions", nullable: false, defaultValue: 0L);
        DataVersionTriggers.CreateTriggers(migrationBuilder, Triggers, NameOf);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        DataVersionTriggers.DropTriggers(migrationBuilder, Triggers, NameOf);
        if (migrationBuilder.IsSqlite())
        {
            // EF refuses DropColumn on SQLite; SQLite itself drops a plain column since 3.35.
            migrationBuilder.Sql("ALTER TABLE \"DataVersions\" DROP COLUMN \"Casework\";");
        }
        else
        {
            migrationBuilder.DropColumn(name: "Casework", table: "DataVersions");
        }
    }
}
