using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace MediconGlobal.Core.Tests.Data;

/// <summary>
/// Reads a SQL Server DDL script with ScriptDom and replays its table, column, key and index statements in order,
/// so the schema it leaves behind can be compared and the faults SQL Server reports only at run time are found
/// without a server. It understands the statements EF's SQL Server migrations generator writes; anything else
/// (the history table's inserts, transactions, dynamic SQL for default constraints) is left alone.
/// </summary>
internal sealed class SqlServerSchema
{
    /// <summary>SQL Server's limits on an index key: 900 bytes clustered, 1,700 bytes nonclustered.</summary>
    private const int ClusteredKeyLimit = 900;
    private const int NonclusteredKeyLimit = 1700;
    private const string HistoryTable = "__EFMigrationsHistory";

    public Dictionary<string, Table> Tables { get; } = new(StringComparer.Ordinal);

    /// <summary>Faults SQL Server refuses the script for.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>
    /// Index keys whose variable-length columns can add up past the limit: SQL Server creates them with warning
    /// 1945 and refuses only a row whose key really is that long. Each must be looked at (see the test's list).
    /// </summary>
    public HashSet<string> OversizedKeys { get; } = new(StringComparer.Ordinal);

    public static SqlServerSchema Read(string script)
    {
        var schema = new SqlServerSchema();
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        var fragment = parser.Parse(new StringReader(script), out var errors);
        schema.Problems.AddRange(errors.Select(e => $"parse error at line {e.Line}: {e.Message}"));
        if (errors.Count == 0 && fragment is TSqlScript parsed)
        {
            foreach (var statement in parsed.Batches.SelectMany(b => b.Statements))
            {
                schema.Apply(statement);
            }
        }

        return schema;
    }

    /// <summary>One line per column, key, foreign key and index, for comparing two schemas.</summary>
    public IEnumerable<string> Describe() =>
        Tables.Values.Where(t => t.Name != HistoryTable).SelectMany(t =>
            t.Columns.Values.Select(c => $"{t.Name}.{c.Name} {c.Type}{(c.Nullable ? " NULL" : " NOT NULL")}{(c.Identity ? " IDENTITY" : "")}")
                .Concat(t.Keys.Values.Select(k => $"{t.Name} key {k.Name} ({string.Join(", ", k.Columns)}){(k.IsPrimary ? " primary" : " unique")}"))
                .Concat(t.ForeignKeys.Values.Select(f => $"{t.Name} foreign key {f.Name} ({string.Join(", ", f.Columns)}) -> {f.Principal} on delete {f.OnDelete}"))
                .Concat(t.Indexes.Values.Select(i => $"{t.Name} index {i.Name} ({string.Join(", ", i.Columns)}){(i.Unique ? " unique" : "")}{(i.Filter is null ? "" : " where " + i.Filter)}")));

    private void Apply(TSqlStatement statement)
    {
        switch (statement)
        {
            case IfStatement conditional:
                Apply(conditional.ThenStatement);
                break;
            case BeginEndBlockStatement block:
                block.StatementList.Statements.ToList().ForEach(Apply);
                break;
            case CreateTableStatement create:
                var table = new Table(Name(create.SchemaObjectName));
                Tables[table.Name] = table;
                AddElements(table, create.Definition);
                break;
            case AlterTableAddTableElementStatement add when Find(add.SchemaObjectName) is { } target:
                AddElements(target, add.Definition);
                break;
            case AlterTableAlterColumnStatement alter when Find(alter.SchemaObjectName) is { } target
                && target.Columns.TryGetValue(alter.ColumnIdentifier.Value, out var column):
                target.Columns[column.Name] = column with { Type = TypeName(alter.DataType), Bytes = KeyBytes(alter.DataType), Nullable = IsNullable(alter) };
                CheckIndexesOf(target);
                break;
            case AlterTableDropTableElementStatement drop when Find(drop.SchemaObjectName) is { } target:
                foreach (var element in drop.AlterTableDropTableElements)
                {
                    var name = element.Name.Value;
                    target.Columns.Remove(name);
                    target.Keys.Remove(name);
                    target.ForeignKeys.Remove(name);
                }

                break;
            case CreateIndexStatement index when Find(index.OnName) is { } target:
                AddIndex(target, index);
                break;
            case DropIndexStatement drop:
                foreach (var clause in drop.DropIndexClauses.OfType<DropIndexClause>())
                {
                    Find(clause.Object)?.Indexes.Remove(clause.Index.Value);
                }

                break;
            case DropTableStatement drop:
                foreach (var name in drop.Objects)
                {
                    Tables.Remove(Name(name));
                }

                break;
        }
    }

    private static bool IsNullable(AlterTableAlterColumnStatement alter)
    {
        // ScriptDom keeps "NULL"/"NOT NULL" of ALTER COLUMN in the token stream only.
        var tokens = alter.ScriptTokenStream.Skip(alter.FirstTokenIndex).Take(alter.LastTokenIndex - alter.FirstTokenIndex + 1)
            .Where(t => t.TokenType is not TSqlTokenType.WhiteSpace).Select(t => t.Text.ToUpperInvariant()).ToList();
        var nullAt = tokens.LastIndexOf("NULL");
        return nullAt < 1 || tokens[nullAt - 1] != "NOT";
    }

