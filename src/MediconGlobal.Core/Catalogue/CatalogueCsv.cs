using System.Globalization;
using System.Text;
using CsvHelper;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Exports;
using MediconGlobal.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Catalogue;

/// <summary>One offer as a CSV row. Term lists are joined with "; " and left empty for "any".</summary>
public sealed record CatalogueCsvRow(
    int Id,
    string Name,
    string Provider,
    string? Programme,
    string Category,
    string Format,
    string Cost,
    string? CostDetails,
    string Stages,
    string Sectors,
    string Regions,
    string Markets,
    string Languages,
    string? HowToApply,
    string? Dates,
    string? ContactName,
    string? ContactEmail,
    string? Website,
    string LastReviewed,
    string Description);

/// <summary>Offers as CSV (UTF-8 with BOM so spreadsheet programs read å, ä, ö and ø correctly).</summary>
public static class CatalogueCsv
{
    /// <summary>The rows of <paramref name="offerIds"/> in that order; the last-reviewed day is the day in <paramref name="time"/>'s zone.</summary>
    public static async Task<IReadOnlyList<CatalogueCsvRow>> LoadRowsAsync(AppDbContext db, IReadOnlyList<int> offerIds, DisplayTime time, CancellationToken cancellationToken = default)
    {
        var terms = await TermCatalog.LoadAsync(db, cancellationToken);
        var offers = await db.Offers.AsNoTracking().Where(o => offerIds.Contains(o.Id))
            .Select(o => new
            {
                o.Id,
                o.Name,
                Provider = o.Provider!.Name,
                Programme = o.Programme != null ? o.Programme.Name : null,
                Category = o.Category!.Name,
                o.Format,
                o.Cost,
                o.CostDetails,
                o.HowToApply,
                o.Dates,
                o.ContactName,
                o.ContactEmail,
                o.Website,
                o.LastReviewedAt,
                o.Description,
            })
            .ToDictionaryAsync(o => o.Id, cancellationToken);
        var links = (await db.OfferTerms.AsNoTracking().Where(t => offerIds.Contains(t.OfferId)).Select(t => new { t.OfferId, t.TermId }).ToListAsync(cancellationToken))
            .ToLookup(t => t.OfferId, t => t.TermId);

        string Join(int offerId, TaxonomyKind kind) =>
            string.Join("; ", terms.NamesOf(links[offerId].Where(t => terms.Find(t) is { IsAgnostic: false } term && term.Kind == kind)));

        return offerIds.Where(offers.ContainsKey).Select(id =>
        {
            var o = offers[id];
            return new CatalogueCsvRow(o.Id, o.Name, o.Provider, o.Programme, o.Category, DisplayNames.Of(o.Format), DisplayNames.Of(o.Cost), o.CostDetails,
                Join(id, TaxonomyKind.Stage), Join(id, TaxonomyKind.Sector), Join(id, TaxonomyKind.Region), Join(id, TaxonomyKind.Market), Join(id, TaxonomyKind.Language),
                o.HowToApply, o.Dates, o.ContactName, o.ContactEmail, o.Website, time.Day(o.LastReviewedAt), o.Description ?? "");
        }).ToList();
    }

    /// <summary>The rows as CSV; the LastReviewed column's header names <paramref name="time"/>'s zone (issue 13 item 5).</summary>
    public static byte[] Write(IEnumerable<CatalogueCsvRow> rows, DisplayTime time)
    {
        ArgumentNullException.ThrowIfNull(time);
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = ExportCells.CsvWriter(writer))
        {
            var map = csv.Context.AutoMap<CatalogueCsvRow>();
            map.MemberMaps.Single(m => m.Data.Member?.Name == nameof(CatalogueCsvRow.LastReviewed)).Name($"{nameof(CatalogueCsvRow.LastReviewed)} ({time.ZoneId})");
            csv.Context.RegisterClassMap(map);
            csv.WriteRecords(rows);
        }

        return stream.ToArray();
    }
}
