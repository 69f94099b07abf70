using System.Text;
using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Reports.Gaps;
using MediconGlobal.Core.Scope;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MediconGlobal.Web.Pages.Reports.Scope;

/// <summary>The scope and target-group analysis for the main project, with XLSX and CSV export.</summary>
[Authorize(Policy = Policies.ProjectManagement)]
public class IndexModel(AppDbContext db, TimeProvider clock, CatalogueCache catalogue) : PageModel
{
    public const int RankingShown = 10;

    public ScopeReport Report { get; private set; } = new([], [], []);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Report = await ScopeQuery.LoadAsync(db, User.ToViewer(), catalogue, cancellationToken);

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken)
    {
        var report = await ScopeQuery.LoadAsync(db, User.ToViewer(), catalogue, cancellationToken);
        var stream = new MemoryStream();
        ScopeExport.WriteXlsx(stream, report, clock.GetUtcNow().UtcDateTime);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName("xlsx"));
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var report = await ScopeQuery.LoadAsync(db, User.ToViewer(), catalogue, cancellationToken);
        await using var writer = new StringWriter();
        ScopeExport.WriteCsv(writer, report);
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(writer.ToString())).ToArray(), "text/csv; charset=utf-8", FileName("csv"));
    }

    private string FileName(string extension) => $"scope-{clock.GetUtcNow():yyyy-MM-dd}.{extension}";
}
