using MediconGlobal.Core.Data;
using MediconGlobal.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Reports.Gaps;

/// <summary>A published offer behind a shown cell, for the export's drill-down sheet.</summary>
public sealed record GapExportOffer(AxisValue Row, AxisValue Column, int OfferId, string Offer, string Provider);

/// <summary>
/// What an export holds: the protected report, the offers behind its cells that show needs and the filters in words.
/// <see cref="Offers"/> is made as it is enumerated (cell by cell, by name; a full-scale category × market report has
/// millions of them), so enumerate it once, while writing.
/// </summary>
public sealed record GapExportData(GapReport Report, IEnumerable<GapExportOffer> Offers, IReadOnlyList<KeyValuePair<string, string>> Filters);

public sealed partial class GapAnalysis
{
    /// <summary>
    /// The report for an export: always the protected view (whoever asks), with the offers behind every
    /// cell that shows needs, found in the same single pass as the figures.
    /// </summary>
    public async Task<GapExportData> ExportAsync(GapQuery query, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var offersByCell = new Dictionary<(int Row, int Column), List<int>>();
        var full = await ComputeFullAsync(query, viewer, (r, c, ids) => offersByCell[(r, c)] = ids.ToList(), cancellationToken);
        var report = Protect(full);

        // The protected report leaves out rows and columns that show nothing: find the cells by their axis values.
        var shown = offersByCell
            .Select(kv => (Cell: report.Find(full.Rows[kv.Key.Row].Id, full.Columns[kv.Key.Column].Id), Offers: kv.Value))
            .Where(x => x.Cell is { } cell && report.Cell(cell.Row, cell.Column).Figures.Needs > 0 && x.Offers.Count > 0)
            .Select(x => (Cell: x.Cell!.Value, x.Offers))
            .ToList();
        var ids = shown.SelectMany(x => x.Offers).Distinct().ToList();
        var names = await db.Offers.AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, Provider = o.Provider!.Name })
            .ToDictionaryAsync(o => o.Id, cancellationToken);
        var order = NameOrder.Comparer();
        var rows = shown.OrderBy(x => x.Cell.Row).ThenBy(x => x.Cell.Column)
            .SelectMany(x => x.Offers.Select(id => names[id]).OrderBy(o => o.Name, order)
                .Select(o => new GapExportOffer(report.Rows[x.Cell.Row], report.Columns[x.Cell.Column], o.Id, o.Name, o.Provider)));
        return new GapExportData(report, rows, await DescribeAsync(query, cancellationToken));
    }

    /// <summary>The dimensions and filters of a query in words, as shown on screen and in exports.</summary>
    public async Task<IReadOnlyList<KeyValuePair<string, string>>> DescribeAsync(GapQuery query, CancellationToken cancellationToken = default)
    {
        var filters = query.Filters;
        var termIds = new[] { filters.RegionId, filters.SectorId }.OfType<int>().ToList();
        var terms = await db.TaxonomyTerms.AsNoTracking().Where(t => termIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var incubator = filters.HomeIncubatorId is { } id
            ? await db.Organisations.AsNoTracking().Where(o => o.Id == id).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
        var country = GapFilterOptions.Countries.FirstOrDefault(c => c.Code == filters.CountryCode).Name ?? filters.CountryCode;
        string Or(string? value) => string.IsNullOrEmpty(value) ? "All" : value; // l10n
        return
        [
            new("Rows", query.Rows.Label()),
            new("Columns", query.Columns.Label()),
            new("Logged from", filters.From?.ToString("yyyy-MM-dd") ?? "Any date"), // l10n
            new("Logged to", filters.To?.ToString("yyyy-MM-dd") ?? "Any date"),
            new("Country of the company", Or(country)),
            new("Region of the company", Or(filters.RegionId is { } r ? terms.GetValueOrDefault(r, $"#{r}") : null)),
            new("Home incubator", Or(incubator ?? (filters.HomeIncubatorId is { } i ? $"#{i}" : null))),
            new("Sector", Or(filters.SectorId is { } s ? terms.GetValueOrDefault(s, $"#{s}") : null)),
            new("Need status", string.Join(", ", filters.EffectiveStatuses)),
        ];
    }
}
