using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MediconGlobal.Core.Data.Migrations;

/// <summary>
/// The <c>DataVersions</c> row and the triggers that raise its counters on every write to the tables kept read
/// models are made of (ADR 1201). SQLite: row triggers (one writer at a time, nothing to deadlock). PostgreSQL:
/// deferred constraint triggers that raise each counter once per transaction at commit, when the transaction
/// takes no other lock afterwards — so writers queue on the one row instead of deadlocking on it. SQL Server:
/// statement triggers (parsed by the SQL Server script tests, not run).
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261214000001_DataVersions")]
public sealed class DataVersionTriggers : Migration
{
    /// <summary>Which writes raise which counters; an update trigger with columns fires only when one of them is set.</summary>
    internal static readonly IReadOnlyList<(string Table, string Event, string[] Columns, string[] Counters)> Triggers =
    [
        ("Offers", "INSERT", [], ["Catalogue"]),
        ("Offers", "UPDATE", [], ["Catalogue"]),
        ("Offers", "DELETE", [], ["Catalogue"]),
        ("OfferTerms", "INSERT", [], ["Catalogue"]),
        ("OfferTerms", "UPDATE", [], ["Catalogue"]),
        ("OfferTerms", "DELETE", [], ["Catalogue"]),
        ("TaxonomyTerms", "INSERT", [], ["Catalogue"]),
        ("TaxonomyTerms", "UPDATE", [], ["Catalogue"]),
        ("TaxonomyTerms", "DELETE", [], ["Catalogue"]),
        ("Organisations", "INSERT", [], ["Catalogue", "Network"]),
        ("Organisations", "UPDATE", [], ["Catalogue", "Network"]),
        ("Organisations", "DELETE", [], ["Catalogue", "Network"]),
        ("Programmes", "INSERT", [], ["Catalogue", "Network"]),
        ("Programmes", "UPDATE", [], ["Catalogue", "Network"]),
        ("Programmes", "DELETE", [], ["Catalogue", "Network"]),
        ("ProgrammePartners", "INSERT", [], ["Network"]),
        ("ProgrammePartners", "UPDATE", [], ["Network"]),
        ("ProgrammePartners", "DELETE", [], ["Network"]),
        ("Companies", "INSERT", [], ["Needs"]),
        ("Companies", "UPDATE", [], ["Needs"]),
        ("Companies", "UPDATE", ["HomeIncubatorId"], ["Network"]),
        ("Companies", "DELETE", [], ["Needs", "Network"]),
        ("Needs", "INSERT", [], ["Needs"]),
        ("Needs", "UPDATE", [], ["Needs"]),
        ("Needs", "UPDATE", ["CompanyId"], ["Network"]),
        ("Needs", "DELETE", [], ["Needs", "Network"]),
        ("Referrals", "INSERT", [], ["Network"]),
        ("Referrals", "UPDATE", ["NeedId", "ReceivingOrganisationId"], ["Network"]),
        ("Referrals", "DELETE", [], ["Network"]),
    ];

    private const string SqlServerProvider = "Microsoft.EntityFrameworkCore.SqlServer";

