using System.Net;
using System.Text.RegularExpressions;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Notifications;
using MediconGlobal.Core.Security;
using MediconGlobal.Testing;
using MediconGlobal.Web.Areas.Identity;
using MediconGlobal.Web.Infrastructure.Mail;
using MediconGlobal.Web.Pages.MyCompany;
using MediconGlobal.Web.Pages.Offers;
using MediconGlobal.Web.Pages.Referrals;
using MediconGlobal.Web.Pages.SavedSearches;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediconGlobal.Web.Tests.Mail;

/// <summary>
/// Every link in every kind of e-mail the portal sends starts at the configured public address and leads to a page
/// (issue 15 item 7, <see cref="MailLinks"/>): the links are made from the pages' routes, so a page renamed or moved
/// makes this test fail instead of mailing a 404. Followed without signing in, a link answers its page (200) or the
/// sign-in redirect of a page that needs one, or the page's own refusal of a used token — never 404.
/// </summary>
public sealed partial class MailLinksTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private readonly PortalFactory _portal = fixture.Portal;

    [Fact]
    public async Task EveryLinkInEveryKindOfEmail_LeadsToAPage()
    {
        var bodies = new List<(string Kind, string Body)>();
        foreach (var mail in await PortalEmailsAsync())
        {
            bodies.Add((mail.Subject, mail.Body));
        }

        foreach (var mail in await AccountEmails.SendEveryKindAsync(_portal))
        {
            bodies.Add((mail.Subject, mail.TextBody));
        }

        var links = bodies.SelectMany(b => Link().Matches(b.Body).Select(m => (b.Kind, Address: m.Value.TrimEnd('.', ',', ')')))).ToList();
        Assert.True(bodies.Count >= 19, $"Expected every kind of e-mail, got {bodies.Count}.");
        Assert.True(links.Count >= bodies.Count, $"Expected a link in every e-mail, got {links.Count}.");

        using var anonymous = _portal.CreatePortalClient();
        foreach (var (kind, address) in links)
        {
            Assert.StartsWith(Mailbox.PublicUrl + "/", address, StringComparison.Ordinal);
            using var response = await anonymous.GetAsync(Mailbox.Local(address));
            // A page answers, even when it refuses what the link carries (an invitation already accepted: 400); a
            // path no page takes is 404.
            Assert.True(response.StatusCode != HttpStatusCode.NotFound && (int)response.StatusCode < 500,
                $"{address} (in \"{kind}\") answered {(int)response.StatusCode}.");
            if (response.Headers.Location is { } to)
            {
                Assert.Contains("/Identity/Account/Login", to.OriginalString, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>Referral, request, founder, problem-report and saved-search e-mails, composed for records made here.</summary>
    private async Task<List<OutgoingMail>> PortalEmailsAsync()
    {
        var advisor = await _portal.CreateUserAsync(Unique("advisor"), Roles.Advisor, OrganisationSeed.SmiLe);
        await _portal.CreateUserAsync(Unique("partner"), Roles.PartnerStaff, OrganisationSeed.InnovationSkane);
        var founder = await _portal.CreateUserAsync(Unique("founder"), Roles.Startup);
        var made = await _portal.WithDbAsync(async db =>
        {
            var (company, need, sent, answered, emailed) = await ReferralMailCase.CreateAsync(db, "Links Client " + Guid.NewGuid().ToString("N")[..6], advisor.Id, Unique("contact"));
            var offer = await db.Offers.SingleAsync(o => o.SeedKey == "is-advisory-legal");
            var report = new CorrectionRequest(offer, "Out of date.", null, Unique("reporter"), null, DateTime.UtcNow);
            report.Answer(CorrectionStatus.Resolved, "Corrected.", "Nora", DateTime.UtcNow);
            db.CorrectionRequests.Add(report);
            var catalogue = new SavedSearch(founder.Id, "Legal help", SavedSearchKind.Catalogue, "q=legal", AlertFrequency.Immediately, DateTime.UtcNow);
            var guided = new SavedSearch(founder.Id, "Guided", SavedSearchKind.Guided, "", AlertFrequency.Weekly, DateTime.UtcNow);
            db.SavedSearches.AddRange(catalogue, guided);
            await db.SaveChangesAsync();
            return new { Company = company.Id, Need = need.Id, Sent = sent.Id, Answered = answered.Id, Emailed = emailed.Id, Report = report.Id, Offer = offer.Id, Searches = new[] { catalogue.Id, guided.Id } };
        });

        using var scope = _portal.Services.CreateScope();
        var services = scope.ServiceProvider;
        var portalMail = services.GetRequiredService<PortalMail>();
        var companyMail = services.GetRequiredService<CompanyMail>();
        var reportMail = services.GetRequiredService<ProblemReportMail>();
        var alertMail = services.GetRequiredService<AlertMail>();
        return
        [
            .. await portalMail.ReferralSentAsync(made.Sent),
            .. await portalMail.ReferralAnsweredAsync(made.Answered),
            .. await portalMail.HelpRequestedAsync(made.Need),
            .. await services.GetRequiredService<ReferralsByEmail>().MailAsync(made.Emailed, CancellationToken.None),
            .. await companyMail.ConsentWithdrawnAsync(made.Company, CancellationToken.None),
            .. await companyMail.CorrectionProposedAsync(made.Company, CancellationToken.None),
            .. await reportMail.NewReportAsync(made.Report, CancellationToken.None),
            .. await reportMail.AnsweredAsync(made.Report, CancellationToken.None),
            .. await alertMail.MatchesAsync(made.Searches[0], [made.Offer], CancellationToken.None),
            .. await alertMail.MatchesAsync(made.Searches[1], [made.Offer], CancellationToken.None),
        ];
    }

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}@test.example";

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Link();
}
