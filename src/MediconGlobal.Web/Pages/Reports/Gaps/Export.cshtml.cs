using System.Text;
using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Privacy;
using MediconGlobal.Core.Reports.Gaps;
using MediconGlobal.Core.Security;
using MediconGlobal.Core.Time;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Infrastructure.Localisation;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Reports.Gaps;

/// <summary>
/// Downloads the report as XLSX or CSV. Always the protected view, whoever asks (same numbers as that view on screen),
/// in the reader's language: headings, measures and filters through the localiser, axis values by the page's term
/// names (issue 14).
/// </summary>
[Authorize(Policy = Policies.Reports)]
public class ExportModel(AppDbContext db, TimeProvider clock, CatalogueCache catalogue, NeedFactsCache needFacts, SmallCellProtection protection, DisplayTime time, IStringLocalizer<SharedResource> t, TermNames termNames) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public GapReportRequest Selection { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Format { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var validation = await new GapReportRequestValidator().ValidateAsync(Selection, cancellationToken);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState, nameof(Selection));
            return Page();
        }

        var viewer = User.ToViewer();
        var query = Selection.ToQuery(GapReportRequest.FixedIncubatorFor(viewer));
        var name = $"gap-report-{query.Rows}-by-{query.Columns}-{time.Today(clock):yyyy-MM-dd}".ToLowerInvariant();
        var analysis = new GapAnalysis(db, catalogue, protection, needFacts);
        var terms = await termNames.GetAsync(cancellationToken);
        string Label(AxisValue value) => terms.Of(value, t);

        // The "searched, found nothing" layer, published like every figure of a download, when it has any (ADR 1779).
        var tallies = await SearchedNothing.LoadAsync(db, query.Filters, cancellationToken);
        var searches = tallies.Count == 0 ? null
            : SearchedNothing.Compute(query, await analysis.AxisTermsAsync(query.Rows, cancellationToken), await analysis.AxisTermsAsync(query.Columns, cancellationToken), tallies, protection);
        if (string.Equals(Format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            var report = await analysis.ComputeAsync(query, viewer, GapView.Protected, cancellationToken);
            await using var writer = new StringWriter();
            GapExport.WriteCsv(writer, report, t, Label, searches);
            return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(writer.ToString())).ToArray(), "text/csv; charset=utf-8", name + ".csv");
        }

        if (!string.Equals(Format, "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(Format), t["Choose XLSX or CSV."]);
            return Page();
        }

        var data = await analysis.ExportAsync(query, viewer, cancellationToken);
        var filters = data.Filters.Select(f => new KeyValuePair<string, string>(t[f.Key], GapHeat.InWords(t, terms, f.Key, f.Value, query))).ToList();
        return this.XlsxFile(stream => GapExport.WriteXlsx(stream, data with { Filters = filters }, t, Label, searches), name + ".xlsx");
    }
}
