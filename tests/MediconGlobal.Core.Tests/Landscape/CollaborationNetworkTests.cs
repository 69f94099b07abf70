using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Landscape;

namespace MediconGlobal.Core.Tests.Landscape;

public sealed class CollaborationNetworkTests
{
    private static readonly NetworkOrganisation Incubator = new(1, "Incubator", OrganisationType.Incubator, "SE");
    private static readonly NetworkOrganisation Cluster = new(2, "Cluster", OrganisationType.ClusterOrganisation, "DK");
    private static readonly NetworkOrganisation Agency = new(3, "Agency", OrganisationType.NationalAgency, "SE");
    private static readonly NetworkOrganisation Hospital = new(4, "Hospital", OrganisationType.HospitalOrHealthcareRegion, "DK");
    private static readonly NetworkOrganisation Loner = new(5, "Loner", OrganisationType.Investor, "NO");

    [Fact]
    public void Build_LinksProgrammePartnersAndReferralEnds_AndNamesBrokersAndIsolated()
    {
        var graph = CollaborationNetwork.Build(
            [Incubator, Cluster, Agency, Hospital, Loner],
            [new ProgrammeMembership(10, "Going Global", [Incubator.Id, Cluster.Id]), new ProgrammeMembership(11, "Health", [Cluster.Id, Hospital.Id])],
            [new ReferralFlow(Incubator.Id, Agency.Id, 3), new ReferralFlow(Agency.Id, Incubator.Id, 1), new ReferralFlow(Incubator.Id, Incubator.Id, 7)]);

        Assert.Equal(3, graph.Links.Count);
        var referralLink = Assert.Single(graph.Links, l => l.A == Incubator.Id && l.B == Agency.Id);
        Assert.Equal(4, referralLink.Referrals);
        Assert.Empty(referralLink.SharedProgrammes);
        Assert.Equal(["Going Global"], Assert.Single(graph.Links, l => l.A == Incubator.Id && l.B == Cluster.Id).SharedProgrammes);

        // Path Agency – Incubator – Cluster – Hospital: the two in the middle broker two pairs each.
        Assert.Equal([Cluster.Name, Incubator.Name], graph.Brokers.Select(b => b.Organisation.Name).Order());
        Assert.All(graph.Brokers, b => Assert.Equal(2, b.Centrality.Betweenness));
        Assert.Equal([Loner.Name], graph.Isolated.Select(n => n.Organisation.Name));
    }

    [Fact]
    public void Build_MeasuresOnlyTheOrganisationsGiven()
    {
        var graph = CollaborationNetwork.Build(
            [Incubator, Hospital],
            [new ProgrammeMembership(10, "Going Global", [Incubator.Id, Cluster.Id]), new ProgrammeMembership(11, "Health", [Cluster.Id, Hospital.Id])],
            []);

        Assert.Empty(graph.Links);
        Assert.Equal(2, graph.Isolated.Count);
        Assert.Empty(graph.Brokers);
    }

    [Fact]
    public void Build_ProgrammeWithManyMembers_LinksEveryPairOnce()
    {
        var graph = CollaborationNetwork.Build(
            [Incubator, Cluster, Agency],
            [new ProgrammeMembership(10, "P", [Incubator.Id, Cluster.Id, Agency.Id, Agency.Id]), new ProgrammeMembership(11, "Q", [Incubator.Id, Cluster.Id])],
            []);

        Assert.Equal(3, graph.Links.Count);
        Assert.Equal(2, graph.Links.Single(l => l.A == Incubator.Id && l.B == Cluster.Id).Strength);
        Assert.All(graph.Nodes, n => Assert.Equal(2, n.Centrality.Degree));
        Assert.Empty(graph.Brokers);
    }
}
