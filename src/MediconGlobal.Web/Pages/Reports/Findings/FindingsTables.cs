using System.Globalization;
using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Landscape;
using MediconGlobal.Core.Programmes;
using MediconGlobal.Core.Reports.Findings;
using MediconGlobal.Core.Reports.Gaps;
using MediconGlobal.Web.Infrastructure.Localisation;
using MediconGlobal.Web.Pages.Landscape;
using MediconGlobal.Web.Pages.Reports.Gaps;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Reports.Findings;

/// <summary>
/// Turns the findings data into the report's three sections of tables in the viewer's language, each table with
/// the address of the report and filters that produce it. The page and the DOCX render the same tables.
/// </summary>
/// <param name="namesOrganisations">
/// Project managers and administrators: brokers, isolated organisations and what partners need are listed by
/// name (the landscape is theirs); partner staff and advisors get the counts only.
/// </param>
public sealed class FindingsTables(IStringLocalizer<SharedResource> t, PageTerms terms, IUrlHelper url, GapReportRequest selection, bool namesOrganisations)
{
    public IReadOnlyList<FindingsSection> Build(FindingsData data) =>
    [
        new("current-situation", t["(a) Current situation"], t["What support exists, what earlier initiatives showed and where the gaps are."], CurrentSituation(data)),
        new("partner-landscape", t["(b) Partner landscape"], t["Who the potential partners are, how far engagement has come, who connects the network and what partners need."], PartnerLandscape(data)),
        new("scope", t["(c) Scope and target group"], t["Where the main project would help most, ranked by gaps."], ScopeSection(data)),
    ];

    private IReadOnlyList<FindingsTable> CurrentSituation(FindingsData data)
    {
        var byMarket = data.CategoryByMarket;
        var byStage = data.CategoryByStage;
        var marketLink = GapLink("category", "market");
        var stageLink = GapLink("category", "stage");
        var gapName = t["Gap report"].Value;
        return
        [
            new(t["Support by category"], marketLink, $"{gapName}: {t["Support category"]} × {t["Target market"]}",
                [t["Support category"], t["Published offers"], t["Needs"], t["Unmet needs"], t["Coverage"]],
                byMarket.Rows.Select((row, i) => Figures(terms.Of(row, t), byMarket.RowTotals[i].Figures)).ToList()),
            new(t["Support by target market"], marketLink, $"{gapName}: {t["Support category"]} × {t["Target market"]}",
                [t["Target market"], t["Published offers"], t["Needs"], t["Unmet needs"], t["Coverage"]],
                byMarket.Columns.Select((column, i) => Figures(terms.Of(column, t), byMarket.ColumnTotals[i].Figures)).ToList()),
            new(t["Support by development stage"], stageLink, $"{gapName}: {t["Support category"]} × {t["Development stage"]}",
                [t["Development stage"], t["Published offers"], t["Needs"], t["Unmet needs"], t["Coverage"]],
                byStage.Columns.Select((column, i) => Figures(terms.Of(column, t), byStage.ColumnTotals[i].Figures)).ToList()),
            new(t["Published offers by provider type"], url.Page("/Reports/Scope/Index")!, t["Scope report"],
                [t["Type of organisation"], t["Published offers"]],
                data.Scope.ByType.Select(l => (IReadOnlyList<string>)[terms.Of(l.Segment, t), Number(l.Offers)]).ToList()),
            new(t["What earlier initiatives showed"], url.Page("/Programmes/Compare") + "?" + string.Join("&", data.Programmes.Select(p => $"ids={p.Id}")), t["Programme comparison"],
                [t["Programme"], t["Status"], t["Reach"], t["Activities"], t["Participants"], t["Companies continuing"], t["Lessons learned"]],
                data.Programmes.Select(p => (IReadOnlyList<string>)[
                    p.Name, t[DisplayNames.Of(p.Status)], p.Reach is { } reach ? $"{Number(reach.Actual ?? 0)} {reach.Metric}" : "–",
                    Number(p.Activities.Activities), Number(p.Activities.Participants), Number(p.Activities.CompaniesContinuing), p.LessonsLearned ?? "–"]).ToList()),
            new(t["What came of referrals to each initiative's offers"], url.Page("/Programmes/Compare") + "?" + string.Join("&", data.Programmes.Select(p => $"ids={p.Id}")), t["Programme comparison"],
                [t["Programme"], t["Referrals"], t["Completed"], t["Follow-ups answered"], t["Market entered"], t["Partner found"], t["Funding raised"], t["Nothing yet"]],
                data.Programmes.Where(p => p.Referrals.Referred > 0).Select(p => (IReadOnlyList<string>)[
                    p.Name, Number(p.Referrals.Referred), Number(p.Referrals.Completed), Number(p.Referrals.FollowUpsAnswered),
                    Result(p.Referrals, p.Referrals.MarketEntered), Result(p.Referrals, p.Referrals.PartnerFound), Result(p.Referrals, p.Referrals.FundingRaised), Result(p.Referrals, p.Referrals.NothingYet)]).ToList(),
                t["From the follow-ups asked some months after each referral is completed; results are shown from three answers on."]),
            new(t["Where the gaps are: the cells with the most unmet needs"], marketLink, $"{gapName}: {t["Support category"]} × {t["Target market"]}",
                [t["Support category"], t["Target market"], t["Needs"], t["Unmet needs"], t["Published offers"], t["Coverage"]],
                data.TopGaps.Select(g => (IReadOnlyList<string>)[terms.Of(g.Row, t), terms.Of(g.Column, t), Number(g.Figures.Needs), Number(g.Figures.Unmet), Number(g.Figures.Offers), Share(g.Figures.Coverage)]).ToList()),
        ];
    }

