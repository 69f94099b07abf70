using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Matching;
using MediconGlobal.Core.Reports.Gaps;
using MediconGlobal.Core.Security;
using MediconGlobal.Testing;
using MediconGlobal.Testing.Synthetic;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Tests.Reports;

/// <summary>
/// The fast gap analysis (two queries, profile grouping, bit sets) against the plainest possible one: every
/// need asked against every offer with <see cref="MatchingRule.Match"/> and counted with sets, on generated
/// data, for several dimension pairs and filters, on SQLite and PostgreSQL. Every figure of every cell,
/// total and month must agree. The generated offers include closed calls and offers lapsed from verification: cells
/// count the offers matching today, months those that fit and were open in the month (ADR 1934).
/// </summary>
public sealed class GapReferenceTests
{
    private static readonly Viewer Pm = new("pm", new HashSet<string> { Roles.ProjectManager }, null, null);

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Report_EqualsTheRuleAskedForEveryNeedAndOffer(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using (var db = database.CreateContext())
        {
            await new SyntheticData(db, database.Clock, seed: 7).GenerateAsync(SyntheticScale.Full.Times(0.01));
        }

        await using var read = database.CreateContext();
        var skane = await read.TaxonomyTerms.Where(t => t.Code == "se-skane").Select(t => t.Id).SingleAsync();
        var needs = await read.Needs.AsNoTracking()
            .Select(n => new ReferenceNeed(n.Id, n.CompanyId, new NeedProfile(n.CategoryId, n.MarketId, n.Company!.StageId, n.Company.SectorId, n.Company.RegionId), n.Status, n.UnmetReason, n.LoggedAt, n.Company.CountryCode))
            .ToListAsync();
        var day = OfferDay.At(database.Clock.GetUtcNow().UtcDateTime);
        var rule = await OfferProfiles.LoadRuleAsync(read, day);
        var offers = await OfferProfiles.LoadAsync(read);
        var matches = needs.ToDictionary(n => n.Id, n => offers.Where(o => rule.Match(n.Profile, o) is not null).Select(o => o.OfferId).ToList());

        // A month's supply: the offers that fit and were open in the month the need was logged (ADR 1934).
        var monthMatches = needs.ToDictionary(n => n.Id, n =>
        {
            var first = new DateOnly(n.LoggedAt.Year, n.LoggedAt.Month, 1);
            var (from, to) = (day.On(first), day.On(first.AddMonths(1).AddDays(-1)));
            return offers.Where(o => rule.Fits(n.Profile, o) is not null && MatchingRule.WasOpenDuring(o, from, to)).Select(o => o.OfferId).ToList();
        });
        Assert.Contains(offers, o => o.ClosesOn < day.Date);
        Assert.Contains(offers, o => OfferVerification.HasLapsed(o.LastReviewedAt, day));
        var today = DateOnly.FromDateTime(database.Clock.GetUtcNow().UtcDateTime);
        var cases = new (GapDimension Rows, GapDimension Columns, GapFilters Filters, Func<ReferenceNeed, bool> Counted)[]
        {
            (GapDimension.Category, GapDimension.Market, GapFilters.None, n => n.Status != NeedStatus.Withdrawn),
            (GapDimension.Stage, GapDimension.Region, new GapFilters(Statuses: Enum.GetValues<NeedStatus>()), _ => true),
            (GapDimension.Sector, GapDimension.Category, new GapFilters(RegionId: skane), n => n.Status != NeedStatus.Withdrawn && n.Profile.RegionId == skane),
            (GapDimension.Market, GapDimension.Stage, new GapFilters(From: today.AddYears(-1), CountryCode: "DK", Statuses: [NeedStatus.Met, NeedStatus.Unmet]),
                n => n.Status is NeedStatus.Met or NeedStatus.Unmet && n.Country == "DK" && n.LoggedAt >= today.AddYears(-1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
        };

        foreach (var (rows, columns, filters, counted) in cases)
        {
            var report = await new GapAnalysis(read, day: day).ComputeFullAsync(new GapQuery(rows, columns, filters), Pm);
            var counting = needs.Where(counted).ToList();
            Assert.True(counting.Count > 10, "the case should count some needs");
            Assert.True(report.Total.Figures!.Offers > 0, "the case should match some offers");
            var value = (ReferenceNeed n, GapDimension d) => d switch
            {
                GapDimension.Category => n.Profile.CategoryId,
                GapDimension.Market => n.Profile.MarketId,
                GapDimension.Stage => n.Profile.StageId,
                GapDimension.Sector => n.Profile.SectorId,
                _ => n.Profile.RegionId,
            };
            for (var r = 0; r < report.Rows.Count; r++)
            {
                for (var c = 0; c < report.Columns.Count; c++)
                {
                    var (row, column) = (report.Rows[r].Id, report.Columns[c].Id);
                    Assert.Equal(Figures(counting.Where(n => value(n, rows) == row && value(n, columns) == column), matches), report.Cell(r, c).Figures);
                }

                Assert.Equal(Figures(counting.Where(n => value(n, rows) == report.Rows[r].Id), matches), report.RowTotals[r].Figures);
            }

            for (var c = 0; c < report.Columns.Count; c++)
            {
                Assert.Equal(Figures(counting.Where(n => value(n, columns) == report.Columns[c].Id), matches), report.ColumnTotals[c].Figures);
            }

            Assert.Equal(Figures(counting, matches), report.Total.Figures);
            Assert.All(report.Trend, point => Assert.Equal(
                Figures(counting.Where(n => n.LoggedAt.Year == point.Month.Year && n.LoggedAt.Month == point.Month.Month), monthMatches), point.Entry.Figures));
            Assert.Equal(counting.Count, report.Trend.Sum(t => t.Entry.Figures!.Needs));
        }
    }

    private static GapFigures Figures(IEnumerable<ReferenceNeed> needs, Dictionary<int, List<int>> matches)
    {
        var list = needs.ToList();
        var matched = list.Select(n => matches[n.Id]).ToList();
        return new GapFigures(
            list.Count,
            list.Select(n => n.CompanyId).Distinct().Count(),
            matched.SelectMany(ids => ids).Distinct().Count(),
            matched.Count(ids => ids.Count > 0),
            list.Count(n => n.Status == NeedStatus.Met),
            list.Count(n => n.Status == NeedStatus.Unmet && n.UnmetReason != UnmetReason.NotEligible),
            list.Count(n => n.Status == NeedStatus.Unmet && n.UnmetReason == UnmetReason.NotEligible));
    }

    public sealed record ReferenceNeed(int Id, int CompanyId, NeedProfile Profile, NeedStatus Status, UnmetReason? UnmetReason, DateTime LoggedAt, string Country);
}
