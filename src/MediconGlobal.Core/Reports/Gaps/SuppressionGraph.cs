namespace MediconGlobal.Core.Reports.Gaps;

/// <summary>
/// The bipartite graph behind <see cref="GapSuppression"/>: one node per row and per column of the matrix
/// extended with its totals, one edge per hidden entry. The row and column equations of the table determine a
/// hidden entry exactly when its edge lies on no cycle (is a bridge); otherwise its value can be moved around
/// the cycle without changing any total.
/// </summary>
internal sealed class SuppressionGraph(int rows, int columns)
{
    private int NodeCount => rows + columns;

    /// <summary>The first hidden entry (row-major) that <paramref name="mustProtect"/> selects and that is a bridge.</summary>
    public (int Row, int Column)? FirstBridge(bool[,] hidden, Func<int, int, bool> mustProtect)
    {
        var bridges = Bridges(hidden);
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                if (hidden[r, c] && mustProtect(r, c) && bridges.Contains((r, c)))
                {
                    return (r, c);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The cheapest path from the row to the column of <paramref name="edge"/> that avoids that edge, walking
    /// hidden entries for free and shown entries at <paramref name="cost"/> (null: may not be hidden). Returns
    /// the shown entries on it, or null when there is no such path.
    /// </summary>
    public List<(int Row, int Column)>? CheapestDetour((int Row, int Column) edge, bool[,] hidden, Func<int, int, int?> cost)
    {
        var distance = Enumerable.Repeat(long.MaxValue, NodeCount).ToArray();
        var previous = new int[NodeCount];
        var done = new bool[NodeCount];
        Array.Fill(previous, -1);
        distance[edge.Row] = 0;
        var target = rows + edge.Column;
        while (true)
        {
            var node = -1;
            for (var n = 0; n < NodeCount; n++)
            {
                if (!done[n] && distance[n] != long.MaxValue && (node < 0 || distance[n] < distance[node]))
                {
                    node = n;
                }
            }

            if (node < 0)
            {
                return null;
            }

            if (node == target)
            {
                break;
            }

            done[node] = true;
            foreach (var next in Neighbours(node))
            {
                var (r, c) = Entry(node, next);
                if ((r, c) == edge)
                {
                    continue;
                }

                var weight = hidden[r, c] ? 0 : cost(r, c);
                if (weight is { } w && distance[node] + w < distance[next])
                {
                    distance[next] = distance[node] + w;
                    previous[next] = node;
                }
            }
        }

        var added = new List<(int Row, int Column)>();
        for (var node = target; previous[node] >= 0; node = previous[node])
        {
            var (r, c) = Entry(previous[node], node);
            if (!hidden[r, c])
            {
                added.Add((r, c));
            }
        }

        return added;
    }

    private HashSet<(int Row, int Column)> Bridges(bool[,] hidden)
    {
        var bridges = new HashSet<(int, int)>();
        var order = new int[NodeCount];
        var low = new int[NodeCount];
        Array.Fill(order, -1);
        var counter = 0;

        void Visit(int node, int parent)
        {
            order[node] = low[node] = counter++;
            foreach (var next in Neighbours(node))
            {
                var (r, c) = Entry(node, next);
                if (!hidden[r, c] || next == parent)
                {
                    continue;
                }

                if (order[next] < 0)
                {
                    Visit(next, node);
                    low[node] = Math.Min(low[node], low[next]);
                    if (low[next] > order[node])
                    {
                        bridges.Add((r, c));
                    }
                }
                else
                {
                    low[node] = Math.Min(low[node], order[next]);
                }
            }
        }

        for (var n = 0; n < NodeCount; n++)
        {
            if (order[n] < 0)
            {
                Visit(n, -1);
            }
        }

        return bridges;
    }

    /// <summary>Every node on the other side (a row node's columns, a column node's rows).</summary>
    private IEnumerable<int> Neighbours(int node) =>
        node < rows ? Enumerable.Range(rows, columns) : Enumerable.Range(0, rows);

    private (int Row, int Column) Entry(int a, int b) => a < rows ? (a, b - rows) : (b, a - rows);
}
