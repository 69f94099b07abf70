using System.Globalization;
using MediconGlobal.Core.Reports.Gaps;
using MediconGlobal.Web.Infrastructure.Localisation;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Reports.Gaps;

/// <summary>The heatmap's colour scale (by coverage) and how figures are written. Colour is never the only signal.</summary>
public static class GapHeat
{
    /// <summary>Bands of coverage, lowest first; the CSS classes heat-0 … heat-4 colour them (reports.css).</summary>
    public static readonly IReadOnlyList<(int From, int To)> Bands = [(0, 19), (20, 39), (40, 59), (60, 79), (80, 100)];

    public static string CssClass(GapEntry entry) => entry.Figures switch
    {
        { Needs: 0 } => "heat-empty",
        { Coverage: { } coverage } => $"heat-{Band(coverage)}",
        _ => "heat-empty",
    };

    public static int Band(double coverage) => Math.Min(4, (int)Math.Floor(coverage * 100 / 20));

    public static int Value(GapFigures figures, GapMeasure measure) => measure switch
    {
        GapMeasure.Unmet => figures.Unmet,
        GapMeasure.Companies => figures.Companies,
        GapMeasure.Offers => figures.Offers,
        GapMeasure.Met => figures.Met,
        _ => figures.Needs,
    };

    public static string StatusText(Core.Domain.NeedStatus status) => Shared.CaseLabels.Label(status);

    /// <summary>
    /// One line of <see cref="GapAnalysis.DescribeAsync"/> in the reader's language: dimension names, need statuses,
    /// countries, "any date" and "all" are translated, the region and sector by their terms' labels; organisation
    /// names stay as stored.
    /// </summary>
    public static string InWords(IStringLocalizer t, PageTerms terms, string name, string value, GapQuery query) => (name, query.Filters) switch
    {
        ("Rows" or "Columns", _) => t[value].Value,
        ("Need status", var filters) => string.Join(", ", filters.EffectiveStatuses.Select(s => t[StatusText(s)].Value)),
        _ when value is "Any date" or "All" => t[value].Value,
        ("Country of the company", _) => t[value].Value,
        ("Region of the company", { RegionId: { } region }) => terms.Of(region, value),
        ("Sector", { SectorId: { } sector }) => terms.Of(sector, value),
        _ => value,
    };

    public static string ReasonText(Core.Domain.UnmetReason reason) => reason == Core.Domain.UnmetReason.NotAvailable ? "not available" : "not eligible";

    public static string Percent(double? share) => share is { } s ? Math.Round(s * 100, MidpointRounding.AwayFromZero).ToString(CultureInfo.CurrentCulture) + " %" : "–";
}

/// <summary>What the matrix partial draws: a report, the number printed in cells, and where a cell links to (none in snapshots).</summary>
public sealed record GapMatrixView(GapReport Report, GapMeasure Measure, Func<int, int, string>? CellLink = null, (int Row, int Column)? Selected = null);
