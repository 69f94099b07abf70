using LinqKit;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Reports.Gaps;

/// <summary>A need behind a cell, with whether any published offer matches it.</summary>
public sealed record DrillDownNeed(int Id, int CompanyId, string CompanyName, string Category, string? Market, NeedStatus Status, UnmetReason? UnmetReason, DateTime LoggedAt, string Description, bool Covered);

/// <summary>A published offer that matches at least one need behind a cell.</summary>
public sealed record DrillDownOffer(int Id, string Name, string Provider, DateTime LastReviewedAt);

/// <summary>
/// The needs and offers behind one cell. <see cref="Needs"/> is null when the viewer may not see individual
/// needs (partner staff); both lists are empty when the cell shows no needs (in the protected view: none, or
/// too few companies to show).
/// </summary>
public sealed record GapDrillDown(AxisValue Row, AxisValue Column, GapEntry Entry, IReadOnlyList<DrillDownNeed>? Needs, IReadOnlyList<DrillDownOffer> Offers, int OfferCount);

public sealed partial class GapAnalysis
{
    /// <summary>The needs (when the viewer may see them, at most <paramref name="limit"/>) and the offers behind a cell of <paramref name="report"/>.</summary>
    public async Task<GapDrillDown> DrillDownAsync(GapReport report, int row, int column, Viewer viewer, int limit = 200, CancellationToken cancellationToken = default)
    {
        var (rowValue, columnValue, entry) = (report.Rows[row], report.Columns[column], report.Cell(row, column));
        if (entry.Figures.Needs == 0)
        {
            return new GapDrillDown(rowValue, columnValue, entry, MayListNeeds(viewer) ? [] : null, [], 0);
        }

        var needs = InCell(InCell(Needs(report.Query.Filters, viewer), report.Query.Rows, rowValue.Id), report.Query.Columns, columnValue.Id);
        var facts = await needs.AsExpandable()
            .Select(n => new { n.Id, Fact = new NeedFact(n.CompanyId, Need.ProfileOf.Invoke(n), n.Status, n.UnmetReason, n.LoggedAt) })
            .ToListAsync(cancellationToken);
        var index = await OffersAsync(cancellationToken);
        var matched = new ulong[index.TotalWords];
        var scratch = new ulong[Math.Max(1, index.MaxBlockWords)];
        var covered = new HashSet<int>();
        foreach (var item in facts)
        {
            var (offset, words) = index.Match(item.Fact, scratch);
            for (var w = 0; w < words; w++)
            {
                matched[offset + w] |= scratch[w];
                if (scratch[w] != 0)
                {
                    covered.Add(item.Id);
                }
            }
        }

        var offerIds = index.OfferIds(matched).ToList();
        var shownIds = offerIds.Take(limit).ToList();
        var offers = await db.Offers.AsNoTracking().Where(o => shownIds.Contains(o.Id))
            .OrderByName(o => o.Name, db)
            .Select(o => new DrillDownOffer(o.Id, o.Name, o.Provider!.Name, o.LastReviewedAt))
            .ToListAsync(cancellationToken);

        List<DrillDownNeed>? needRows = null;
        if (MayListNeeds(viewer))
        {
            var rows = await needs.OrderByDescending(n => n.LoggedAt).ThenBy(n => n.Id).Take(limit)
                .Select(n => new { n.Id, n.CompanyId, Company = n.Company!.Name, Category = n.Category!.Name, Market = n.Market!.Name, n.Status, n.UnmetReason, n.LoggedAt, n.Description })
                .ToListAsync(cancellationToken);
            needRows = rows.Select(n => new DrillDownNeed(n.Id, n.CompanyId, n.Company, n.Category, n.Market, n.Status, n.UnmetReason, n.LoggedAt, n.Description, covered.Contains(n.Id))).ToList();
        }

        return new GapDrillDown(rowValue, columnValue, entry, needRows, offers, offerIds.Count);
    }
}
