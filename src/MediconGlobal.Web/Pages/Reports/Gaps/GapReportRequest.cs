using System.Globalization;
using FluentValidation;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Reports.Gaps;
using MediconGlobal.Core.Security;
using Microsoft.AspNetCore.WebUtilities;

namespace MediconGlobal.Web.Pages.Reports.Gaps;

/// <summary>What is printed as the big number in each cell; the colour is always the coverage.</summary>
public enum GapMeasure
{
    Needs,
    Unmet,
    Companies,
    Offers,
    Met,
}

/// <summary>
/// The report as asked for in the query string (so every report is a link): dimensions, filters, the view,
/// the number shown in cells and the cell drilled into. Bound as text and parsed here, so odd input shows a
/// message instead of failing.
/// </summary>
public sealed class GapReportRequest
{
    public string? Rows { get; set; }

    public string? Cols { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public string? Country { get; set; }

    public int? Region { get; set; }

    public int? Incubator { get; set; }

    public int? Sector { get; set; }

    public List<string> Status { get; set; } = [];

    /// <summary>"protected" asks a project manager's screen for the view partners and exports get.</summary>
    public string? View { get; set; }

    public string? Measure { get; set; }

    public string? Row { get; set; }

    public string? Col { get; set; }

    public bool PreviewProtected => string.Equals(View, "protected", StringComparison.OrdinalIgnoreCase);

    public GapMeasure MeasureOrDefault => Enum.TryParse<GapMeasure>(Measure, true, out var m) && Enum.IsDefined(m) ? m : GapMeasure.Needs;

    /// <summary>Advisors only ever see their own organisation's clients: their incubator filter is fixed.</summary>
    public static int? FixedIncubatorFor(Viewer viewer) =>
        viewer.SeesEverything || !viewer.IsInRole(Roles.Advisor) ? null : viewer.OrganisationId;

    public GapQuery ToQuery(int? forcedIncubator = null) => new(
        ParseDimension(Rows) ?? GapDimension.Category,
        ParseDimension(Cols) ?? (ParseDimension(Rows) == GapDimension.Market ? GapDimension.Category : GapDimension.Market),
        new GapFilters(
            ParseDate(From),
            ParseDate(To),
            string.IsNullOrWhiteSpace(Country) ? null : Country.Trim().ToUpperInvariant(),
            Region,
            forcedIncubator ?? Incubator,
            Sector,
            Status.Select(s => Enum.TryParse<NeedStatus>(s, true, out var v) ? v : (NeedStatus?)null).OfType<NeedStatus>().Distinct().ToList()));

    /// <summary>The drill-down cell keys, when both parse.</summary>
    public (int? Row, int? Column)? DrillDown =>
        AxisValue.TryParseKey(Row, out var row) && AxisValue.TryParseKey(Col, out var column) ? (row, column) : null;

    /// <summary>This request as query-string pairs, with <paramref name="change"/> applied.</summary>
    public string ToQueryString(Action<Dictionary<string, string?>>? change = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["rows"] = Rows,
            ["cols"] = Cols,
            ["from"] = From,
            ["to"] = To,
            ["country"] = Country,
            ["region"] = Region?.ToString(CultureInfo.InvariantCulture),
            ["incubator"] = Incubator?.ToString(CultureInfo.InvariantCulture),
            ["sector"] = Sector?.ToString(CultureInfo.InvariantCulture),
            ["view"] = View,
            ["measure"] = Measure,
            ["row"] = Row,
            ["col"] = Col,
        };
        change?.Invoke(values);
        var pairs = values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))
            .Concat(Status.Select(s => new KeyValuePair<string, string?>("status", s)));
        return QueryString.Create(pairs).ToUriComponent();
    }

    public static GapDimension? ParseDimension(string? value) =>
        Enum.TryParse<GapDimension>(value, true, out var d) && Enum.IsDefined(d) ? d : null;

    public static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}

public sealed class GapReportRequestValidator : AbstractValidator<GapReportRequest>
{

    public GapReportRequestValidator()
    {
        RuleFor(r => r.Rows).Must(v => string.IsNullOrEmpty(v) || GapReportRequest.ParseDimension(v) is not null).WithMessage("Choose a dimension for the rows.");
        RuleFor(r => r.Cols).Must(v => string.IsNullOrEmpty(v) || GapReportRequest.ParseDimension(v) is not null).WithMessage("Choose a dimension for the columns.");
        RuleFor(r => r.Cols).Must((r, cols) => r.ToQuery().Rows != r.ToQuery().Columns).WithMessage("Rows and columns must be two different dimensions.");
        RuleFor(r => r.From).Must(v => string.IsNullOrEmpty(v) || GapReportRequest.ParseDate(v) is not null).WithMessage("Enter the start date as a date, for example 2026-01-31.")
            .Must(v => CalendarDates.Contains(GapReportRequest.ParseDate(v))).WithMessage("Enter a start date between {CalendarEarliest} and {CalendarLatest}.");
        RuleFor(r => r.To).Must(v => string.IsNullOrEmpty(v) || GapReportRequest.ParseDate(v) is not null).WithMessage("Enter the end date as a date, for example 2026-12-31.")
            .Must(v => CalendarDates.Contains(GapReportRequest.ParseDate(v))).WithMessage("Enter an end date between {CalendarEarliest} and {CalendarLatest}.");
        RuleFor(r => r.To).Must((r, to) => GapReportRequest.ParseDate(r.From) is not { } from || GapReportRequest.ParseDate(to) is not { } end || from <= end)
            .WithMessage("The end date must not be before the start date.");
        RuleFor(r => r.Country).Must(c => string.IsNullOrEmpty(c) || Core.Domain.Countries.Oks.Contains(c.Trim().ToUpperInvariant())).WithMessage("Choose Sweden, Denmark or Norway.");
        RuleForEach(r => r.Status).Must(s => Enum.TryParse<NeedStatus>(s, true, out var v) && Enum.IsDefined(v)).WithMessage("Choose need statuses from the list.");
    }
}
