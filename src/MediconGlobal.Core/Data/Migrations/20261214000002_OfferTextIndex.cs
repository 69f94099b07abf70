using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MediconGlobal.Core.Data.Migrations;

/// <summary>
/// The database's own text index over the offers' folded <c>SearchText</c> (name and description), so the
/// catalogue finds the offers holding a word without reading every offer (ADR 1202). Trigram indexes answer
/// "contains" exactly as the portal's search has always meant it, inside words too: SQLite gets an FTS5 table
/// with the trigram tokenizer over the Offers table (external content, kept in step by three triggers);
/// PostgreSQL a GIN index with <c>pg_trgm</c>'s trigram operators, which its <c>LIKE '%…%'</c> uses. SQL Server
/// keeps scanning (<c>LIKE</c>).
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261214000002_OfferTextIndex")]
public sealed class OfferTextIndex : Migration
{
    /// <summary>The FTS5 table of SQLite and its triggers on Offers.</summary>
    internal const string SqliteTable = "OfferText";

    internal static readonly IReadOnlyList<string> SqliteTriggers = ["OfferText_Insert", "OfferText_Delete", "OfferText_Update"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql($"""CREATE VIRTUAL TABLE "{SqliteTable}" USING fts5("SearchText", content='Offers', content_rowid='Id', tokenize='trigram');""");
            migrationBuilder.Sql($"""INSERT INTO "{SqliteTable}"("{SqliteTable}") VALUES ('rebuild');""");
            migrationBuilder.Sql($"""
                CREATE TRIGGER "{SqliteTriggers[0]}" AFTER INSERT ON "Offers" BEGIN
                  INSERT INTO "{SqliteTable}"(rowid, "SearchText") VALUES (new."Id", new."SearchText");
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "{SqliteTriggers[1]}" AFTER DELETE ON "Offers" BEGIN
                  INSERT INTO "{SqliteTable}"("{SqliteTable}", rowid, "SearchText") VALUES ('delete', old."Id", old."SearchText");
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "{SqliteTriggers[2]}" AFTER UPDATE OF "SearchText" ON "Offers" BEGIN
                  INSERT INTO "{SqliteTable}"("{SqliteTable}", rowid, "SearchText") VALUES ('delete', old."Id", old."SearchText");
                  INSERT INTO "{SqliteTable}"(rowid, "SearchText") VALUES (new."Id", new."SearchText");
                END;
                """);
        }
        else if (migrationBuilder.IsNpgsql())
        {
            // pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner may create it.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.CreateIndex(name: "IX_Offers_SearchText", table: "Offers", column: "SearchText")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsSqlite())
        {
            foreach (var trigger in SqliteTriggers)
            {
                migrationBuilder.Sql($"DROP TRIGGER \"{trigger}\";");
            }

            migrationBuilder.Sql($"DROP TABLE \"{SqliteTable}\";");
        }
        else if (migrationBuilder.IsNpgsql())
        {
            migrationBuilder.DropIndex(name: "IX_Offers_SearchText", table: "Offers");
        }
    }
}
