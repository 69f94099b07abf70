using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Landscape;

/// <summary>One organisation on the engagement pipeline, with its latest step.</summary>
public sealed record PipelineEntry(
    int Id,
    string Name,
    OrganisationType Type,
    string CountryCode,
    string? RegionName,
    PartnershipStatus Status,
    string? CollaborationNeeds,
    DateTime? Since,
    string? ChangedBy);

public static class PipelineQuery
{
    public static async Task<IReadOnlyList<PipelineEntry>> LoadAsync(AppDbContext db, OrganisationType? type, string? countryCode, CancellationToken cancellationToken = default)
    {
        var organisations = db.Organisations.AsNoTracking();
        if (type is { } t)
        {
            organisations = organisations.Where(o => o.Type == t);
        }

        if (!string.IsNullOrEmpty(countryCode))
        {
            organisations = organisations.Where(o => o.CountryCode == countryCode);
        }

        return await organisations
            .OrderByName(o => o.Name, db)
            .Select(o => new PipelineEntry(
                o.Id,
                o.Name,
                o.Type,
                o.CountryCode,
                o.Region != null ? o.Region.Name : null,
                o.PartnershipStatus,
                o.CollaborationNeeds,
                o.PartnershipHistory.OrderByDescending(h => h.ChangedAt).Select(h => (DateTime?)h.ChangedAt).FirstOrDefault(),
                o.PartnershipHistory.OrderByDescending(h => h.ChangedAt).Select(h => h.ChangedByName).FirstOrDefault()))
            .ToListAsync(cancellationToken);
    }
}
