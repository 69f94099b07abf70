using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Privacy;
using MediconGlobal.Core.Reports.Gaps;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Reports.Gaps;

/// <summary>The gap report: where needs have no matching offer, by any two dimensions, with drill-down, trend and snapshots.</summary>
[Authorize(Policy = Policies.Reports)]
public class IndexModel(AppDbContext db, TimeProvider clock, CatalogueCache catalogue, NeedFactsCache needFacts, SmallCellProtection protection, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public GapReportRequest Selection { get; set; } = new();

    [BindProperty]
    public SnapshotInput Snapshot { get; set; } = new();

    public GapReport? Report { get; private set; }

    public GapDrillDown? DrillDown { get; private set; }

    /// <summary>The "searched, found nothing" layer (ADR 1779); null under a filter it cannot follow (country, home incubator).</summary>
    public SearchedNothingLayer? Searches { get; private set; }

    /// <summary>The phrases of the drilled-down cell's searches that found nothing.</summary>
    public IReadOnlyList<PhraseCount> CellPhrases { get; private set; } = [];

    public GapFilterOptions Options { get; private set; } = null!;

    /// <summary>When the report comes from kept models older than the data, being rebuilt: when those were built (ADR 1210).</summary>
    public ReadModelAge Age { get; } = new();

    public IReadOnlyList<KeyValuePair<string, string>> FiltersInWords { get; private set; } = [];

    public Viewer Viewer => User.ToViewer();

    /// <summary>Advisors only ever see their own organisation's clients: their incubator filter is fixed.</summary>
    public int? FixedIncubator => GapReportRequest.FixedIncubatorFor(Viewer);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSnapshotAsync(CancellationToken cancellationToken)
    {
        if (!Viewer.SeesEverything)
        {
            return Forbid();
        }

        var validation = await new SnapshotInputValidator().ValidateAsync(Snapshot, cancellationToken);
        var requestValidation = await new GapReportRequestValidator().ValidateAsync(Selection, cancellationToken);
        if (!this.IsValid(validation, nameof(Snapshot)) || !requestValidation.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var report = await new GapAnalysis(db, catalogue, needFacts: needFacts).ComputeFullAsync(Selection.ToQuery(), Viewer, cancellationToken);
        var name = User.GetDisplayName();
        var snapshot = new GapSnapshot(Snapshot.Title.Trim(), string.IsNullOrWhiteSpace(Snapshot.Comment) ? null : Snapshot.Comment.Trim(), report, Viewer.UserId!, name, clock.GetUtcNow().UtcDateTime);
        db.GapSnapshots.Add(snapshot);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t["Snapshot “{0}” saved.", snapshot.Title].Value;
        return RedirectToPage("Snapshots/Details", new { id = snapshot.Id });
    }

    /// <summary>A link to this report with some query-string values changed.</summary>
    public string Link(Action<Dictionary<string, string?>> change) => Url.Page("/Reports/Gaps/Index") + Selection.ToQueryString(change);

    public string CellLink(int row, int column) =>
        Link(v => (v["row"], v["col"]) = (Report!.Rows[row].Key, Report.Columns[column].Key)) + "#drill-down";

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Options = await GapFilterOptions.LoadAsync(db, Viewer, cancellationToken);
        var validation = await new GapReportRequestValidator().ValidateAsync(Selection, cancellationToken);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState, nameof(Selection));
            return;
        }

        var analysis = new GapAnalysis(db, catalogue, protection, needFacts, Age);
        var query = Selection.ToQuery(FixedIncubator);
        Report = await analysis.ComputeAsync(query, Viewer, GapAnalysis.ScreenView(Viewer, Selection.PreviewProtected), cancellationToken);
        FiltersInWords = await analysis.DescribeAsync(query, cancellationToken);
        if (Selection.DrillDown is { } keys && Report.Find(keys.Row, keys.Column) is { } cell)
        {
            DrillDown = await analysis.DrillDownAsync(Report, cell.Row, cell.Column, Viewer, cancellationToken: cancellationToken);
        }

        if (SearchedNothing.Applies(query.Filters))
        {
            // Exact only for those who see every figure exactly; everyone else, advisors too, gets the published counts.
            var published = Report.View == GapView.Protected || !Viewer.SeesEverything ? protection : null;
            var tallies = await SearchedNothing.LoadAsync(db, query.Filters, cancellationToken);
            Searches = SearchedNothing.Compute(query, await analysis.AxisTermsAsync(query.Rows, cancellationToken), await analysis.AxisTermsAsync(query.Columns, cancellationToken), tallies, published);
            if (DrillDown is not null)
            {
                CellPhrases = SearchedNothing.Phrases(SearchedNothing.InCell(tallies, query, DrillDown.Row.Id, DrillDown.Column.Id), published);
            }
        }
    }
}

public sealed class SnapshotInput
{
    public string Title { get; set; } = "";

    [DataType(DataType.MultilineText)]
    public string? Comment { get; set; }
}

public sealed class SnapshotInputValidator : AbstractValidator<SnapshotInput>
{
    public SnapshotInputValidator()
    {
        RuleFor(s => s.Title).NotEmpty().WithMessage("Give the snapshot a title.")
            .MaximumLength(Entity.NameMaxLength).WithMessage("Keep the title under 200 characters.");
        RuleFor(s => s.Comment).MaximumLength(GapSnapshot.CommentMaxLength).WithMessage("Keep the comment under 2,000 characters.");
    }
}
