using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Reports.Gaps;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Clients;

/// <summary>
/// Done-when of the advisor's working day: a need no offer matches ends up as unmet / not available and the
/// gap analysis (the service behind /reports/gaps) counts it that way.
/// </summary>
public sealed class UnmetNeedGapTests(CasePortal cases) : IClassFixture<CasePortal>
{
    [Fact]
    public async Task NeedWithoutMatch_ClosedThroughTheUi_IsCountedAsUnmetNotAvailable_ByTheGapAnalysis()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Regulatory Pioneer"));
        var advisor = await cases.AdvisorAsync();
        var (regulatory, japan) = await cases.DbAsync(async db => (
            await db.TaxonomyTerms.Where(t => t.Kind == TaxonomyKind.SupportCategory && t.Code == "regulatory").Select(t => t.Id).SingleAsync(),
            await db.TaxonomyTerms.Where(t => t.Kind == TaxonomyKind.Market && t.Code == "japan").Select(t => t.Id).SingleAsync()));

        var logged = await advisor.SubmitAsync(await advisor.GetPageAsync($"/clients/{company.Id}/needs/new"), "#need-form", new Dictionary<string, string>
        {
            ["Input.CategoryId"] = regulatory.ToString(),
            ["Input.MarketId"] = japan.ToString(),
            ["Input.Description"] = "PMDA approval route for our device.",
        });
        var needPage = await advisor.GetPageAsync(logged.Headers.Location!.OriginalString);
        Assert.NotNull(needPage.QuerySelector("#no-match"));
        (await advisor.SubmitAsync(needPage, "#close-not-available")).AssertRedirectsTo(logged.Headers.Location.OriginalString);

        var smile = await cases.DbAsync(db => db.Organisations.Where(o => o.SeedKey == OrganisationSeed.SmiLe).Select(o => o.Id).SingleAsync());
        var pm = new Viewer("pm", new HashSet<string> { Roles.ProjectManager }, smile, null);
        var report = await cases.DbAsync(db => new GapAnalysis(db).ComputeFullAsync(GapQuery.Default, pm));
        var cell = report.Find(regulatory, japan);
        Assert.NotNull(cell);
        var figures = report.Cell(cell.Value.Row, cell.Value.Column).Figures!;
        Assert.Equal((1, 0, 1, 0), (figures.Needs, figures.Covered, figures.UnmetNotAvailable, figures.UnmetNotEligible));
    }
}
