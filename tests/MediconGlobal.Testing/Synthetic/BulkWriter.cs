using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace MediconGlobal.Testing.Synthetic;

/// <summary>
/// Writes many rows fast, bypassing EF Core (and so the audit interceptor): prepared inserts in one
/// transaction on SQLite, binary COPY on PostgreSQL. For generated benchmark data only.
/// </summary>
public abstract class BulkWriter
{
    public static BulkWriter For(DbConnection connection) => connection switch
    {
        SqliteConnection sqlite => new SqliteBulkWriter(sqlite),
        NpgsqlConnection postgres => new PostgresBulkWriter(postgres),
        _ => throw new NotSupportedException($"No bulk writer for {connection.GetType().Name}."),
    };

    public abstract Task<int> WriteAsync(string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken = default);

    /// <summary>After rows were written with explicit ids, moves the table's id generator past them.</summary>
    public abstract Task ResetIdentityAsync(string table, CancellationToken cancellationToken = default);

    private sealed class SqliteBulkWriter(SqliteConnection connection) : BulkWriter
    {
        public override async Task<int> WriteAsync(string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken = default)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
            var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
            command.Prepare();
            var count = 0;
            foreach (var row in rows)
            {
                for (var i = 0; i < row.Length; i++)
                {
                    parameters[i].Value = row[i] ?? DBNull.Value;
                }

                count += await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return count;
        }

        // AUTOINCREMENT keeps its counter in sqlite_sequence, which explicit ids already advance.
        public override Task ResetIdentityAsync(string table, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    private sealed class PostgresBulkWriter(NpgsqlConnection connection) : BulkWriter
    {
        public override async Task<int> WriteAsync(string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken = default)
        {
            await using var importer = await connection.BeginBinaryImportAsync(
                $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                foreach (var value in row)
                {
                    await (value switch
                    {
                        null => importer.WriteNullAsync(cancellationToken),
                        string s => importer.WriteAsync(s, NpgsqlDbType.Text, cancellationToken),
                        int i => importer.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken),
                        bool b => importer.WriteAsync(b, NpgsqlDbType.Boolean, cancellationToken),
                        DateTime d => importer.WriteAsync(d, NpgsqlDbType.TimestampTz, cancellationToken),
                        DateOnly d => importer.WriteAsync(d, NpgsqlDbType.Date, cancellationToken),
                        _ => throw new NotSupportedException($"Cannot copy a {value.GetType().Name}."),
                    });
                }
            }

            return (int)await importer.CompleteAsync(cancellationToken);
        }

        public override async Task ResetIdentityAsync(string table, CancellationToken cancellationToken = default)
        {
            await using var command = new NpgsqlCommand($"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), GREATEST(1, (SELECT COALESCE(MAX(\"Id\"), 0) FROM \"{table}\")))", connection);
            await command.ExecuteScalarAsync(cancellationToken);
        }
    }
}
