using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Testing;
using Microsoft.Playwright;

namespace MediconGlobal.Web.Tests.Browser;

/// <summary>
/// Issue 11 item 7 in a real browser: advisor@smile.test refers a client's need to Enterprise Europe Network, where
/// nobody has an account; the need page says so before sending and asks for a contact's address; the contact follows
/// the link from the actual e-mail, accepts without an account, and the advisor sees the answer on the referral.
/// Every page is scanned by axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EmailedReferralJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Advisor_RefersToAnOrganisationWithoutAccounts_TheContactAnswersThroughTheEmailedLink()
    {
        var contact = $"partnering-{Guid.NewGuid():N}@een.example";
        var need = await browser.Portal.WithDbAsync(async db =>
            await CaseBuilder.NeedAsync(db, await CaseBuilder.CompanyAsync(db, $"Emailed Referral {Guid.NewGuid():N}"[..24], OrganisationSeed.SmiLe), "partnering", "eu", DateTime.UtcNow));
        var een = await browser.Portal.WithDbAsync(db => CaseBuilder.OfferIdAsync(db, "een-partnering"));
        var advisor = await browser.NewPageAsync();
        await advisor.SignInAsync(DemoAccounts.AdvisorSmile, DemoAccounts.Password);

        await advisor.GotoAsync($"/clients/{need.CompanyId}/needs/{need.Id}");
        var suggestion = advisor.Locator($"[data-offer-id='{een}']");
        Assert.Contains("Nobody at Enterprise Europe Network answers referrals in the portal", await suggestion.Locator(".no-staff-note").TextContentAsync(), StringComparison.Ordinal);
        await suggestion.Locator("summary").ClickAsync();
        await advisor.AssertAccessibleAsync();
        await advisor.ScreenshotAsync("referral-no-staff-note");
        await suggestion.GetByLabel("E-mail of the contact at Enterprise Europe Network").FillAsync(contact);
        await suggestion.GetByRole(AriaRole.Button, new() { Name = "Send referral" }).ClickAsync();
        await advisor.WaitForURLAsync(url => url.EndsWith($"/needs/{need.Id}", StringComparison.Ordinal));

        var link = Mailbox.LinkIn(await browser.Portal.Mailbox.WaitForAsync(contact), "/referrals/answer");
        var outsider = await browser.NewPageAsync();
        await outsider.GotoAsync(link);
        await outsider.AssertAccessibleAsync();
        await outsider.GetByLabel("Message to the advisor (required when declining)").FillAsync("Happy to help; we will call the advisor.");
        await outsider.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await outsider.WaitForSelectorAsync("#referral-status");
        Assert.Equal("Accepted", (await outsider.Locator("#referral-status").TextContentAsync())!.Trim());
        await outsider.AssertAccessibleAsync();

        await advisor.Locator("#referrals-heading ~ ul a").First.ClickAsync();
        await advisor.AssertAccessibleAsync();
        Assert.Contains(contact, await advisor.Locator("#sent-by-email").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("Happy to help; we will call the advisor.", await advisor.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        await outsider.Context.CloseAsync();
        await advisor.Context.CloseAsync();
    }
}
