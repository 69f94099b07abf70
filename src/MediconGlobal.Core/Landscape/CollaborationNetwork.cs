using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;

namespace MediconGlobal.Core.Landscape;

public sealed record NetworkOrganisation(int Id, string Name, OrganisationType Type, string CountryCode);

/// <summary>The organisations taking part in one programme: its lead, partners and funding organisation.</summary>
public sealed record ProgrammeMembership(int ProgrammeId, string ProgrammeName, IReadOnlyCollection<int> OrganisationIds);

/// <summary>Referrals sent from the clients of one organisation (their home incubator) to another.</summary>
public sealed record ReferralFlow(int FromOrganisationId, int ToOrganisationId, int Count);

/// <summary>A link between two organisations and what it is made of.</summary>
public sealed record NetworkLink(int A, int B, IReadOnlyList<string> SharedProgrammes, int Referrals)
{
    public int Strength => SharedProgrammes.Count + Referrals;
}

public sealed record NetworkNode(NetworkOrganisation Organisation, NodeCentrality Centrality);

/// <summary>
/// The network as drawn: organisations with their centrality, and links ordered by their two ends. Kept between
/// requests (<see cref="NetworkCache"/>), so what pages ask of it — brokers, isolated organisations, one
/// organisation's links — is worked out once per graph, not per request or per table row.
/// </summary>
public sealed record NetworkGraph(IReadOnlyList<NetworkNode> Nodes, IReadOnlyList<NetworkLink> Links)
{
    /// <summary>How many brokers the summary names at most.</summary>
    public const int BrokerCount = 5;

    private IReadOnlyList<NetworkNode>? _brokers;
    private IReadOnlyList<NetworkNode>? _isolated;
    private IReadOnlyList<NetworkNode>? _byBetweenness;
    private ILookup<int, NetworkLink>? _linksOf;

    /// <summary>Organisations that sit on the most shortest paths between others: the ones who connect the rest.</summary>
    public IReadOnlyList<NetworkNode> Brokers => _brokers ??=
        Nodes.Where(n => n.Centrality.Betweenness > 0)
            .OrderByDescending(n => n.Centrality.Betweenness)
            .ThenBy(n => n.Organisation.Name, NameOrder.Comparer())
            .Take(BrokerCount)
            .ToList();

    /// <summary>Organisations with no shared programme and no referral to or from anyone shown.</summary>
    public IReadOnlyList<NetworkNode> Isolated => _isolated ??=
        Nodes.Where(n => n.Centrality.Degree == 0).OrderBy(n => n.Organisation.Name, NameOrder.Comparer()).ToList();

    /// <summary>Every organisation, the most central first: by betweenness, then number of links, then name.</summary>
    public IReadOnlyList<NetworkNode> ByBetweenness => _byBetweenness ??=
        Nodes.OrderByDescending(n => n.Centrality.Betweenness)
            .ThenByDescending(n => n.Centrality.Degree)
            .ThenBy(n => n.Organisation.Name, NameOrder.Comparer())
            .ToList();

    /// <summary>The links of one organisation, in the order of <see cref="Links"/>.</summary>
    public IEnumerable<NetworkLink> LinksOf(int organisationId) =>
        (_linksOf ??= Links.SelectMany(l => new[] { (Id: l.A, Link: l), (Id: l.B, Link: l) }).ToLookup(x => x.Id, x => x.Link))[organisationId];
}

/// <summary>
/// Builds the collaboration network: organisations are linked when they take part in the same programme or
/// when one's clients were referred to the other. Centrality is measured on the organisations given, so the
/// numbers always describe the graph that is drawn.
/// </summary>
public static class CollaborationNetwork
{
    public static NetworkGraph Build(IEnumerable<NetworkOrganisation> organisations, IEnumerable<ProgrammeMembership> programmes, IEnumerable<ReferralFlow> referrals)
    {
        var nodes = organisations.DistinctBy(o => o.Id).ToDictionary(o => o.Id);
        var shared = new Dictionary<(int, int), List<string>>();
        var referred = new Dictionary<(int, int), int>();

        foreach (var programme in programmes)
        {
            var members = programme.OrganisationIds.Where(nodes.ContainsKey).Distinct().Order().ToList();
            for (var i = 0; i < members.Count; i++)
            {
                for (var j = i + 1; j < members.Count; j++)
                {
                    var key = (members[i], members[j]);
                    if (!shared.TryGetValue(key, out var names))
                    {
                        shared[key] = names = [];
                    }

                    names.Add(programme.ProgrammeName);
                }
            }
        }

        foreach (var flow in referrals)
        {
            if (flow.FromOrganisationId == flow.ToOrganisationId || !nodes.ContainsKey(flow.FromOrganisationId) || !nodes.ContainsKey(flow.ToOrganisationId))
            {
                continue;
            }

            var key = Pair(flow.FromOrganisationId, flow.ToOrganisationId);
            referred[key] = referred.GetValueOrDefault(key) + flow.Count;
        }

        var links = shared.Keys.Union(referred.Keys)
            // Most links at full scale are referrals only (hundreds of thousands): they share one empty array
            // rather than carry an empty list each (issue 12, memory).
            .Select(k => new NetworkLink(k.Item1, k.Item2, shared.GetValueOrDefault(k)?.Order(NameOrder.Comparer()).ToArray() ?? [], referred.GetValueOrDefault(k)))
            .OrderBy(l => l.A).ThenBy(l => l.B)
            .ToList();
        var centrality = Centrality.Compute(nodes.Keys, links.Select(l => (l.A, l.B)));
        var graphNodes = nodes.Values
            .Select(o => new NetworkNode(o, centrality[o.Id]))
            .OrderBy(n => n.Organisation.Name, NameOrder.Comparer())
            .ToList();
        return new NetworkGraph(graphNodes, links);
    }

    private static (int, int) Pair(int a, int b) => a < b ? (a, b) : (b, a);
}
