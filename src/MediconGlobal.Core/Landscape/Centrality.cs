namespace MediconGlobal.Core.Landscape;

/// <summary>Degree and betweenness of one node of an undirected graph.</summary>
/// <param name="Degree">Number of distinct neighbours.</param>
/// <param name="NormalisedDegree">Degree divided by the most it could be (n − 1).</param>
/// <param name="Betweenness">How many shortest paths between other pairs pass through the node (split evenly when there are several).</param>
/// <param name="NormalisedBetweenness">Betweenness divided by the number of pairs of other nodes, (n − 1)(n − 2) / 2.</param>
public sealed record NodeCentrality(int Degree, double NormalisedDegree, double Betweenness, double NormalisedBetweenness);

/// <summary>
/// Centrality measures of an undirected, unweighted graph. Betweenness uses Brandes' algorithm (2001): one
/// breadth-first search per node, so it stays fast for the few hundred organisations of the landscape.
/// </summary>
public static class Centrality
{
    public static IReadOnlyDictionary<T, NodeCentrality> Compute<T>(IEnumerable<T> nodes, IEnumerable<(T A, T B)> edges)
        where T : notnull
    {
        var neighbours = nodes.Distinct().ToDictionary(n => n, _ => new HashSet<T>());
        foreach (var (a, b) in edges)
        {
            if (a.Equals(b))
            {
                continue;
            }

            neighbours[a].Add(b);
            neighbours[b].Add(a);
        }

        var betweenness = Betweenness(neighbours);
        var n = neighbours.Count;
        var pairs = (n - 1) * (n - 2) / 2.0;
        return neighbours.ToDictionary(
            kv => kv.Key,
            kv => new NodeCentrality(
                kv.Value.Count,
                n > 1 ? (double)kv.Value.Count / (n - 1) : 0,
                betweenness[kv.Key],
                pairs > 0 ? betweenness[kv.Key] / pairs : 0));
    }

    private static Dictionary<T, double> Betweenness<T>(Dictionary<T, HashSet<T>> neighbours)
        where T : notnull
    {
        var result = neighbours.Keys.ToDictionary(n => n, _ => 0.0);
        foreach (var source in neighbours.Keys)
        {
            // Breadth-first search from the source, counting shortest paths (sigma) and remembering predecessors.
            var order = new Stack<T>();
            var predecessors = neighbours.Keys.ToDictionary(n => n, _ => new List<T>());
            var sigma = neighbours.Keys.ToDictionary(n => n, _ => 0.0);
            var distance = neighbours.Keys.ToDictionary(n => n, _ => -1);
            sigma[source] = 1;
            distance[source] = 0;
            var queue = new Queue<T>();
            queue.Enqueue(source);
            while (queue.TryDequeue(out var v))
            {
                order.Push(v);
                foreach (var w in neighbours[v])
                {
                    if (distance[w] < 0)
                    {
                        distance[w] = distance[v] + 1;
                        queue.Enqueue(w);
                    }

                    if (distance[w] == distance[v] + 1)
                    {
                        sigma[w] += sigma[v];
                        predecessors[w].Add(v);
                    }
                }
            }

            // Walk back from the farthest nodes, accumulating each node's dependency on the source.
            var delta = neighbours.Keys.ToDictionary(n => n, _ => 0.0);
            while (order.TryPop(out var w))
            {
                foreach (var v in predecessors[w])
                {
                    delta[v] += sigma[v] / sigma[w] * (1 + delta[w]);
                }

                if (!w.Equals(source))
                {
                    result[w] += delta[w];
                }
            }
        }

        // Every unordered pair was counted once from each end.
        foreach (var key in result.Keys.ToList())
        {
            result[key] /= 2;
        }

        return result;
    }
}
