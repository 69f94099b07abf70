using System.Text.RegularExpressions;
using MediconGlobal.Core.Data.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MediconGlobal.Web.Tests.Browser;

/// <summary>
/// Partner staff keep their own listings right (issue 3): partner@innovationskane.test drafts an offer, edits
/// it, publishes it and finds it in the public catalogue, and cannot open the edit page of another organisation's
/// offer. Every page visited is scanned by axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PartnerOfferJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task PartnerStaff_DraftsEditsAndPublishesAnOffer_FindsItInTheCatalogue_AndCannotEditAnotherOrganisationsOffer()
    {
        var name = $"Regulatory sprint {Guid.NewGuid().ToString("N")[..6]}";
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAccounts.PartnerInnovationSkane, DemoAccounts.Password);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "My organisation" }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("Innovation Skåne");
        await page.AssertAccessibleAsync();

        // A draft: not yet in the catalogue.
        await page.GetByRole(AriaRole.Link, new() { Name = "New offer" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Description").FillAsync("Two weeks with a regulatory expert.");
        await page.GetByLabel("Kind of help").SelectOptionAsync(new SelectOptionValue { Label = "Regulatory (CE marking, FDA)" });
        await page.GetByLabel("Format").SelectOptionAsync(new SelectOptionValue { Label = "Workshop" });
        await page.GetByLabel("Cost", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Free" });
        await page.GetByLabel("How to apply").FillAsync("Write to the regulatory desk.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();
        await Expect(page.Locator("[role=status]").First).ToContainTextAsync($"Saved “{name}” as a draft.");
        await Expect(page.Locator("h1")).ToHaveTextAsync(name);
        await page.AssertAccessibleAsync();
        var editUrl = page.Url;
        var offerId = Regex.Match(editUrl, @"/partner/offers/(\d+)/edit").Groups[1].Value;
        var visitor = await browser.NewPageAsync();
        Assert.Equal(404, (await visitor.GotoAsync($"/offers/{offerId}"))!.Status);

        // Edit it: a sharper description and a target market.
        await page.GetByLabel("Description").FillAsync("Two weeks with a regulatory expert to plan the CE marking and the FDA 510(k) route.");
        await page.GetByLabel("USA", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.Locator("[role=status]").First).ToContainTextAsync($"Saved “{name}”.");
        await Expect(page.GetByLabel("Description")).ToHaveValueAsync(new Regex("FDA 510\\(k\\) route"));
        await page.AssertAccessibleAsync();

        // Publish; the public catalogue finds it by a word of the new description.
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Expect(page.Locator("[role=status]").First).ToContainTextAsync("It is now in the public catalogue.");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("partner-offer-edit-desktop");
        Assert.Equal(200, (await visitor.GotoAsync($"/offers/{offerId}"))!.Status);
        await Expect(visitor.Locator("h1")).ToHaveTextAsync(name);
        await visitor.Context.CloseAsync();

        await page.GotoAsync("/offers?q=" + Uri.EscapeDataString(name));
        await Expect(page.Locator(".offer-list article")).ToHaveCountAsync(1);
        await Expect(page.Locator(".offer-list article h3")).ToHaveTextAsync(name);
        await page.AssertAccessibleAsync();
        await page.GotoAsync("/offers?q=510(k)+route&category=regulatory");
        await Expect(page.Locator(".offer-list")).ToContainTextAsync(name);
        await page.Locator(".offer-list").GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(name);
        await Expect(page.Locator("main")).ToContainTextAsync("Write to the regulatory desk.");
        await page.AssertAccessibleAsync();

        // Another organisation's offer: refused, never the form.
        var dlscOffer = await browser.Portal.WithDbAsync(db => db.Offers.Where(o => o.Provider!.SeedKey == OrganisationSeed.Dlsc).Select(o => o.Id).FirstAsync());
        var forbidden = await page.Context.APIRequest.GetAsync($"/partner/offers/{dlscOffer}/edit", new() { MaxRedirects = 0 });
        Assert.Equal(302, forbidden.Status);
        Assert.Contains("/Identity/Account/AccessDenied", forbidden.Headers["location"], StringComparison.OrdinalIgnoreCase);
        await page.GotoAsync($"/partner/offers/{dlscOffer}/edit");
        Assert.Contains("/Identity/Account/AccessDenied", page.Url, StringComparison.OrdinalIgnoreCase);
        await Expect(page.Locator("h1")).ToContainTextAsync("No access");
        await Expect(page.Locator("form [name='Input.Name']")).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();
        await Expect(page.Locator("main")).Not.ToContainTextAsync(await browser.Portal.WithDbAsync(db => db.Offers.Where(o => o.Id == dlscOffer).Select(o => o.Name).SingleAsync()));

        // Their own offer stays editable.
        await page.GotoAsync(editUrl);
        await Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync(name);
        await page.Context.CloseAsync();
    }
}
