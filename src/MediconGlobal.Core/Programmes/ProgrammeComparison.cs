using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Programmes;

/// <summary>A step of a funnel with its share of the funnel's first step.</summary>
public sealed record FunnelStep(string Metric, int? Actual, double? ShareOfFirst);

/// <summary>Indicators named as steps of one funnel, e.g. "learned about Leap 200 → implemented 5".</summary>
public sealed record Funnel(string Name, IReadOnlyList<FunnelStep> Steps);

public sealed record ComparedIndicator(int Id, string Metric, int? Target, int? Actual, string? Funnel);

/// <summary>
/// One initiative reduced to what a side-by-side comparison shows; <see cref="Activities"/> is what its recorded
/// activities add up to, its activity funnel (ADR 1741).
/// </summary>
public sealed record ComparedProgramme(
    int Id,
    string Name,
    string Lead,
    ProgrammeStatus Status,
    string? Funder,
    long? FundingAmountMinor,
    Currency? FundingCurrency,
    DateOnly? Start,
    DateOnly? End,
    IReadOnlyList<string> Partners,
    IReadOnlyList<ComparedIndicator> Indicators,
    string? LessonsLearned,
    int Version,
    ActivityOutcomes Activities)
{
    /// <summary>Length in whole months (start and end day both included); null unless both dates are known.</summary>
    public int? DurationMonths => ProgrammeComparison.Months(Start, End);

    /// <summary>The largest actual of the result indicators: how many companies or people the initiative reached.</summary>
    public ComparedIndicator? Reach => Indicators.Where(i => i.Actual is not null).MaxBy(i => i.Actual);

    /// <summary>Funding divided by reach, in minor units of the funding currency.</summary>
    public long? FundingPerReachedMinor => FundingAmountMinor is { } funding && Reach?.Actual is > 0 and var reached ? funding / reached : null;

    public IReadOnlyList<Funnel> Funnels => ProgrammeComparison.Funnels(Indicators);

    /// <summary>What came of the referrals to the programme's offers (ADR 1777).</summary>
    public ReferralResults Referrals { get; init; } = ReferralResults.None;
}

public static class ProgrammeComparison
{
    /// <summary>How many programmes fit side by side.</summary>
    public const int MaxCompared = 6;

    public static int? Months(DateOnly? start, DateOnly? end) =>
        start is { } s && end is { } e && e >= s ? (int)Math.Round((e.DayNumber - s.DayNumber + 1) / 30.44, MidpointRounding.AwayFromZero) : null;

    /// <summary>Funnels of at least two steps, each step's actual as a share of the first step's.</summary>
    public static IReadOnlyList<Funnel> Funnels(IEnumerable<ComparedIndicator> indicators) =>
        indicators.Where(i => !string.IsNullOrWhiteSpace(i.Funnel))
            .GroupBy(i => i.Funnel!.Trim(), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() >= 2)
            .Select(g =>
            {
                var first = g.First().Actual;
                return new Funnel(g.First().Funnel!.Trim(), g.Select(i => new FunnelStep(i.Metric, i.Actual, first is > 0 && i.Actual is { } a ? (double)a / first.Value : null)).ToList());
            })
            .ToList();

    public static async Task<IReadOnlyList<(int Id, string Name, ProgrammeStatus Status)>> ChoicesAsync(AppDbContext db, CancellationToken cancellationToken = default) =>
        (await db.Programmes.AsNoTracking().OrderByName(p => p.Name, db).Select(p => new { p.Id, p.Name, p.Status }).ToListAsync(cancellationToken))
            .Select(p => (p.Id, p.Name, p.Status)).ToList();

    /// <summary>The programmes with the given ids, in the order asked.</summary>
    public static async Task<IReadOnlyList<ComparedProgramme>> LoadAsync(AppDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken = default)
    {
        var collation = NameOrder.Collation(db.Database);
        var rows = await db.Programmes.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id,
                p.Name,
                Lead = p.LeadOrganisation!.Name,
                p.Status,
                p.Funder,
                p.FundingAmountMinor,
                p.FundingCurrency,
                p.StartDate,
                p.EndDate,
                Partners = p.Partners.OrderBy(x => EF.Functions.Collate(x.Organisation!.Name, collation)).Select(x => x.Organisation!.Name + (x.Role == null ? "" : " (" + x.Role + ")")).ToList(),
                Indicators = p.Indicators.OrderBy(i => i.SortOrder).ThenBy(i => i.Id).Select(i => new ComparedIndicator(i.Id, i.Metric, i.Target, i.Actual, i.Funnel)).ToList(),
                p.LessonsLearned,
                p.Version,
            })
            .ToListAsync(cancellationToken);
        var byId = rows.ToDictionary(r => r.Id);
        var activities = await ActivityQueries.OutcomesAsync(db, byId.Keys, cancellationToken);
        var referrals = await ReferralResults.ForProgrammesAsync(db, byId.Keys, cancellationToken);
        return ids.Where(byId.ContainsKey).Distinct().Select(id => byId[id])
            .Select(r => new ComparedProgramme(
                r.Id, r.Name, r.Lead, r.Status, r.Funder, r.FundingAmountMinor, r.FundingCurrency, r.StartDate, r.EndDate, r.Partners, r.Indicators, r.LessonsLearned, r.Version,
                activities.GetValueOrDefault(r.Id, ActivityOutcomes.None))
            {
                Referrals = referrals.GetValueOrDefault(r.Id, ReferralResults.None),
            })
            .ToList();
    }
}
