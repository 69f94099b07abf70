using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Security;
using MediconGlobal.Testing;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace MediconGlobal.Web.Tests.Browser;

/// <summary>
/// Issue 17 item 5 in a real browser: a founder opens "My company", proposes a correction and withdraws the consent
/// recorded on the company's behalf; partner@innovationskane.test, who received a referral of the company, sees it by
/// name before and anonymously after; the company's advisor got the e-mail. Every page is scanned by axe and
/// photographed at 1280 and 390 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FounderConsentJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Founder_WithdrawsConsent_ThePartnersReferralViewLosesTheCompanyIdentity()
    {
        var name = $"Consenting Startup {Guid.NewGuid():N}"[..28];
        var referral = await browser.Portal.WithDbAsync(async db =>
            await CaseBuilder.ReferAsync(db, await CaseBuilder.NeedAsync(db, await CaseBuilder.CompanyAsync(db, name, OrganisationSeed.SmiLe), "legal", "usa", DateTime.UtcNow), "is-advisory-legal", DateTime.UtcNow));
        var companyId = await browser.Portal.WithDbAsync(db => Task.FromResult(db.Needs.Where(n => n.Id == referral.NeedId).Select(n => n.CompanyId).Single()));
        var founderEmail = $"founder-{Guid.NewGuid():N}@journey.test";
        await browser.Portal.CreateUserAsync(founderEmail, Roles.Startup, companyId: companyId);
        var partner = await browser.NewPageAsync();
        await partner.SignInAsync(DemoAccounts.PartnerInnovationSkane, DemoAccounts.Password);
        await partner.GotoAsync($"/referrals/{referral.Id}");
        Assert.Contains(name, await partner.Locator("main").TextContentAsync(), StringComparison.Ordinal);

        var founder = await browser.NewPageAsync();
        await founder.SignInAsync(founderEmail, PortalFactory.Password);
        await founder.GetByRole(AriaRole.Link, new() { Name = "My company" }).ClickAsync();
        await founder.WaitForURLAsync(url => url.EndsWith("/my-company", StringComparison.Ordinal));
        await founder.AssertAccessibleAsync();
        await founder.GetByLabel("What is wrong, and what should it say?").FillAsync("We have moved to Lund.");
        await founder.GetByRole(AriaRole.Button, new() { Name = "Send to my advisors" }).ClickAsync();
        await founder.WaitForSelectorAsync(".correction-list");
        await founder.GetByLabel("Reason for withdrawing (optional)").FillAsync("We are in stealth mode.");
        await founder.GetByRole(AriaRole.Button, new() { Name = "Withdraw consent" }).ClickAsync();
        await founder.WaitForSelectorAsync("#withdrawal-form", new() { State = WaitForSelectorState.Detached });
        Assert.Contains("We are in stealth mode.", await founder.Locator(".consent-history").TextContentAsync(), StringComparison.Ordinal);
        await founder.AssertAccessibleAsync();
        await founder.ScreenshotAsync("my-company-1280");
        await founder.SetViewportSizeAsync(390, 844);
        await founder.ScreenshotAsync("my-company-390");

        await partner.ReloadAsync();
        Assert.DoesNotContain(name, await partner.ContentAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await partner.Locator(".company-anonymous").CountAsync());
        await partner.AssertAccessibleAsync();
        var mail = await browser.Portal.Mailbox.WaitForAsync(DemoAccounts.AdvisorSmile, m => m.TextBody.Contains($"/clients/{companyId}#consent", StringComparison.Ordinal));
        Assert.DoesNotContain(name, mail.TextBody, StringComparison.Ordinal);

        var advisor = await browser.NewPageAsync();
        await advisor.SignInAsync(DemoAccounts.AdvisorSmile, DemoAccounts.Password);
        await advisor.GotoAsync($"/clients/{companyId}");
        Assert.Contains("We have moved to Lund.", await advisor.Locator("#corrections").TextContentAsync(), StringComparison.Ordinal);
        await advisor.AssertAccessibleAsync();
        await advisor.ScreenshotAsync("client-proposed-correction-1280");
        await founder.Context.CloseAsync();
        await partner.Context.CloseAsync();
        await advisor.Context.CloseAsync();
    }
}
