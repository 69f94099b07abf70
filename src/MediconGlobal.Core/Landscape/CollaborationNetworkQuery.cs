using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Landscape;

/// <summary>Which organisations the network shows.</summary>
public sealed record NetworkFilter(OrganisationType? Type = null, string? CountryCode = null);

/// <summary>
/// Loads the collaboration network from programmes and referrals in three set-based queries. Called once per
/// change of the network (<see cref="NetworkCache"/>); at full scale the referral flows (300,000 referrals joined
/// to their need's company and grouped) are most of its cost (docs/performance.md).
/// </summary>
public static class CollaborationNetworkQuery
{
    public static async Task<NetworkGraph> LoadAsync(AppDbContext db, NetworkFilter filter, CancellationToken cancellationToken = default)
    {
        var organisations = db.Organisations.AsNoTracking();
        if (filter.Type is { } type)
        {
            organisations = organisations.Where(o => o.Type == type);
        }

        if (!string.IsNullOrEmpty(filter.CountryCode))
        {
            organisations = organisations.Where(o => o.CountryCode == filter.CountryCode);
        }

        var nodes = await organisations
            .Select(o => new NetworkOrganisation(o.Id, o.Name, o.Type, o.CountryCode))
            .ToListAsync(cancellationToken);

        var programmes = await db.Programmes.AsNoTracking()
            .Select(p => new
            {
                p.Id,
                p.Name,
                p.LeadOrganisationId,
                p.FunderOrganisationId,
                Partners = p.Partners.Select(x => x.OrganisationId).ToList(),
            })
            .ToListAsync(cancellationToken);
        var memberships = programmes.Select(p => new ProgrammeMembership(
            p.Id,
            p.Name,
            [p.LeadOrganisationId, .. p.Partners, .. p.FunderOrganisationId is { } funder ? [funder] : Array.Empty<int>()]));

        // A referral links the referring client's home incubator to the organisation that received it.
        var flows = await db.Referrals.AsNoTracking()
            .Where(r => r.Need!.Company!.HomeIncubatorId != null)
            .GroupBy(r => new { From = r.Need!.Company!.HomeIncubatorId!.Value, To = r.ReceivingOrganisationId })
            .Select(g => new ReferralFlow(g.Key.From, g.Key.To, g.Count()))
            .ToListAsync(cancellationToken);

        return CollaborationNetwork.Build(nodes, memberships, flows);
    }
}
