using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Landscape;
using MediconGlobal.Core.Notifications;
using MediconGlobal.Core.Privacy;
using MediconGlobal.Core.Reports.Findings;
using MediconGlobal.Core.Reports.Gaps;
using MediconGlobal.Core.Security;
using MediconGlobal.Core.Time;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Infrastructure.Localisation;
using MediconGlobal.Web.Pages.Reports.Gaps;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Reports.Findings;

/// <summary>
/// The pre-project findings report (issue 17 item 3, ADR 1742): the three activities of the pre-project — current
/// situation, partner landscape, scope and target group — assembled from the gap report, the programme
/// comparison, the landscape and the scope report at the chosen dates and country, printable to A4 and
/// downloadable as DOCX. Partner staff get the protected figures, as on the gap and scope pages.
/// </summary>
[Authorize(Policy = Policies.Reports)]
public class IndexModel(
    AppDbContext db, CatalogueCache catalogue, SmallCellProtection protection, NetworkCache network, NeedFactsCache needFacts, TimeProvider clock, DisplayTime time,
    PortalLinks links, TermNames termNames, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public GapReportRequest Selection { get; set; } = new();

    public IReadOnlyList<FindingsSection> Sections { get; private set; } = [];

    public bool IsProtected { get; private set; }

    public DateTime GeneratedAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetDocxAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Page();
        }

        var stream = new MemoryStream();
        FindingsDocument.Write(stream, t["Pre-project findings report"], Subtitle(), Sections, links.Absolute, t["Source"], t["Nothing to show yet."]);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"findings-{time.Today(clock):yyyy-MM-dd}.docx");
    }

    /// <summary>The date, filters and protection the figures are for, in words.</summary>
    public string Subtitle()
    {
        var query = Selection.ToQuery(GapReportRequest.FixedIncubatorFor(User.ToViewer())).Filters;
        var period = (query.From, query.To) switch
        {
            (null, null) => t["all needs logged so far"].Value,
            (null, { } to) => t["needs logged up to {0}", to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)].Value,
            ({ } from, null) => t["needs logged from {0}", from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)].Value,
            ({ } from, { } to) => t["needs logged {0} to {1}", from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)].Value,
        };
        var country = query.CountryCode is { } code ? $" · {t[DisplayNames.Country(code)]}" : "";
        var view = IsProtected ? $" · {t["protected figures"]}" : "";
        return $"{t["Generated {0}", time.Minute(GeneratedAt)]} · {period}{country}{view}";
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        GeneratedAt = clock.GetUtcNow().UtcDateTime;
        if (!this.IsValid(await new GapReportRequestValidator().ValidateAsync(Selection, cancellationToken), nameof(Selection)))
        {
            return false;
        }

        var viewer = User.ToViewer();
        var data = await FindingsQuery.LoadAsync(db, viewer, Selection.ToQuery(GapReportRequest.FixedIncubatorFor(viewer)).Filters, catalogue, protection, network, needFacts, cancellationToken);
        IsProtected = data.View == GapView.Protected;
        Sections = new FindingsTables(t, await termNames.GetAsync(cancellationToken), Url, Selection, viewer.SeesEverything).Build(data);
        return true;
    }
}
