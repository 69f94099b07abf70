using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Notifications;
using MediconGlobal.Core.Security;
using MediconGlobal.Testing;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MimeKit;
using static Microsoft.Playwright.Assertions;

namespace MediconGlobal.Web.Tests.Browser;

/// <summary>
/// Issue 17 item 2 in a real browser: a founder saves a catalogue search with immediate alerts, partner staff publish
/// a matching offer, the founder's alert e-mail arrives in the Development mail folder, and its unsubscribe link —
/// opened without signing in — stops the alerts. Pages are scanned by axe at 1280 and 390 px and photographed in
/// English and Swedish.
/// </summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class SavedSearchJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Founder_SavesASearch_PartnerPublishesAMatch_AlertArrives_AndUnsubscribingWorks()
    {
        var companyId = await browser.Portal.WithDbAsync(async db => (await CaseBuilder.CompanyAsync(db, $"Alerted Startup {Guid.NewGuid():N}"[..24], OrganisationSeed.SmiLe)).Id);
        var founderEmail = $"founder-{Guid.NewGuid():N}@journey.test";
        await browser.Portal.CreateUserAsync(founderEmail, Roles.Startup, companyId: companyId);
        var searchName = $"US regulatory {Guid.NewGuid().ToString("N")[..6]}";

        // A visitor is offered to sign in; signed in, the founder saves the search with immediate alerts.
        var founder = await browser.NewPageAsync();
        await founder.GotoAsync("/offers?category=regulatory&market=usa");
        await founder.GetByRole(AriaRole.Link, new() { Name = "Sign in to save this search" }).ClickAsync();
        await founder.GetByLabel("E-mail").FillAsync(founderEmail);
        await founder.GetByLabel("Password").FillAsync(PortalFactory.Password);
        await founder.Locator("#login-submit").ClickAsync();
        await founder.WaitForURLAsync(url => url.Contains("/saved-searches/new", StringComparison.Ordinal));
        await founder.AssertAccessibleAsync();
        await founder.ScreenshotAsync("saved-search-new-1280");
        await founder.GetByLabel("Name of the search").FillAsync(searchName);
        await founder.GetByLabel("E-mail me as soon as a new or changed offer matches").CheckAsync();
        await founder.GetByRole(AriaRole.Button, new() { Name = "Save the search" }).ClickAsync();
        await Expect(founder.Locator("[role=status]").First).ToContainTextAsync($"Your search “{searchName}” is saved.");
        await Expect(founder.Locator("main")).ToContainTextAsync("Regulatory");
        await founder.AssertAccessibleAsync();
        await founder.ScreenshotAsync("saved-searches-1280");
        await founder.SetViewportSizeAsync(390, 844);
        await founder.AssertAccessibleAsync();
        await founder.ScreenshotAsync("saved-searches-390");
        await founder.Locator("main a[href$='/edit']").First.ClickAsync();
        await founder.AssertAccessibleAsync();
        await founder.ScreenshotAsync("saved-search-edit-390");
        await founder.SetViewportSizeAsync(1280, 900);
        await founder.ScreenshotAsync("saved-search-edit-1280");

        // Partner staff publish a regulatory offer for the USA.
        var offerName = $"FDA pathway clinic {Guid.NewGuid().ToString("N")[..6]}";
        var partner = await browser.NewPageAsync();
        await partner.SignInAsync(DemoAccounts.PartnerInnovationSkane, DemoAccounts.Password);
        await partner.GotoAsync("/partner");
        await partner.GetByRole(AriaRole.Link, new() { Name = "New offer" }).ClickAsync();
        await partner.GetByLabel("Name", new() { Exact = true }).FillAsync(offerName);
        await partner.GetByLabel("Description").FillAsync("Plan the FDA 510(k) route with an expert.");
        await partner.GetByLabel("Kind of help").SelectOptionAsync(new SelectOptionValue { Label = "Regulatory (CE marking, FDA)" });
        await partner.GetByLabel("Format").SelectOptionAsync(new SelectOptionValue { Label = "Workshop" });
        await partner.GetByLabel("Cost", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Free" });
        await partner.GetByLabel("How to apply").FillAsync("Write to the regulatory desk.");
        await partner.GetByLabel("USA", new() { Exact = true }).CheckAsync();
        await partner.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();
        await partner.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Expect(partner.Locator("[role=status]").First).ToContainTextAsync("It is now in the public catalogue.");
        await partner.Context.CloseAsync();

        // The alert job finds the match and the e-mail lands in the Development mail folder.
        var mail = await browser.Portal.Mailbox.WaitForAsync(founderEmail, m => m.TextBody.Contains(offerName, StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        Assert.Contains(searchName, mail.Subject, StringComparison.Ordinal);
        var unsubscribe = Mailbox.LinkIn(mail, "/saved-searches/unsubscribe");
        var headers = MimeMessage.Load(Path.Combine(browser.Portal.Mailbox.Folder, mail.Id + ".eml")).Headers;
        Assert.Equal($"<{unsubscribe}>", headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", headers["List-Unsubscribe-Post"]);

        // The link works without signing in, at phone width too.
        var reader = await browser.NewPageAsync(390, 844);
        await reader.GotoAsync(unsubscribe);
        await reader.AssertAccessibleAsync();
        await reader.GetByRole(AriaRole.Button, new() { Name = "Stop these e-mails" }).ClickAsync();
        await Expect(reader.Locator("[role=status]")).ToContainTextAsync("You are unsubscribed");
        await reader.AssertAccessibleAsync();
        await reader.ScreenshotAsync("saved-search-unsubscribed-390");
        await reader.SetViewportSizeAsync(1280, 900);
        await reader.AssertAccessibleAsync();
        await reader.ScreenshotAsync("saved-search-unsubscribed-1280");
        Assert.Equal(AlertFrequency.Off, await browser.Portal.WithDbAsync(db => db.SavedSearches.Where(s => s.Name == searchName).Select(s => s.Frequency).SingleAsync()));
        await reader.Context.CloseAsync();

        // The same pages in Swedish.
        await founder.GotoAsync("/saved-searches");
        await founder.Context.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["Accept-Language"] = "sv" });
        await founder.GotoAsync("/saved-searches");
        await founder.ScreenshotAsync("saved-searches-sv-1280");
        await founder.GotoAsync("/saved-searches/new?kind=Guided&criteria=help%3Dregulatory%26market%3Dusa");
        await founder.ScreenshotAsync("saved-search-new-sv-1280");
        await founder.SetViewportSizeAsync(390, 844);
        await founder.ScreenshotAsync("saved-search-new-sv-390");
        await founder.GotoAsync("/saved-searches");
        await founder.ScreenshotAsync("saved-searches-sv-390");
        await founder.Context.CloseAsync();
    }
}
