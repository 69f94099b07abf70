using System.Text.Json;
using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Landscape;
using MediconGlobal.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MediconGlobal.Web.Pages.Landscape;

[Authorize(Policy = Policies.ProjectManagement)]
public class NetworkModel(AppDbContext db) : PageModel
{
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

    public NetworkGraph Graph { get; private set; } = new([], []);

    public IReadOnlyList<string> Countries { get; private set; } = [];

    public IReadOnlyDictionary<int, string> Names { get; private set; } = new Dictionary<int, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Countries = await OrganisationDirectory.CountriesAsync(db, cancellationToken);
        Graph = await CollaborationNetworkQuery.LoadAsync(db, new NetworkFilter(Type, Country), cancellationToken);
        Names = Graph.Nodes.ToDictionary(n => n.Organisation.Id, n => n.Organisation.Name);
    }

    /// <summary>The graph as Cytoscape elements, read by <c>wwwroot/js/network.js</c> from a data- attribute (no inline script).</summary>
    public string ElementsJson() => JsonSerializer.Serialize(new
    {
        nodes = Graph.Nodes.Select(n => new
        {
            id = $"o{n.Organisation.Id}",
            label = n.Organisation.Name,
            colour = TypeColours.GetValueOrDefault(n.Organisation.Type, "#37474f"),
            degree = n.Centrality.Degree,
            broker = Graph.Brokers.Contains(n),
            url = $"/landscape/organisations/{n.Organisation.Id}",
        }),
        edges = Graph.Links.Select(l => new
        {
            source = $"o{l.A}",
            target = $"o{l.B}",
            strength = l.Strength,
            referral = l.Referrals > 0,
        }),
    });

    /// <summary>The other end of a link, with its referral count when there are referrals.</summary>
    public string Describe(NetworkLink link, int from)
    {
        var other = Names[link.A == from ? link.B : link.A];
        return link.Referrals switch
        {
            0 => other,
            1 => $"{other} (1 referral)",
            var n => $"{other} ({n} referrals)",
        };
    }

    public IEnumerable<string> ProgrammesOf(int organisationId) =>
        Graph.LinksOf(organisationId).SelectMany(l => l.SharedProgrammes).Distinct().Order(StringComparer.CurrentCulture);
}
