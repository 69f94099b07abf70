using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Clients;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Catalogue;

/// <summary>
/// Problem reports about listings as a closed loop (issue 17 item 4): the provider's staff are told by e-mail and in the
/// portal, the reporter gets the answer by e-mail (read back from the portal's mail folder), project managers see
/// reports left unanswered for 14 days on the dashboard.
/// </summary>
public sealed class ProblemReportLoopTests(CasePortal cases) : IClassFixture<CasePortal>
{
    [Fact]
    public async Task AnonymousReport_IsEmailedToTheProvidersStaff_AndShownInTheirNotifications()
    {
        var offerId = await cases.DbAsync(db => db.Offers.Where(o => o.SeedKey == "is-advisory-legal").Select(o => o.Id).SingleAsync());
        var staffEmail = $"partner-{Guid.NewGuid():N}@test.example";
        var partner = await cases.Portal.SignedInClientAsync(staffEmail, Roles.PartnerStaff, OrganisationSeed.InnovationSkane);
        var otherStaff = $"partner-{Guid.NewGuid():N}@test.example";
        await cases.Portal.CreateUserAsync(otherStaff, Roles.PartnerStaff, OrganisationSeed.Dlsc);
        var visitor = cases.Portal.CreatePortalClient();
        var message = $"The phone number is out of date {Guid.NewGuid():N}.";

        var response = await visitor.SubmitAsync(await visitor.GetPageAsync($"/offers/{offerId}"), "#report form", new Dictionary<string, string> { ["Report.Message"] = message });

        response.AssertRedirectsTo($"/offers/{offerId}");
        var report = await cases.DbAsync(db => db.CorrectionRequests.SingleAsync(c => c.Message == message));
        var mail = await cases.Portal.Mailbox.WaitForAsync(staffEmail, m => m.TextBody.Contains(message, StringComparison.Ordinal));
        Assert.Contains($"{Mailbox.PublicUrl}/partner/corrections/{report.Id}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Mailbox.PublicUrl}/partner/corrections/{report.Id}\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Empty(cases.Portal.Mailbox.To(otherStaff));
        var notifications = await partner.GetPageAsync("/notifications");
        Assert.Contains(message, notifications.Text(), StringComparison.Ordinal);
        Assert.NotNull(notifications.QuerySelector($"a[href='/partner/corrections/{report.Id}']"));
    }

    [Fact]
    public async Task AnAddressInAVisitorsReport_IsTextInTheEmail_NeverALink()
    {
        var offerId = await cases.DbAsync(db => db.Offers.Where(o => o.SeedKey == "is-advisory-legal").Select(o => o.Id).SingleAsync());
        var staffEmail = $"partner-{Guid.NewGuid():N}@test.example";
        await cases.Portal.CreateUserAsync(staffEmail, Roles.PartnerStaff, OrganisationSeed.InnovationSkane);
        var visitor = cases.Portal.CreatePortalClient();
        var marker = Guid.NewGuid().ToString("N");

        await visitor.SubmitAsync(await visitor.GetPageAsync($"/offers/{offerId}"), "#report form", new Dictionary<string, string>
        {
            ["Report.Message"] = $"Broken link {marker}, the right one is http://evil.example/phish and {Mailbox.PublicUrl}.evil.example/x",
        });

        var mail = await cases.Portal.Mailbox.WaitForAsync(staffEmail, m => m.TextBody.Contains(marker, StringComparison.Ordinal));
        Assert.Contains("http://evil.example/phish", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"http://evil.example", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain(".evil.example/x\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Mailbox.PublicUrl}/partner/corrections/", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reporter_ReceivesTheProvidersAnswer_ByEmail()
    {
        var offerId = await cases.DbAsync(db => db.Offers.Where(o => o.SeedKey == "is-advisory-legal").Select(o => o.Id).SingleAsync());
        var reporter = $"reporter-{Guid.NewGuid():N}@test.example";
        var visitor = cases.Portal.CreatePortalClient();
        await visitor.SubmitAsync(await visitor.GetPageAsync($"/offers/{offerId}"), "#report form", new Dictionary<string, string>
        {
            ["Report.Message"] = "The fee is missing from the listing.",
            ["Report.Email"] = reporter,
        });
        var reportId = await cases.DbAsync(db => db.CorrectionRequests.Where(c => c.ReporterEmail == reporter).Select(c => c.Id).SingleAsync());
        var partner = await cases.PartnerAsync(OrganisationSeed.InnovationSkane);

        var answered = await partner.SubmitAsync(await partner.GetPageAsync($"/partner/corrections/{reportId}"), "main form[method='post']", new Dictionary<string, string>
        {
            ["Input.Outcome"] = "Resolved",
            ["Input.Response"] = "Thanks — the fee (free of charge) is now on the listing.",
        });

        answered.AssertRedirectsTo("/partner/corrections");
        var mail = await cases.Portal.Mailbox.WaitForAsync(reporter);
        Assert.Contains("Thanks — the fee (free of charge) is now on the listing.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("They corrected the listing.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{Mailbox.PublicUrl}/offers/{offerId}", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_WithoutAReporterAddress_SendsNoMail_AndAnInvalidAnswerChangesNothing()
    {
        var offerId = await cases.DbAsync(db => db.Offers.Where(o => o.SeedKey == "is-advisory-legal").Select(o => o.Id).SingleAsync());
        var reportId = await cases.DbAsync(async db =>
        {
            var report = new CorrectionRequest(await db.Offers.SingleAsync(o => o.Id == offerId), "Anonymous note without address.", null, null, null, DateTime.UtcNow);
            db.CorrectionRequests.Add(report);
            await db.SaveChangesAsync();
            return report.Id;
        });
        var partner = await cases.PartnerAsync(OrganisationSeed.InnovationSkane);
        var before = cases.Portal.Mailbox.All().Count;
        var page = await partner.GetPageAsync($"/partner/corrections/{reportId}");

        var invalid = await partner.SubmitAsync(page, "main form[method='post']", new Dictionary<string, string> { ["Input.Outcome"] = "Dismissed", ["Input.Response"] = "" });
        var valid = await partner.SubmitAsync(page, "main form[method='post']", new Dictionary<string, string> { ["Input.Outcome"] = "Dismissed", ["Input.Response"] = "The listing is right." });

        Assert.Contains("Write a short answer for the person who reported it.", (await invalid.ParseBodyAsync()).ValidationMessages());
        valid.AssertRedirectsTo("/partner/corrections");
        Assert.Equal(CorrectionStatus.Dismissed, await cases.DbAsync(db => db.CorrectionRequests.Where(c => c.Id == reportId).Select(c => c.Status).SingleAsync()));
        Assert.Equal(before, cases.Portal.Mailbox.All().Count);
    }

    [Fact]
    public async Task Dashboard_ShowsReportsUnansweredFor14Days_ToProjectManagersOnly()
    {
        var offerId = await cases.DbAsync(db => db.Offers.Where(o => o.SeedKey == "is-advisory-legal").Select(o => o.Id).SingleAsync());
        var (old, recent, answered) = await cases.DbAsync(async db =>
        {
            var offer = await db.Offers.SingleAsync(o => o.Id == offerId);
            var reports = new[] { DateTime.UtcNow.AddDays(-15), DateTime.UtcNow.AddDays(-13), DateTime.UtcNow.AddDays(-30) }
                .Select(at => new CorrectionRequest(offer, "Something is wrong here.", null, null, null, at)).ToList();
            reports[2].Answer(CorrectionStatus.Resolved, "Fixed.", "Nora", DateTime.UtcNow.AddDays(-29));
            db.CorrectionRequests.AddRange(reports);
            await db.SaveChangesAsync();
            return (reports[0].Id, reports[1].Id, reports[2].Id);
        });
        var pm = await cases.ProjectManagerAsync();

        var dashboard = await pm.GetPageAsync("/dashboard");

        Assert.NotNull(dashboard.QuerySelector($"#overdue-problem-reports tr[data-report-id='{old}']"));
        Assert.Null(dashboard.QuerySelector($"#overdue-problem-reports tr[data-report-id='{recent}']"));
        Assert.Null(dashboard.QuerySelector($"#overdue-problem-reports tr[data-report-id='{answered}']"));
        (await (await cases.PartnerAsync()).GetAsync("/dashboard")).AssertRedirectsTo("/Identity/Account/AccessDenied");
    }
}