    private void AddElements(Table table, TableDefinition definition)
    {
        foreach (var column in definition.ColumnDefinitions)
        {
            var nullable = column.Constraints.OfType<NullableConstraintDefinition>().FirstOrDefault()?.Nullable ?? true;
            table.Columns[column.ColumnIdentifier.Value] = new Column(column.ColumnIdentifier.Value, TypeName(column.DataType), KeyBytes(column.DataType), nullable, column.IdentityOptions is not null);
            if (column.IdentityOptions is not null && (nullable || TypeName(column.DataType) is not ("int" or "bigint" or "smallint" or "tinyint")))
            {
                Problems.Add($"[{table.Name}].[{column.ColumnIdentifier.Value}]: an identity column must be a NOT NULL integer, not {TypeName(column.DataType)}{(nullable ? " NULL" : "")}");
            }
        }

        if (table.Columns.Values.Count(c => c.Identity) > 1)
        {
            Problems.Add($"[{table.Name}]: a table can have only one identity column");
        }

        foreach (var constraint in definition.TableConstraints)
        {
            switch (constraint)
            {
                case UniqueConstraintDefinition key:
                    var name = key.ConstraintIdentifier.Value;
                    var columns = key.Columns.Select(c => ColumnName(c.Column)).ToList();
                    table.Keys[name] = new Key(name, columns, key.IsPrimaryKey);
                    CheckKey(table, name, columns, clustered: key.Clustered ?? key.IsPrimaryKey);
                    break;
                case ForeignKeyConstraintDefinition foreignKey:
                    var action = foreignKey.DeleteAction is DeleteUpdateAction.NotSpecified ? DeleteUpdateAction.NoAction : foreignKey.DeleteAction;
                    var added = new ForeignKey(foreignKey.ConstraintIdentifier.Value, foreignKey.Columns.Select(c => c.Value).ToList(), Name(foreignKey.ReferenceTableName), action);
                    table.ForeignKeys[added.Name] = added;
                    CheckCascadePaths(table, added);
                    break;
            }
        }
    }

    private void AddIndex(Table table, CreateIndexStatement statement)
    {
        var index = new Index(statement.Name.Value, statement.Columns.Select(c => ColumnName(c.Column)).ToList(), statement.Unique, statement.Clustered ?? false,
            statement.FilterPredicate is null ? null : Script(statement.FilterPredicate));
        table.Indexes[index.Name] = index;
        CheckKey(table, index.Name, index.Columns, index.Clustered);
        if (statement.FilterPredicate is not null && !IsFilterPredicate(statement.FilterPredicate, table))
        {
            Problems.Add($"[{table.Name}] index {index.Name}: the filter \"{index.Filter}\" is outside SQL Server's filtered-index grammar (column comparisons with constants, IS [NOT] NULL and IN, joined by AND only)");
        }
    }

    private void CheckIndexesOf(Table table)
    {
        foreach (var key in table.Keys.Values)
        {
            CheckKey(table, key.Name, key.Columns, key.IsPrimary);
        }

        foreach (var index in table.Indexes.Values)
        {
            CheckKey(table, index.Name, index.Columns, index.Clustered);
        }
    }

    private void CheckKey(Table table, string name, IReadOnlyList<string> columns, bool clustered)
    {
        var bytes = 0;
        var variable = false;
        foreach (var columnName in columns)
        {
            if (!table.Columns.TryGetValue(columnName, out var column))
            {
                Problems.Add($"[{table.Name}] {name}: the key names a column [{columnName}] the table does not have");
                continue;
            }

            if (column.Bytes is null)
            {
                Problems.Add($"[{table.Name}] {name}: [{columnName}] is {column.Type}, which cannot be an index key column (nvarchar(max) and other large types)");
                continue;
            }

            bytes += column.Bytes.Value;
            variable |= column.Type.StartsWith("nvarchar", StringComparison.Ordinal) || column.Type.StartsWith("varchar", StringComparison.Ordinal)
                || column.Type.StartsWith("varbinary", StringComparison.Ordinal);
        }

        var limit = clustered ? ClusteredKeyLimit : NonclusteredKeyLimit;
        if (bytes > limit && variable)
        {
            OversizedKeys.Add($"{name} ({bytes} bytes, {(clustered ? "clustered" : "nonclustered")})");
        }
        else if (bytes > limit)
        {
            Problems.Add($"[{table.Name}] {name}: the key is {bytes} bytes, over SQL Server's {limit}-byte limit for a {(clustered ? "clustered" : "nonclustered")} index");
        }
    }

