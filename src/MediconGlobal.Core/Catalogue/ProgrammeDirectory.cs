using System.Globalization;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Catalogue;

public sealed record ProgrammeCard(int Id, string Name, int LeadId, string Lead, ProgrammeStatus Status, DateOnly? Start, DateOnly? End, string? Funder, long? FundingAmountMinor, Currency? FundingCurrency, int Indicators, bool IsFictional);

public sealed record PartnerRole(int OrganisationId, string Name, string? Role);

public sealed record IndicatorRow(string Metric, int? Target, int? Actual, string? Notes);

public sealed record ProgrammeProfile(
    int Id,
    string Name,
    int LeadId,
    string Lead,
    string? Description,
    string? Funder,
    int? FunderOrganisationId,
    long? FundingAmountMinor,
    Currency? FundingCurrency,
    string? ReferenceNumber,
    DateOnly? Start,
    DateOnly? End,
    ProgrammeStatus Status,
    string? TargetGroup,
    string? Geography,
    string? Activities,
    string? LessonsLearned,
    IReadOnlyList<string> Links,
    bool IsFictional,
    IReadOnlyList<PartnerRole> Partners,
    IReadOnlyList<IndicatorRow> Indicators,
    IReadOnlyList<OfferCard> Offers);

public static class ProgrammeDirectory
{
    public static async Task<IReadOnlyList<ProgrammeCard>> ListAsync(AppDbContext db, string? text, ProgrammeStatus? status, CancellationToken cancellationToken = default)
    {
        var programmes = db.Programmes.AsNoTracking();
        foreach (var word in OfferTextSearch.Words(text))
        {
            programmes = programmes.Where(p => p.SearchText.Contains(word) || p.LeadOrganisation!.SearchText.Contains(word));
        }

        if (status is { } wanted)
        {
            programmes = programmes.Where(p => p.Status == wanted);
        }

        var rows = await programmes
            .Select(p => new ProgrammeCard(p.Id, p.Name, p.LeadOrganisationId, p.LeadOrganisation!.Name, p.Status, p.StartDate, p.EndDate, p.Funder,
                p.FundingAmountMinor, p.FundingCurrency, p.Indicators.Count, p.IsFictional))
            .ToListAsync(cancellationToken);
        // Running work first, then the most recent.
        return rows.OrderBy(p => p.Status == ProgrammeStatus.Active ? 0 : p.Status == ProgrammeStatus.Planned ? 1 : 2)
            .ThenByDescending(p => p.Start ?? DateOnly.MaxValue)
            .ThenBy(p => p.Name, NameOrder.Comparer())
            .ToList();
    }

    public static async Task<ProgrammeProfile?> LoadAsync(AppDbContext db, int id, DateTime now, CatalogueCache? catalogue = null, CancellationToken cancellationToken = default)
    {
        var p = await db.Programmes.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new
            {
                x.Id,
                x.Name,
                x.LeadOrganisationId,
                Lead = x.LeadOrganisation!.Name,
                x.Description,
                x.Funder,
                x.FunderOrganisationId,
                x.FundingAmountMinor,
                x.FundingCurrency,
                x.ReferenceNumber,
                x.StartDate,
                x.EndDate,
                x.Status,
                x.TargetGroup,
                x.Geography,
                x.Activities,
                x.LessonsLearned,
                x.Links,
                x.IsFictional,
                Partners = x.Partners.Select(pp => new PartnerRole(pp.OrganisationId, pp.Organisation!.Name, pp.Role)).ToList(),
                Indicators = x.Indicators.OrderBy(i => i.SortOrder).ThenBy(i => i.Id).Select(i => new IndicatorRow(i.Metric, i.Target, i.Actual, i.Notes)).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (p is null)
        {
            return null;
        }

        var offerIds = await db.Offers.AsNoTracking().Published().Where(o => o.ProgrammeId == id)
            .OrderByName(o => o.Name, db).Select(o => o.Id).ToListAsync(cancellationToken);
        var offers = await OfferSearch.CardsAsync(db, offerIds, now, catalogue, cancellationToken);
        var links = (p.Links ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        return new ProgrammeProfile(p.Id, p.Name, p.LeadOrganisationId, p.Lead, p.Description, p.Funder, p.FunderOrganisationId, p.FundingAmountMinor, p.FundingCurrency,
            p.ReferenceNumber, p.StartDate, p.EndDate, p.Status, p.TargetGroup, p.Geography, p.Activities, p.LessonsLearned, links, p.IsFictional,
            p.Partners.OrderBy(x => x.Name, NameOrder.Comparer()).ToList(), p.Indicators, offers);
    }

    /// <summary>
    /// "SEK 2,138,347" in English, "2 138 347 SEK" in Swedish, "2.138.347 SEK" in Danish: the amount in whole units
    /// (minor units only when there are any) with the ISO code where the culture puts its currency, a space between.
    /// </summary>
    public static string FormatFunding(long amountMinor, Currency currency, IFormatProvider? culture = null)
    {
        var format = (NumberFormatInfo)NumberFormatInfo.GetInstance(culture ?? CultureInfo.CurrentCulture).Clone();
        format.CurrencySymbol = currency.ToString();
        // 0 "$n" and 1 "n$" would glue the code to the number; 2 "$ n" and 3 "n $" keep the culture's side.
        format.CurrencyPositivePattern = format.CurrencyPositivePattern switch { 0 => 2, 1 => 3, var pattern => pattern };
        format.CurrencyDecimalDigits = amountMinor % 100 == 0 ? 0 : 2;
        return (amountMinor / 100m).ToString("C", format);
    }

    /// <summary>"May 2022 – January 2023", or one end when only one is known.</summary>
    public static string FormatPeriod(DateOnly? start, DateOnly? end, IFormatProvider? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        string Month(DateOnly d) => d.ToString("MMMM yyyy", culture);
        return (start, end) switch
        {
            ({ } s, { } e) => $"{Month(s)} – {Month(e)}",
            ({ } s, null) => $"{Month(s)} –",
            (null, { } e) => $"– {Month(e)}",
            _ => "",
        };
    }
}
