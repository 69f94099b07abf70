using MediconGlobal.Core.Landscape;

namespace MediconGlobal.Core.Tests.Landscape;

public sealed class CentralityTests
{
    [Fact]
    public void Path_InnerNodesBrokerThePairsAcrossThem()
    {
        var result = Centrality.Compute(["A", "B", "C", "D"], [("A", "B"), ("B", "C"), ("C", "D")]);

        Assert.Equal(0, result["A"].Betweenness);
        Assert.Equal(2, result["B"].Betweenness);
        Assert.Equal(2, result["C"].Betweenness);
        Assert.Equal(0, result["D"].Betweenness);
        Assert.Equal(2.0 / 3, result["B"].NormalisedBetweenness, 6);
        Assert.Equal(1, result["A"].Degree);
        Assert.Equal(2, result["B"].Degree);
        Assert.Equal(2.0 / 3, result["B"].NormalisedDegree, 6);
    }

    [Fact]
    public void Star_CentreLiesOnEveryPathBetweenLeaves()
    {
        var result = Centrality.Compute(["hub", "a", "b", "c", "d"], [("hub", "a"), ("hub", "b"), ("hub", "c"), ("hub", "d")]);

        Assert.Equal(6, result["hub"].Betweenness);
        Assert.Equal(1.0, result["hub"].NormalisedBetweenness, 6);
        Assert.Equal(4, result["hub"].Degree);
        Assert.Equal(1.0, result["hub"].NormalisedDegree, 6);
        Assert.All(["a", "b", "c", "d"], leaf => Assert.Equal(0, result[leaf].Betweenness));
    }

    [Fact]
    public void Cycle_SplitsCreditBetweenEqualShortestPaths()
    {
        var result = Centrality.Compute([1, 2, 3, 4], [(1, 2), (2, 3), (3, 4), (4, 1)]);

        Assert.All([1, 2, 3, 4], n => Assert.Equal(0.5, result[n].Betweenness, 6));
    }

    [Fact]
    public void TwoTrianglesJoinedByABridge_BridgeEndsAreTheBrokers()
    {
        var result = Centrality.Compute(
            ["A", "B", "C", "D", "E", "F"],
            [("A", "B"), ("B", "C"), ("A", "C"), ("C", "D"), ("D", "E"), ("E", "F"), ("D", "F")]);

        Assert.Equal(6, result["C"].Betweenness);
        Assert.Equal(6, result["D"].Betweenness);
        Assert.All(["A", "B", "E", "F"], n => Assert.Equal(0, result[n].Betweenness));
        Assert.Equal(0.6, result["C"].NormalisedBetweenness, 6);
    }

    [Fact]
    public void IsolatedNode_DuplicateEdgesAndSelfLoops_DoNotCount()
    {
        var result = Centrality.Compute(["A", "B", "lonely"], [("A", "B"), ("B", "A"), ("A", "A")]);

        Assert.Equal(1, result["A"].Degree);
        Assert.Equal(0, result["lonely"].Degree);
        Assert.Equal(0, result["lonely"].Betweenness);
        Assert.Equal(0, result["lonely"].NormalisedDegree);
    }

    [Fact]
    public void SingleNode_HasZeroMeasuresWithoutDividingByZero()
    {
        var result = Centrality.Compute(["only"], Array.Empty<(string, string)>());

        Assert.Equal(new NodeCentrality(0, 0, 0, 0), result["only"]);
    }

    [Theory]
    [InlineData(1, 60, 0.08)]
    [InlineData(2, 150, 0.03)]
    [InlineData(3, 200, 0.4)]
    public void RandomGraph_MatchesTheDefinitionPairByPair(int seed, int count, double density)
    {
        var random = new Random(seed);
        var edges = new List<(int, int)>();
        for (var a = 0; a < count; a++)
        {
            for (var b = a + 1; b < count; b++)
            {
                if (random.NextDouble() < density)
                {
                    edges.Add(random.Next(2) == 0 ? (a, b) : (b, a));
                }
            }
        }

        var result = Centrality.Compute(Enumerable.Range(0, count), edges);

        var expected = DefinitionOfBetweenness(count, edges);
        Assert.All(Enumerable.Range(0, count), v => Assert.Equal(expected[v], result[v].Betweenness, tolerance: 1e-9));
    }

    /// <summary>
    /// Betweenness as defined, without Brandes' accumulation: for every pair s, t of other nodes, the share of
    /// shortest s–t paths through v, σ(s,v)·σ(v,t)/σ(s,t) when d(s,v) + d(v,t) = d(s,t).
    /// </summary>
    private static double[] DefinitionOfBetweenness(int count, List<(int A, int B)> edges)
    {
        var neighbours = Enumerable.Range(0, count).Select(_ => new HashSet<int>()).ToArray();
        foreach (var (a, b) in edges)
        {
            neighbours[a].Add(b);
            neighbours[b].Add(a);
        }

        var distance = new int[count, count];
        var paths = new double[count, count];
        for (var s = 0; s < count; s++)
        {
            for (var t = 0; t < count; t++)
            {
                distance[s, t] = -1;
            }

            distance[s, s] = 0;
            paths[s, s] = 1;
            var queue = new Queue<int>([s]);
            while (queue.TryDequeue(out var v))
            {
                foreach (var w in neighbours[v].Order())
                {
                    if (distance[s, w] < 0)
                    {
                        distance[s, w] = distance[s, v] + 1;
                        queue.Enqueue(w);
                    }

                    if (distance[s, w] == distance[s, v] + 1)
                    {
                        paths[s, w] += paths[s, v];
                    }
                }
            }
        }

        var result = new double[count];
        for (var s = 0; s < count; s++)
        {
            for (var t = s + 1; t < count; t++)
            {
                if (distance[s, t] <= 0)
                {
                    continue;
                }

                for (var v = 0; v < count; v++)
                {
                    if (v != s && v != t && distance[s, v] > 0 && distance[v, t] > 0 && distance[s, v] + distance[v, t] == distance[s, t])
                    {
                        result[v] += paths[s, v] * paths[v, t] / paths[s, t];
                    }
                }
            }
        }

        return result;
    }
}
