namespace MediconGlobal.Core.Landscape;

/// <summary>Degree and betweenness of one node of an undirected graph.</summary>
/// <param name="Degree">Number of distinct neighbours.</param>
/// <param name="NormalisedDegree">Degree divided by the most it could be (n − 1).</param>
/// <param name="Betweenness">How many shortest paths between other pairs pass through the node (split evenly when there are several).</param>
/// <param name="NormalisedBetweenness">Betweenness divided by the number of pairs of other nodes, (n − 1)(n − 2) / 2.</param>
public sealed record NodeCentrality(int Degree, double NormalisedDegree, double Betweenness, double NormalisedBetweenness);

/// <summary>
/// Centrality measures of an undirected, unweighted graph. Betweenness uses Brandes' algorithm (2001): one
/// breadth-first search per node, O(n·m). The nodes are numbered and the graph held as flat adjacency arrays
/// (the dictionaries per search this replaced made it about ten times slower), and the sources are split into
/// fixed blocks run on the cores and summed in block order, so the result does not depend on how many cores ran
/// them. It runs once per change of the network, not per request (<see cref="NetworkCache"/>, ADR 1203).
/// </summary>
public static class Centrality
{
    /// <summary>Sources per block of work: small enough to spread over the cores, large enough to keep each busy.</summary>
    private const int BlockSize = 64;

    public static IReadOnlyDictionary<T, NodeCentrality> Compute<T>(IEnumerable<T> nodes, IEnumerable<(T A, T B)> edges)
        where T : notnull
    {
        var keys = nodes.Distinct().ToArray();
        var number = new Dictionary<T, int>(keys.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            number[keys[i]] = i;
        }

        var graph = Graph.Build(keys.Length, edges.Where(e => !e.A.Equals(e.B)).Select(e => (number[e.A], number[e.B])));
        var betweenness = Betweenness(graph);
        var n = keys.Length;
        var pairs = (n - 1) * (n - 2) / 2.0;
        var result = new Dictionary<T, NodeCentrality>(n);
        for (var i = 0; i < n; i++)
        {
            var degree = graph.Degree(i);
            result[keys[i]] = new NodeCentrality(
                degree,
                n > 1 ? (double)degree / (n - 1) : 0,
                betweenness[i],
                pairs > 0 ? betweenness[i] / pairs : 0);
        }

        return result;
    }

    private static double[] Betweenness(Graph graph)
    {
        var n = graph.Count;
        var blocks = (n + BlockSize - 1) / BlockSize;
        var partial = new double[blocks][];
        Parallel.For(0, blocks, block =>
        {
            var search = new Search(graph);
            for (var source = block * BlockSize; source < Math.Min(n, (block + 1) * BlockSize); source++)
            {
                search.AddDependencies(source);
            }

            partial[block] = search.Result;
        });

        // Every unordered pair was counted once from each end.
        var result = new double[n];
        foreach (var block in partial)
        {
            for (var i = 0; i < n; i++)
            {
                result[i] += block[i];
            }
        }

        for (var i = 0; i < n; i++)
        {
            result[i] /= 2;
        }

        return result;
    }

    /// <summary>An undirected graph as compressed rows: node i's distinct neighbours are <c>Targets[Start[i]..Start[i + 1]]</c>.</summary>
    private sealed class Graph(int[] start, int[] targets)
    {
        public int Count => start.Length - 1;

        public int Degree(int node) => start[node + 1] - start[node];

        public ReadOnlySpan<int> Neighbours(int node) => targets.AsSpan(start[node], start[node + 1] - start[node]);

        public static Graph Build(int count, IEnumerable<(int A, int B)> edges)
        {
            var distinct = new HashSet<(int, int)>();
            foreach (var (a, b) in edges)
            {
                distinct.Add(a < b ? (a, b) : (b, a));
            }

            var start = new int[count + 1];
            foreach (var (a, b) in distinct)
            {
                start[a + 1]++;
                start[b + 1]++;
            }

            for (var i = 0; i < count; i++)
            {
                start[i + 1] += start[i];
            }

            var targets = new int[start[count]];
            var next = start[..count];
            foreach (var (a, b) in distinct)
            {
                targets[next[a]++] = b;
                targets[next[b]++] = a;
            }

            return new Graph(start, targets);
        }
    }

    /// <summary>One worker's arrays for Brandes' searches, reused from source to source.</summary>
    private sealed class Search(Graph graph)
    {
        private readonly int[] _distance = Enumerable.Repeat(-1, graph.Count).ToArray();
        private readonly double[] _paths = new double[graph.Count];
        private readonly double[] _dependency = new double[graph.Count];
        private readonly int[] _order = new int[graph.Count];

        public double[] Result { get; } = new double[graph.Count];

        public void AddDependencies(int source)
        {
            // Breadth-first search from the source, counting shortest paths; _order is the queue and, read
            // backwards, the nodes from the farthest to the source.
            var (head, tail) = (0, 0);
            _order[tail++] = source;
            _distance[source] = 0;
            _paths[source] = 1;
            while (head < tail)
            {
                var v = _order[head++];
                var next = _distance[v] + 1;
                foreach (var w in graph.Neighbours(v))
                {
                    if (_distance[w] < 0)
                    {
                        _distance[w] = next;
                        _order[tail++] = w;
                    }

                    if (_distance[w] == next)
                    {
                        _paths[w] += _paths[v];
                    }
                }
            }

            // Walk back from the farthest nodes, handing each node's dependency to its predecessors (the
            // neighbours one step nearer the source).
            for (var i = tail - 1; i >= 0; i--)
            {
                var w = _order[i];
                var previous = _distance[w] - 1;
                var share = (1 + _dependency[w]) / _paths[w];
                foreach (var v in graph.Neighbours(w))
                {
                    if (_distance[v] == previous)
                    {
                        _dependency[v] += _paths[v] * share;
                    }
                }

                if (w != source)
                {
                    Result[w] += _dependency[w];
                }
            }

            // Only the nodes reached were touched.
            for (var i = 0; i < tail; i++)
            {
                var w = _order[i];
                (_distance[w], _paths[w], _dependency[w]) = (-1, 0, 0);
            }
        }
    }
}
