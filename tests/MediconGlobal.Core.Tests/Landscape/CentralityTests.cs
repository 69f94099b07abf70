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
}
