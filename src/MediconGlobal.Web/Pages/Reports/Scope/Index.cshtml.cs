using System.Text;
using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Privacy;
using MediconGlobal.Core.Reports.Gaps;
using MediconGlobal.Core.Scope;
using MediconGlobal.Core.Security;
using MediconGlobal.Core.Time;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Infrastructure.Localisation;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Reports.Scope;

/// <summary>
/// The scope and target-group analysis for the main project, with the type × region cross-table (ADR 1740) and
/// XLSX and CSV export. Who sees exact figures is the gap report's rule (ADR 1801): project managers and
/// administrators, and advisors counting only their own clients; partner staff get the protected report on
/// screen, and every download is protected.
/// </summary>
[Authorize(Policy = Policies.Reports)]
public class IndexModel(AppDbContext db, TimeProvider clock, CatalogueCache catalogue, NeedFactsCache needFacts, SmallCellProtection protection, DisplayTime time, IStringLocalizer<SharedResource> t, TermNames termNames) : PageModel
{
    public const int RankingShown = 10;

    public ScopeReport Report { get; private set; } = new([], [], [], ScopeCrossTable.Empty);

    /// <summary>The screen shows the protected report (partner staff).</summary>
    public bool IsProtected { get; private set; }

    /// <summary>When the figures come from kept models older than the data, being rebuilt: when those were built (ADR 1210).</summary>
    public ReadModelAge Age { get; } = new();

    /// <summary>Project managers and administrators also get the landscape's other pages.</summary>
    public bool SeesEverything => User.ToViewer().SeesEverything;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        IsProtected = GapAnalysis.ScreenView(viewer) == GapView.Protected;
        Report = await ScopeQuery.LoadAsync(db, viewer, catalogue, IsProtected ? protection : null, needFacts, Age, cancellationToken);
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken)
    {
        var report = await ScopeQuery.LoadAsync(db, User.ToViewer(), catalogue, protection, needFacts, cancellationToken: cancellationToken);
        var words = await WordsAsync(cancellationToken);
        return this.XlsxFile(stream => ScopeExport.WriteXlsx(stream, report, clock.GetUtcNow().UtcDateTime, time, words), FileName("xlsx"));
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var report = await ScopeQuery.LoadAsync(db, User.ToViewer(), catalogue, protection, needFacts, cancellationToken: cancellationToken);
        await using var writer = new StringWriter();
        ScopeExport.WriteCsv(writer, report, await WordsAsync(cancellationToken));
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(writer.ToString())).ToArray(), "text/csv; charset=utf-8", FileName("csv"));
    }

    /// <summary>The reader's words for an export: the page's localiser and term names (issue 14).</summary>
    private async Task<ScopeExportWords> WordsAsync(CancellationToken cancellationToken)
    {
        var terms = await termNames.GetAsync(cancellationToken);
        return new ScopeExportWords(t, segment => terms.Of(segment, t));
    }

    private string FileName(string extension) => $"scope-{time.Today(clock):yyyy-MM-dd}.{extension}";
}
