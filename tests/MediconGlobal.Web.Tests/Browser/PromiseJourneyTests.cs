using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Testing;
using MediconGlobal.Web.Infrastructure.Mail;
using MediconGlobal.Web.Tests.Infrastructure;
using MediconGlobal.Web.Tests.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MediconGlobal.Web.Tests.Browser;

/// <summary>
/// Issue 19 items 1–2 in a real browser, with the portal's clock moved through <see cref="TimeProvider"/>: a partner
/// promises to answer within two working days on its profile; the advisor sees the promise beside the suggestion and
/// refers; past the promise the partner is reminded by e-mail and sees the referral overdue; past twice the promise the
/// advisor is told, opens the referral from the e-mail and re-routes the need to the next matching offer in one step,
/// the first referral closing as "no answer" and the need keeping both. This portal has a clock of its own, so it is
/// not the collection's shared one; the browser is.
/// </summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class PromiseJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task PastItsPromise_ThePartnerIsReminded_AndAtTwiceThePromise_TheAdvisorReroutesInOneStep()
    {
        var clock = new TestClock { Now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()) };
        await using var portal = new PortalFactory("Development") { Clock = clock };
        var address = portal.StartKestrel();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var partnerEmail = $"promise-partner-{tag}@journey.test";
        var advisorEmail = $"promise-advisor-{tag}@journey.test";
        await portal.CreateUserAsync(partnerEmail, Roles.PartnerStaff, OrganisationSeed.InnovationSkane);
        await portal.CreateUserAsync(advisorEmail, Roles.Advisor, OrganisationSeed.SmiLe);
        var now = clock.GetUtcNow().UtcDateTime;
        var (companyId, needId) = await portal.WithDbAsync(async db =>
        {
            var company = await CaseBuilder.CompanyAsync(db, $"Promised Medtech {tag}", OrganisationSeed.SmiLe, sector: "medtech", at: now);
            var need = await CaseBuilder.NeedAsync(db, company, "partnering", "eu", now);
            return (need.CompanyId, need.Id);
        });

        // The partner states its promise.
        var partner = await browser.NewPageAsync(portal: address);
        await partner.SignInAsync(partnerEmail, PortalFactory.Password);
        await partner.GotoAsync("/partner/profile");
        await partner.GetByLabel("Answers referrals within (working days)").FillAsync("2");
        await partner.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await Expect(partner.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        Assert.Equal(2, await portal.WithDbAsync(db => db.Organisations.Where(o => o.SeedKey == OrganisationSeed.InnovationSkane).Select(o => o.AnswerWithinWorkingDays).SingleAsync()));

        // The advisor sees it before sending, and refers.
        var advisor = await browser.NewPageAsync(portal: address);
        await advisor.SignInAsync(advisorEmail, PortalFactory.Password);
        await advisor.GotoAsync($"/clients/{companyId}/needs/{needId}");
        var suggestion = advisor.Locator(".suggestion").Filter(new() { HasText = "Innovation management support in healthcare" });
        await Expect(suggestion.Locator(".response-promise")).ToContainTextAsync("Usually answers within 2 working days");
        await suggestion.GetByText("Refer to Innovation Skåne").ClickAsync();
        await suggestion.GetByRole(AriaRole.Button, new() { Name = "Send referral" }).ClickAsync();
        await Expect(advisor.GetByRole(AriaRole.Status)).ToContainTextAsync("The referral is sent.");
        var referral = await portal.WithDbAsync(db => db.Referrals.AsNoTracking().SingleAsync(r => r.NeedId == needId));
        Assert.Equal(2, referral.PromisedWorkingDays);

        // Past the promise: the partner is reminded, once, and the referral shows overdue.
        clock.Now = referral.AnswerDueAt!.Value.AddMinutes(1);
        await ReferralChasingTests.ChaseAsync([portal]);
        await ReferralChasingTests.ChaseAsync([portal]);
        // Only this referral's reminders count: the demo content has overdue referrals to Innovation Skåne too,
        // and the portal's own chaser may remind the new staff member of those at any moment.
        bool RemindsOfThisReferral(PickedUpMail m) =>
            m.Subject.StartsWith("Reminder", StringComparison.Ordinal)
            && Mailbox.LinksTo(m, $"/referrals/{referral.Id}");
        var reminder = await portal.Mailbox.WaitForAsync(partnerEmail, RemindsOfThisReferral);
        Assert.Single(portal.Mailbox.To(partnerEmail), RemindsOfThisReferral);
        Assert.Empty(portal.Mailbox.To(advisorEmail));
        await partner.SignInAsync(partnerEmail, PortalFactory.Password); // the session ended while the clock moved
        await partner.GotoAsync(Mailbox.Local(Mailbox.LinkIn(reminder, $"/referrals/{referral.Id}")));
        await Expect(partner.Locator("main")).ToContainTextAsync("Overdue: no answer within the promised time");
        await partner.AssertAccessibleAsync();
        await partner.ScreenshotAtBothWidthsAsync("promise-overdue-partner");

        // Past twice the promise: the advisor is told and re-routes from the e-mail's link.
        clock.Now = referral.EscalatesAt!.Value.AddMinutes(1);
        await ReferralChasingTests.ChaseAsync([portal]);
        var notice = await portal.Mailbox.WaitForAsync(advisorEmail);
        Assert.StartsWith("No answer from Innovation Skåne", notice.Subject, StringComparison.Ordinal);
        await advisor.SignInAsync(advisorEmail, PortalFactory.Password);
        await advisor.GotoAsync(Mailbox.Local(Mailbox.LinkIn(notice, $"/referrals/{referral.Id}")));
        var option = advisor.Locator("#reroute .reroute-option").First;
        await Expect(option).ToBeVisibleAsync();
        await advisor.AssertAccessibleAsync();
        await advisor.ScreenshotAtBothWidthsAsync("promise-reroute");
        await advisor.Locator("form.language-switch").GetByRole(AriaRole.Button, new() { Name = "Svenska" }).ClickAsync();
        await Expect(advisor.Locator("#reroute-heading")).ToHaveTextAsync("Inget svar: skicka behovet till en annan insats");
        await advisor.AssertAccessibleAsync();
        await advisor.ScreenshotAtBothWidthsAsync("promise-reroute-sv");
        await advisor.Locator("form.language-switch").GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        var nextOfferId = int.Parse((await option.GetAttributeAsync("data-offer-id"))!, System.Globalization.CultureInfo.InvariantCulture);
        var contact = option.Locator("input[name='Reroute.ContactEmail']");
        if (await contact.CountAsync() > 0)
        {
            await contact.FillAsync($"contact-{tag}@partner.example");
        }

        await option.GetByRole(AriaRole.Button).ClickAsync();
        await advisor.WaitForURLAsync(url => !url.EndsWith($"/referrals/{referral.Id}", StringComparison.Ordinal));
        await Expect(advisor.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await advisor.AssertAccessibleAsync();

        var referrals = await portal.WithDbAsync(db => db.Referrals.AsNoTracking().Where(r => r.NeedId == needId).OrderBy(r => r.Id).Select(r => new { r.Id, r.OfferId, r.Status }).ToListAsync());
        Assert.Equal(2, referrals.Count);
        Assert.Equal((referral.Id, ReferralStatus.Unanswered), (referrals[0].Id, referrals[0].Status));
        Assert.Equal((nextOfferId, ReferralStatus.Sent), (referrals[1].OfferId!.Value, referrals[1].Status));
        await advisor.GotoAsync($"/clients/{companyId}/needs/{needId}");
        var history = advisor.Locator("section[aria-labelledby=referrals-heading]");
        await Expect(history.Locator($"a[href='/referrals/{referrals[0].Id}']")).ToBeVisibleAsync();
        await Expect(history.Locator($"a[href='/referrals/{referrals[1].Id}']")).ToBeVisibleAsync();
        await Expect(history).ToContainTextAsync("No answer");
        await advisor.ScreenshotAtBothWidthsAsync("promise-need-history");
        await partner.Context.CloseAsync();
        await advisor.Context.CloseAsync();
    }
}
