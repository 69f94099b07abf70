using System.Text;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Exports;
using MediconGlobal.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Core.Catalogue;

/// <summary>
/// One offer as a CSV row, its values in the reader's words (<see cref="CatalogueCsv.LoadRowsAsync"/>). Term lists are
/// joined with "; " and left empty for "any"; names, descriptions and contacts stay as their authors wrote them.
/// </summary>
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

/// <summary>
/// Offers as CSV (UTF-8 with BOM so spreadsheet programs read å, ä, ö and ø correctly), for people opening the
/// download of /offers or a shortlist in a spreadsheet: headings and values in the reader's language the way the
/// report exports are written (ADR 1405, 1406) — headings through the reader's localiser, terms (category, format,
/// stages, sectors, regions, markets, languages) through a term-naming function, cost through the localiser; English
/// when neither is given (<see cref="EnglishText"/>). Machine exchange of offers is HSDS (HsdsTabularExport), not this.
/// </summary>
public static class CatalogueCsv
{
    /// <summary>The column headings in order; the last-reviewed one names the display zone.</summary>
    private static readonly string[] Headings =
    [
        "Id", "Name", "Provider", "Programme", "Category", "Format", "Cost", "Cost details", // l10n
        "Stages", "Sectors", "Regions", "Markets", "Languages", "How to apply", "Dates", // l10n
        "Contact name", "Contact e-mail", "Website", "Last reviewed ({0})", "Description", // l10n
    ];

    /// <summary>
    /// The rows of <paramref name="offerIds"/> in that order; the last-reviewed day is the day (yyyy-MM-dd) in
    /// <paramref name="time"/>'s zone.
    /// </summary>
    /// <param name="t">The reader's localiser (cost and, when a format has no term, the format); null writes English.</param>
    /// <param name="termName">A term's name for the reader (the page's term labels); null writes the stored English name.</param>
    public static async Task<IReadOnlyList<CatalogueCsvRow>> LoadRowsAsync(AppDbContext db, IReadOnlyList<int> offerIds, DisplayTime time, IStringLocalizer? t = null, Func<TermInfo, string>? termName = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(time);
        t ??= EnglishText.Instance;
        string Name(TermInfo term) => termName?.Invoke(term) ?? term.Name;
        var terms = await TermCatalog.LoadAsync(db, cancellationToken);
        var offers = await db.Offers.AsNoTracking().Where(o => offerIds.Contains(o.Id))
            .Select(o => new
            {
                o.Id,
                o.Name,
                Provider = o.Provider!.Name,
                Programme = o.Programme != null ? o.Programme.Name : null,
                o.CategoryId,
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
        var links = (await db.OfferTerms.AsNoTracking().Where(link => offerIds.Contains(link.OfferId)).Select(link => new { link.OfferId, link.TermId }).ToListAsync(cancellationToken))
            .ToLookup(link => link.OfferId, link => link.TermId);

        string Join(int offerId, TaxonomyKind kind) =>
            string.Join("; ", links[offerId].Select(terms.Find).OfType<TermInfo>().Where(term => !term.IsAgnostic && term.Kind == kind).OrderBy(term => term.SortOrder).ThenBy(term => term.Name, StringComparer.Ordinal).Select(Name));
        string Format(OfferFormat format) => terms.Find(TaxonomyKind.Format, format.ToString()) is { } term ? Name(term) : t[DisplayNames.Of(format)].Value;

        return offerIds.Where(offers.ContainsKey).Select(id =>
        {
            var o = offers[id];
            return new CatalogueCsvRow(o.Id, o.Name, o.Provider, o.Programme, terms.Find(o.CategoryId) is { } category ? Name(category) : "", Format(o.Format), t[DisplayNames.Of(o.Cost)].Value, o.CostDetails,
                Join(id, TaxonomyKind.Stage), Join(id, TaxonomyKind.Sector), Join(id, TaxonomyKind.Region), Join(id, TaxonomyKind.Market), Join(id, TaxonomyKind.Language),
                o.HowToApply, o.Dates, o.ContactName, o.ContactEmail, o.Website, time.Day(o.LastReviewedAt), o.Description ?? "");
        }).ToList();
    }

    /// <summary>
    /// The rows as CSV under headings in the reader's language (<paramref name="t"/>; null writes English); the
    /// last-reviewed heading names <paramref name="time"/>'s zone (issue 13 item 5).
    /// </summary>
    public static byte[] Write(IEnumerable<CatalogueCsvRow> rows, DisplayTime time, IStringLocalizer? t = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(time);
        t ??= EnglishText.Instance;
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = ExportCells.CsvWriter(writer))
        {
            ExportCells.WriteCsvRecord(csv, Headings.Select(heading => t[heading, time.ZoneId].Value));
            foreach (var r in rows)
            {
                ExportCells.WriteCsvRecord(csv, [r.Id, r.Name, r.Provider, r.Programme, r.Category, r.Format, r.Cost, r.CostDetails, r.Stages, r.Sectors, r.Regions, r.Markets,
                    r.Languages, r.HowToApply, r.Dates, r.ContactName, r.ContactEmail, r.Website, r.LastReviewed, r.Description]);
            }
        }

        return stream.ToArray();
    }
}
