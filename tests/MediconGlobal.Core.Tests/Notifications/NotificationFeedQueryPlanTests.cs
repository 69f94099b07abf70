using System.Data.Common;
using System.Text.RegularExpressions;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Notifications;
using MediconGlobal.Core.Security;
using MediconGlobal.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MediconGlobal.Core.Tests.Notifications;

/// <summary>
/// Every signed-in page counts the notification feed for its header, so no feed query may read a whole table of
/// casework (issue 12: a missing index on <c>Referrals.FounderConfirmedAt</c> cost a project manager 60–75 ms per page
/// at 300,000 referrals). Asks SQLite's query planner (<c>EXPLAIN QUERY PLAN</c>) about each query the feed really
/// sends, for every role, and fails on a full scan of a table that grows with use.
/// </summary>
public sealed partial class NotificationFeedQueryPlanTests
{
    /// <summary>Tables that grow with the casework; the taxonomy, organisations and the like are small and may be scanned.</summary>
    private static readonly string[] Growing =
        ["Referrals", "NeedStatusChanges", "Needs", "ConsentRecords", "CompanyCorrections", "CorrectionRequests", "Companies"];

    public static TheoryData<string> RoleNames() => new(Roles.Administrator, Roles.ProjectManager, Roles.Advisor, Roles.PartnerStaff, Roles.Startup);

    [Theory]
    [MemberData(nameof(RoleNames))]
    public async Task EveryFeedQuery_ReadsGrowingTablesThroughAnIndex(string role)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var commands = new CapturedCommands();
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UsePortalProvider(database.Provider, database.ConnectionString).AddInterceptors(commands);
        await using var db = new AppDbContext(options.Options);
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var smile = await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.SmiLe);
        var company = await CaseBuilder.CompanyAsync(db, "Planned Medtech", OrganisationSeed.SmiLe);
        var viewer = new Viewer($"{role}-under-test", new HashSet<string> { role }, role == Roles.Startup ? null : smile, role == Roles.Startup ? company.Id : null);
        commands.Clear();

        await NotificationFeed.LoadAsync(db, viewer, now.AddDays(-30), now);

        Assert.NotEmpty(commands.Sent);
        var scans = new List<string>();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        // A query EF Core folded to "WHERE 0" (nothing the viewer may see) reads no row, whatever its plan says.
        foreach (var sent in commands.Sent.Where(c => !ConstantFalse().IsMatch(c.Text)))
        {
            await using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + sent.Text;
            foreach (var (name, value) in sent.Parameters)
            {
                explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            // SQLite names tables by their alias in the plan ("SCAN r"); EF Core writes `"Referrals" AS "r"`.
            var tables = new Dictionary<string, string>();
            foreach (Match alias in TableAlias().Matches(sent.Text))
            {
                tables.TryAdd(alias.Groups[2].Value, alias.Groups[1].Value);
            }

            await using var plan = await explain.ExecuteReaderAsync();
            while (await plan.ReadAsync())
            {
                var detail = plan.GetString(3);
                if (detail.StartsWith("SCAN ", StringComparison.Ordinal)
                    && tables.TryGetValue(detail.Split(' ')[1], out var table)
                    && Growing.Contains(table))
                {
                    scans.Add($"{detail} ({table})\n  in: {sent.Text.ReplaceLineEndings(" ")}");
                }
            }
        }

        Assert.True(scans.Count == 0, $"The feed of a {role} scans whole tables:\n" + string.Join("\n", scans));
    }

    [GeneratedRegex("\"(\\w+)\" AS \"(\\w+)\"")]
    private static partial Regex TableAlias();

    [GeneratedRegex(@"\bWHERE 0\s")]
    private static partial Regex ConstantFalse();

    /// <summary>The text and parameter values of every query a context sends.</summary>
    private sealed class CapturedCommands : DbCommandInterceptor
    {
        public List<(string Text, List<(string Name, object? Value)> Parameters)> Sent { get; } = [];

        public void Clear() => Sent.Clear();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Sent.Add((command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList()));
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