    /// <summary>The trigger's name: <c>DataVersions_Offers_Update</c>, <c>DataVersions_Companies_Update_HomeIncubatorId</c>.</summary>
    internal static string NameOf((string Table, string Event, string[] Columns, string[] Counters) trigger) =>
        $"DataVersions_{trigger.Table}_{trigger.Event[0]}{trigger.Event[1..].ToLowerInvariant()}{string.Concat(trigger.Columns.Select(c => "_" + c))}";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "DataVersions",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false),
                Catalogue = table.Column<long>(nullable: false),
                Needs = table.Column<long>(nullable: false),
                Network = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_DataVersions", x => x.Id));
        // Plain SQL: without a model snapshot EF cannot type InsertData's values (double quotes work on all three databases).
        migrationBuilder.Sql("INSERT INTO \"DataVersions\" (\"Id\", \"Catalogue\", \"Needs\", \"Network\") VALUES (1, 0, 0, 0);");

        if (migrationBuilder.IsNpgsql())
        {
            // At commit a transaction raises each counter once: the guard is a setting local to the transaction.
            migrationBuilder.Sql("""
                CREATE FUNCTION "RaiseDataVersions"() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE counter text;
                BEGIN
                  FOREACH counter IN ARRAY TG_ARGV LOOP
                    IF current_setting('mediconglobal.raised_' || lower(counter), true) IS DISTINCT FROM 'yes' THEN
                      EXECUTE format('UPDATE "DataVersions" SET %1$I = %1$I + 1 WHERE "Id" = 1', counter);
                      PERFORM set_config('mediconglobal.raised_' || lower(counter), 'yes', true);
                    END IF;
                  END LOOP;
                  RETURN NULL;
                END $$;
                """);
        }

        CreateTriggers(migrationBuilder, Triggers, NameOf);
    }

    /// <summary>
    /// Creates <paramref name="triggers"/> named by <paramref name="nameOf"/> on the migrating database; PostgreSQL's
    /// call the function <c>RaiseDataVersions</c> this migration creates (also used by later migrations adding counters).
    /// </summary>
    internal static void CreateTriggers(
        MigrationBuilder migrationBuilder,
        IEnumerable<(string Table, string Event, string[] Columns, string[] Counters)> triggers,
        Func<(string Table, string Event, string[] Columns, string[] Counters), string> nameOf)
    {
        foreach (var trigger in triggers)
        {
            var columns = trigger.Columns.Length == 0 ? "" : " OF " + string.Join(", ", trigger.Columns.Select(c => $"\"{c}\""));
            if (migrationBuilder.IsSqlite())
            {
                migrationBuilder.Sql(
                    $"CREATE TRIGGER \"{nameOf(trigger)}\" AFTER {trigger.Event}{columns} ON \"{trigger.Table}\" " +
                    $"BEGIN UPDATE \"DataVersions\" SET {Raise(trigger.Counters, '"')} WHERE \"Id\" = 1; END;");
            }
            else if (migrationBuilder.IsNpgsql())
            {
                migrationBuilder.Sql(
                    $"CREATE CONSTRAINT TRIGGER \"{nameOf(trigger)}\" AFTER {trigger.Event}{columns} ON \"{trigger.Table}\" " +
                    $"DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION \"RaiseDataVersions\"({string.Join(", ", trigger.Counters.Select(c => $"'{c}'"))});");
            }
            else if (migrationBuilder.ActiveProvider == SqlServerProvider)
            {
                var when = trigger.Columns.Length == 0 ? "" : "IF " + string.Join(" OR ", trigger.Columns.Select(c => $"UPDATE([{c}])")) + " ";
                // CREATE TRIGGER must open a batch; EXEC gives it one inside a script without GO separators.
                migrationBuilder.Sql(
                    $"EXEC(N'CREATE TRIGGER [{nameOf(trigger)}] ON [{trigger.Table}] AFTER {trigger.Event} AS BEGIN SET NOCOUNT ON; " +
                    $"{when}UPDATE [DataVersions] SET {Raise(trigger.Counters, '[')} WHERE [Id] = 1; END;');");
            }
        }
    }

    /// <summary>Drops <paramref name="triggers"/> named by <paramref name="nameOf"/>, in reverse order.</summary>
    internal static void DropTriggers(
        MigrationBuilder migrationBuilder,
        IEnumerable<(string Table, string Event, string[] Columns, string[] Counters)> triggers,
        Func<(string Table, string Event, string[] Columns, string[] Counters), string> nameOf)
    {
        foreach (var trigger in triggers.Reverse())
        {
            migrationBuilder.Sql(migrationBuilder.IsSqlite() ? $"DROP TRIGGER \"{nameOf(trigger)}\";"
                : migrationBuilder.IsNpgsql() ? $"DROP TRIGGER \"{nameOf(trigger)}\" ON \"{trigger.Table}\";"
                : $"DROP TRIGGER [{nameOf(trigger)}];");
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        DropTriggers(migrationBuilder, Triggers, NameOf);

        if (migrationBuilder.IsNpgsql())
        {
            migrationBuilder.Sql("DROP FUNCTION \"RaiseDataVersions\"();");
        }

        migrationBuilder.DropTable(name: "DataVersions");
    }

    private static string Raise(IEnumerable<string> counters, char quote)
    {
        var close = quote == '[' ? ']' : quote;
        var builder = new StringBuilder();
        foreach (var counter in counters)
        {
            builder.Append(builder.Length == 0 ? "" : ", ").Append($"{quote}{counter}{close} = {quote}{counter}{close} + 1");
        }

        return builder.ToString();
    }
}