    /// <summary>
    /// SQL Server refuses a foreign key with a cascading action when it would give a table two cascade paths from
    /// one table, or a cycle ("may cause cycles or multiple cascade paths").
    /// </summary>
    private void CheckCascadePaths(Table table, ForeignKey added)
    {
        if (added.OnDelete is DeleteUpdateAction.NoAction)
        {
            return;
        }

        var edges = Tables.Values.SelectMany(t => t.ForeignKeys.Values.Where(f => f.OnDelete is not DeleteUpdateAction.NoAction).Select(f => (From: f.Principal, To: t.Name))).ToList();
        foreach (var start in edges.Select(e => e.From).Distinct())
        {
            var paths = CountPaths(start, table.Name, edges, [start]);
            if (paths > 1 || (start == table.Name && edges.Any(e => e.From == table.Name && e.To == table.Name)))
            {
                Problems.Add($"[{table.Name}] {added.Name}: multiple cascade paths or a cycle from [{start}] to [{table.Name}]; use NO ACTION (DeleteBehavior.Restrict/ClientCascade) on one of them");
                return;
            }
        }
    }

    private static int CountPaths(string from, string to, List<(string From, string To)> edges, HashSet<string> visited)
    {
        var count = 0;
        foreach (var edge in edges.Where(e => e.From == from))
        {
            if (edge.To == to)
            {
                count++;
            }
            else if (visited.Add(edge.To))
            {
                count += CountPaths(edge.To, to, edges, visited);
                visited.Remove(edge.To);
            }
        }

        return count;
    }

    private static bool IsFilterPredicate(BooleanExpression expression, Table table) => expression switch
    {
        BooleanParenthesisExpression inner => IsFilterPredicate(inner.Expression, table),
        BooleanBinaryExpression { BinaryExpressionType: BooleanBinaryExpressionType.And } both =>
            IsFilterPredicate(both.FirstExpression, table) && IsFilterPredicate(both.SecondExpression, table),
        BooleanIsNullExpression isNull => IsColumnOf(isNull.Expression, table),
        BooleanComparisonExpression comparison =>
            (IsColumnOf(comparison.FirstExpression, table) && comparison.SecondExpression is Literal)
            || (IsColumnOf(comparison.SecondExpression, table) && comparison.FirstExpression is Literal),
        InPredicate { Subquery: null, NotDefined: false } list => IsColumnOf(list.Expression, table) && list.Values.All(v => v is Literal),
        _ => false,
    };

    private static bool IsColumnOf(ScalarExpression expression, Table table) =>
        expression is ColumnReferenceExpression column && table.Columns.ContainsKey(ColumnName(column));

    private Table? Find(SchemaObjectName name) => Tables.GetValueOrDefault(Name(name));

    private static string Name(SchemaObjectName name) => name.BaseIdentifier.Value;

    private static string ColumnName(ColumnReferenceExpression column) => column.MultiPartIdentifier.Identifiers[^1].Value;

    private static string Script(TSqlFragment fragment) =>
        string.Concat(fragment.ScriptTokenStream.Skip(fragment.FirstTokenIndex).Take(fragment.LastTokenIndex - fragment.FirstTokenIndex + 1).Select(t => t.Text));

    private static string TypeName(DataTypeReference type) => Script(type).Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();

    /// <summary>The most bytes a value of the type takes in an index key; null for types that cannot be key columns.</summary>
    private static int? KeyBytes(DataTypeReference type)
    {
        if (type is not SqlDataTypeReference sql)
        {
            return null;
        }

        var length = sql.Parameters.FirstOrDefault() switch
        {
            MaxLiteral => (int?)null,
            IntegerLiteral literal => int.Parse(literal.Value, System.Globalization.CultureInfo.InvariantCulture),
            _ => 1,
        };
        return sql.SqlDataTypeOption switch
        {
            SqlDataTypeOption.NVarChar or SqlDataTypeOption.NChar => length * 2,
            SqlDataTypeOption.VarChar or SqlDataTypeOption.Char or SqlDataTypeOption.VarBinary or SqlDataTypeOption.Binary => length,
            SqlDataTypeOption.Bit or SqlDataTypeOption.TinyInt => 1,
            SqlDataTypeOption.SmallInt => 2,
            SqlDataTypeOption.Int or SqlDataTypeOption.Real or SqlDataTypeOption.SmallDateTime => 4,
            SqlDataTypeOption.BigInt or SqlDataTypeOption.Float or SqlDataTypeOption.DateTime or SqlDataTypeOption.DateTime2 or SqlDataTypeOption.Money => 8,
            SqlDataTypeOption.DateTimeOffset => 10,
            SqlDataTypeOption.Date => 3,
            SqlDataTypeOption.Time => 5,
            SqlDataTypeOption.UniqueIdentifier => 16,
            SqlDataTypeOption.Decimal or SqlDataTypeOption.Numeric => 17,
            _ => null,
        };
    }

    internal sealed record Table(string Name)
    {
        public Dictionary<string, Column> Columns { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Key> Keys { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, ForeignKey> ForeignKeys { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Index> Indexes { get; } = new(StringComparer.Ordinal);
    }

    internal sealed record Column(string Name, string Type, int? Bytes, bool Nullable, bool Identity);

    internal sealed record Key(string Name, IReadOnlyList<string> Columns, bool IsPrimary);

    internal sealed record ForeignKey(string Name, IReadOnlyList<string> Columns, string Principal, DeleteUpdateAction OnDelete);

    internal sealed record Index(string Name, IReadOnlyList<string> Columns, bool Unique, bool Clustered, string? Filter);
}
