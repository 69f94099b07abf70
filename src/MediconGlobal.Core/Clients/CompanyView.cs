using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Clients;

public sealed record ConsentLine(bool Given, string Purpose, string By, DateTime At);

public sealed record NeedLine(
    int Id,
    string Category,
    string? Market,
    NeedPriority Priority,
    NeedStatus Status,
    UnmetReason? UnmetReason,
    bool RequestedByCompany,
    string LoggedByName,
    DateTime LoggedAt,
    int WaitingReferrals,
    int OverdueReferrals);

/// <summary>A client's record as its page shows it: profile, consent history and needs.</summary>
public sealed record CompanyView(
    int Id,
    int Version,
    string Name,
    string? OrganisationNumber,
    string CountryCode,
    string? Region,
    string? Sector,
    string? Stage,
    int? FoundedYear,
    int? Employees,
    string? Website,
    string? Description,
    string? HomeIncubator,
    bool SharesDataWithPartners,
    bool IsFictional,
    IReadOnlyList<string> Advisors,
    IReadOnlyList<string> TargetMarkets,
    IReadOnlyList<ConsentLine> Consent,
    IReadOnlyList<NeedLine> Needs)
{
    /// <summary>Loads the record if the viewer may see it; null otherwise (the page answers 404).</summary>
    public static async Task<CompanyView?> LoadAsync(AppDbContext db, Viewer viewer, int id, DateTime now, CancellationToken cancellationToken = default)
    {
        var overdue = Referral.OverdueAt(now);
        var collation = NameOrder.Collation(db.Database);
        var head = await db.Companies.AsNoTracking().VisibleTo(viewer).Where(c => c.Id == id)
            .Select(c => new
            {
                c.Id,
                c.Version,
                c.Name,
                c.OrganisationNumber,
                c.CountryCode,
                Region = c.Region != null ? c.Region.Name : null,
                Sector = c.Sector != null ? c.Sector.Name : null,
                Stage = c.Stage != null ? c.Stage.Name : null,
                c.FoundedYear,
                c.Employees,
                c.Website,
                c.Description,
                HomeIncubator = c.HomeIncubator != null ? c.HomeIncubator.Name : null,
                c.SharesDataWithPartners,
                c.IsFictional,
                Advisors = c.Advisors.Select(a => a.User!.DisplayName).ToList(),
                Markets = c.Terms.OrderBy(t => t.Term!.SortOrder).ThenBy(t => EF.Functions.Collate(t.Term!.Name, collation)).Select(t => t.Term!.Name).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (head is null)
        {
            return null;
        }

        var consent = await db.ConsentRecords.AsNoTracking().Where(r => r.CompanyId == id).OrderByDescending(r => r.RecordedAt).ThenByDescending(r => r.Id)
            .Select(r => new ConsentLine(r.Given, r.Purpose, r.RecordedByName, r.RecordedAt)).ToListAsync(cancellationToken);
        var needs = await db.Needs.AsNoTracking().Where(n => n.CompanyId == id)
            .OrderBy(Need.Closed)
            .ThenByDescending(n => n.LoggedAt)
            .Select(n => new NeedLine(
                n.Id,
                n.Category!.Name,
                n.Market != null ? n.Market.Name : null,
                n.Priority,
                n.Status,
                n.UnmetReason,
                n.RequestedByCompany,
                n.LoggedByName,
                n.LoggedAt,
                n.Referrals.Count(r => r.Status == ReferralStatus.Sent),
                n.Referrals.AsQueryable().Count(overdue)))
            .ToListAsync(cancellationToken);
        return new CompanyView(
            head.Id, head.Version, head.Name, head.OrganisationNumber, head.CountryCode, head.Region, head.Sector, head.Stage, head.FoundedYear,
            head.Employees, head.Website, head.Description, head.HomeIncubator, head.SharesDataWithPartners, head.IsFictional, head.Advisors, head.Markets,
            consent, needs);
    }
}