    private List<FindingsTable> PartnerLandscape(FindingsData data)
    {
        var organisations = data.Landscape.Regions.SelectMany(r => r.Organisations).Concat(data.Landscape.WithoutRegion).ToList();
        List<FindingsTable> tables =
        [
            new(t["Organisations by type"], url.Page("/Landscape/Index")!, t["Landscape"],
                [t["Type of organisation"], t["Organisations"], t["Published offers"]],
                organisations.GroupBy(o => o.Type).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
                    .Select(g => (IReadOnlyList<string>)[terms.Of(g.Key), Number(g.Count()), Number(g.Sum(o => o.PublishedOffers))]).ToList()),
            new(t["Organisations by ÖKS region"], url.Page("/Landscape/Index")!, t["Landscape"],
                [t["ÖKS region"], t["Organisations"], t["Published offers"]],
                data.Landscape.Regions.Select(r => (IReadOnlyList<string>)[terms.Of(r.Id, r.Name), Number(r.OrganisationCount), Number(r.OfferCount)]).ToList()),
            new(t["Engagement pipeline"], url.Page("/Landscape/Pipeline")!, t["Engagement pipeline"],
                [t["Stage"], t["Organisations"]],
                Enum.GetValues<PartnershipStatus>().Select(s => (IReadOnlyList<string>)[t[LandscapeLabels.StatusName(s)], Number(data.Pipeline.Count(p => p.Status == s))]).ToList()),
        ];
        if (namesOrganisations)
        {
            tables.Add(new(t["Brokers: who connects the others"], url.Page("/Landscape/Network")!, t["Collaboration network"],
                [t["Organisation"], t["Type of organisation"], t["Links"]],
                data.Network.Brokers.Select(n => (IReadOnlyList<string>)[n.Organisation.Name, terms.Of(n.Organisation.Type), Number(n.Centrality.Degree)]).ToList()));
            tables.Add(new(t["Isolated organisations"], url.Page("/Landscape/Network")!, t["Collaboration network"],
                [t["Organisation"], t["Type of organisation"]],
                data.Network.Isolated.Select(n => (IReadOnlyList<string>)[n.Organisation.Name, terms.Of(n.Organisation.Type)]).ToList()));
            tables.Add(new(t["What partners need"], url.Page("/Landscape/Pipeline")!, t["Engagement pipeline"],
                [t["Organisation"], t["Stage"], t["What they need from collaboration"]],
                data.Pipeline.Where(p => !string.IsNullOrWhiteSpace(p.CollaborationNeeds)).Select(p => (IReadOnlyList<string>)[p.Name, t[LandscapeLabels.StatusName(p.Status)], p.CollaborationNeeds!]).ToList()));
        }
        else
        {
            tables.Add(new(t["Collaboration network"], url.Page("/Landscape/Network")!, t["Collaboration network"],
                [t["Brokers"], t["Isolated organisations"]],
                [[Number(data.Network.Brokers.Count), Number(data.Network.Isolated.Count)]]));
        }

        return tables;
    }

    private IReadOnlyList<FindingsTable> ScopeSection(FindingsData data) =>
    [
        new(t["Ranked scope: where the main project would help most"], url.Page("/Reports/Scope/Index")!, t["Scope report"],
            [t["Rank"], t["Segment"], t["Companies"], t["Needs"], t["Gaps"], t["Share of demand"], t["Published offers"]],
            data.Scope.Ranking.Select(r => (IReadOnlyList<string>)[
                Number(r.Rank), terms.Of(r.Line.Segment, t), Number(r.Line.Companies), Number(r.Line.Needs), Number(r.Line.Gaps), Share(r.Line.GapShare), Number(r.Line.Offers)]).ToList()),
    ];

    private string GapLink(string rows, string cols) => url.Page("/Reports/Gaps/Index") + selection.ToQueryString(v => (v["rows"], v["cols"]) = (rows, cols));

    private static IReadOnlyList<string> Figures(string label, GapFigures figures) =>
        [label, Number(figures.Offers), Number(figures.Needs), Number(figures.Unmet), Share(figures.Coverage)];

    /// <summary>A follow-up result's count, or a dash while too few follow-ups are answered to show one (ADR 1777).</summary>
    private static string Result(ReferralResults results, int count) => results.ResultsShown ? Number(count) : "–";

    private static string Number(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    private static string Share(double? value) => value is { } share ? share.ToString("P0", CultureInfo.CurrentCulture) : "–";
}
