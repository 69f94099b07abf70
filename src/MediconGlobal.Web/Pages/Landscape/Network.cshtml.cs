using System.Text.Json;
using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Landscape;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Landscape;

[Authorize(Policy = Policies.ProjectManagement)]
public class NetworkModel(AppDbContext db, NetworkCache networks, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>Organisations drawn at most: a drawing of thousands of circles is neither readable nor quick to lay out.</summary>
    public const int DrawnOrganisations = 120;

    /// <summary>Links drawn at most among the organisations drawn, the strongest first.</summary>
    public const int DrawnLinks = 600;

    /// <summary>Organisations per page of the table.</summary>
    public const int TablePageSize = 50;

    /// <summary>Other organisations named per row of the table (the strongest links); the rest are counted.</summary>
    public const int LinksPerRow = 12;

    /// <summary>Organisations without links named at most; the rest are counted.</summary>
    public const int IsolatedShown = 100;

    /// <summary>One colour per organisation type, shared by the drawing and its legend (dark enough for white borders).</summary>
    public static readonly IReadOnlyDictionary<OrganisationType, string> TypeColours = new Dictionary<OrganisationType, string>
    {
        [OrganisationType.Incubator] = "#0f6f74",
        [OrganisationType.ClusterOrganisation] = "#7a4fa3",
        [OrganisationType.RegionalInnovationAgency] = "#c25e00",
        [OrganisationType.NationalAgency] = "#1f5fa8",
        [OrganisationType.EuNetwork] = "#2e7d32",
        [OrganisationType.UniversityOrResearchInstitute] = "#8d6e00",
        [OrganisationType.HospitalOrHealthcareRegion] = "#b0304f",
        [OrganisationType.Municipality] = "#5d6b78",
        [OrganisationType.Investor] = "#6a3d1e",
        [OrganisationType.Company] = "#37474f",
        [OrganisationType.ForeignPartner] = "#0b2e4f",
    };

    [BindProperty(SupportsGet = true)]
    public OrganisationType? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    // From the query only: "page" is also the route value naming the Razor page, which a plain binding reads first.
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public NetworkGraph Graph { get; private set; } = new([], []);

    /// <summary>The organisations drawn: all of them up to <see cref="DrawnOrganisations"/>, else the most central.</summary>
    public IReadOnlyList<NetworkNode> Drawn { get; private set; } = [];

    /// <summary>The table's page of organisations, the most central first.</summary>
    public IReadOnlyList<NetworkNode> TableRows { get; private set; } = [];

    public int TablePages => Math.Max(1, (Graph.Nodes.Count + TablePageSize - 1) / TablePageSize);

    public IReadOnlyList<string> Countries { get; private set; } = [];

    public IReadOnlyDictionary<int, string> Names { get; private set; } = new Dictionary<int, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Countries = await OrganisationDirectory.CountriesAsync(db, cancellationToken);

        // A country no organisation has shows nobody (and is not kept as a graph of its own).
        Graph = string.IsNullOrEmpty(Country) || Countries.Contains(Country)
            ? await networks.GetAsync(db, new NetworkFilter(Type, string.IsNullOrEmpty(Country) ? null : Country), cancellationToken)
            : new NetworkGraph([], []);
        Names = Graph.Nodes.ToDictionary(n => n.Organisation.Id, n => n.Organisation.Name);
        Drawn = Graph.ByBetweenness.Take(DrawnOrganisations).ToList();
        PageNumber = Math.Clamp(PageNumber, 1, TablePages);
        TableRows = Graph.ByBetweenness.Skip((PageNumber - 1) * TablePageSize).Take(TablePageSize).ToList();
    }

    /// <summary>The address of another page of the table, with the filters kept.</summary>
    public string LinkTo(int page)
    {
        var values = new Dictionary<string, string?> { ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (Type is { } type)
        {
            values["type"] = type.ToString();
        }

        if (!string.IsNullOrEmpty(Country))
        {
            values["country"] = Country;
        }

        return QueryHelpers.AddQueryString(Url.Page("/Landscape/Network")!, values) + "#network-table";
    }

    /// <summary>An organisation's strongest links (most shared programmes and referrals first), at most <see cref="LinksPerRow"/>.</summary>
    public IReadOnlyList<NetworkLink> StrongestLinksOf(int organisationId) =>
        Graph.LinksOf(organisationId).OrderByDescending(l => l.Strength).ThenBy(l => Names[l.A == organisationId ? l.B : l.A], NameOrder.Comparer())
            .Take(LinksPerRow).ToList();

    /// <summary>The graph as Cytoscape elements, read by <c>wwwroot/js/network.js</c> from a data- attribute (no inline script).</summary>
    public string ElementsJson()
    {
        var drawn = Drawn.Select(n => n.Organisation.Id).ToHashSet();
        var links = Graph.Links.Where(l => drawn.Contains(l.A) && drawn.Contains(l.B))
            .OrderByDescending(l => l.Strength).ThenBy(l => l.A).ThenBy(l => l.B).Take(DrawnLinks);
        return JsonSerializer.Serialize(new
        {
            nodes = Drawn.Select(n => new
            {
                id = $"o{n.Organisation.Id}",
                label = n.Organisation.Name,
                colour = TypeColours.GetValueOrDefault(n.Organisation.Type, "#37474f"),
                degree = n.Centrality.Degree,
                broker = Graph.Brokers.Contains(n),
                url = $"/landscape/organisations/{n.Organisation.Id}",
            }),
            edges = links.Select(l => new
            {
                source = $"o{l.A}",
                target = $"o{l.B}",
                strength = l.Strength,
                referral = l.Referrals > 0,
            }),
        });
    }

    /// <summary>The other end of a link, with its referral count when there are referrals.</summary>
    public string Describe(NetworkLink link, int from)
    {
        var other = Names[link.A == from ? link.B : link.A];
        return link.Referrals switch
        {
            0 => other,
            1 => t["{0} (1 referral)", other],
            var n => t["{0} ({1} referrals)", other, n],
        };
    }

    public IEnumerable<string> ProgrammesOf(int organisationId) =>
        Graph.LinksOf(organisationId).SelectMany(l => l.SharedProgrammes).Distinct().Order(NameOrder.Comparer());
}
