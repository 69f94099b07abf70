using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace MediconGlobal.Web.Tests.Browser;

/// <summary>
/// Issue 11 items 2 and 3 in a real browser: the administrator adds a market under an existing one, retires a
/// sector a client uses (the client keeps it, new forms no longer offer it) and merges two organisations (the one
/// that stays carries the offers and the history of both). Every page passes axe; the taxonomy and merge pages are
/// captured at desktop and phone width. Terms and organisations get names of their own, because the browser
/// collection shares one portal with the other journeys.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TaxonomyAndMergeJourneyTests(BrowserFixture browser)
{
    private readonly string _tag = Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task Administrator_AddsAMarketUnderUsa_TheNeedFormOffersIt()
    {
        var admin = await browser.NewPageAsync();
        await admin.SignInAsync(DemoAccounts.Admin, DemoAccounts.Password);
        await admin.GotoAsync("/admin/taxonomies/markets");
        await admin.AssertAccessibleAsync();

        var texas = $"Texas {_tag}";
        await admin.Locator("#Input_Name").FillAsync(texas);
        await admin.Locator("#Input_NameSv").FillAsync($"Texas {_tag} (sv)");
        await admin.Locator("#Input_Code").FillAsync($"usa-texas-{_tag}");
        await admin.Locator("#Input_ParentId").SelectOptionAsync(new SelectOptionValue { Label = "USA" });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add term" }).ClickAsync();

        var row = admin.Locator("tr", new() { Has = admin.GetByRole(AriaRole.Rowheader, new() { Name = texas, Exact = true }) });
        await Assertions.Expect(row).ToContainTextAsync("USA");
        await Assertions.Expect(row).ToContainTextAsync("In use");
        await admin.AssertAccessibleAsync();
        await admin.ScreenshotAsync("admin-markets-desktop");
        await admin.SetViewportSizeAsync(390, 844);
        await admin.ScreenshotAsync("admin-markets-phone");

        var company = await browser.Portal.WithDbAsync(db => CaseBuilder.CompanyAsync(db, $"Lone Star Diagnostics {_tag}", OrganisationSeed.SmiLe));
        var advisor = await browser.NewPageAsync();
        await advisor.SignInAsync(DemoAccounts.AdvisorSmile, DemoAccounts.Password);
        await advisor.GotoAsync($"/clients/{company.Id}/needs/new");
        Assert.Contains(texas, await advisor.Locator("#Input_MarketId option").AllTextContentsAsync());
        await advisor.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task Administrator_RetiresAUsedSector_TheClientKeepsIt_NewClientFormsNoLongerOfferIt()
    {
        var sector = $"Space medicine {_tag}";
        var company = await browser.Portal.WithDbAsync(async db =>
        {
            var term = new TaxonomyTerm(TaxonomyKind.Sector, $"space-medicine-{_tag}", sector);
            db.TaxonomyTerms.Add(term);
            var company = await CaseBuilder.CompanyAsync(db, $"Orbital Health {_tag}", OrganisationSeed.SmiLe);
            company.Sector = term;
            await db.SaveChangesAsync();
            return company;
        });
        var admin = await browser.NewPageAsync();
        await admin.SignInAsync(DemoAccounts.Admin, DemoAccounts.Password);
        await admin.GotoAsync("/admin/taxonomies/sectors");
        var row = admin.Locator("tr", new() { Has = admin.GetByRole(AriaRole.Rowheader, new() { Name = sector, Exact = true }) });
        await Assertions.Expect(row.Locator("td.text-end").First).ToContainTextAsync("1");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Retire {sector}" }).ClickAsync();

        await Assertions.Expect(row).ToContainTextAsync("Retired");
        await admin.AssertAccessibleAsync();
        var advisor = await browser.NewPageAsync();
        await advisor.SignInAsync(DemoAccounts.AdvisorSmile, DemoAccounts.Password);
        await advisor.GotoAsync($"/clients/{company.Id}");
        await Assertions.Expect(advisor.Locator("main")).ToContainTextAsync(sector);
        await advisor.GotoAsync("/clients/new");
        Assert.DoesNotContain(sector, await advisor.Locator("#Input_SectorId option").AllTextContentsAsync());
        await advisor.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task Administrator_MergesTwoOrganisations_TheOneThatStaysCarriesTheOffersAndHistoryOfBoth()
    {
        var (stays, duplicate) = await browser.Portal.WithDbAsync(async db =>
        {
            var legal = await db.TaxonomyTerms.SingleAsync(t => t.Code == "legal");
            var stays = new Organisation($"Kattegat Bio Hub {_tag}", OrganisationType.Incubator, "DK");
            var duplicate = new Organisation($"Kattegat Bio Hub ApS {_tag}", OrganisationType.Incubator, "DK") { Website = "https://kattegat-bio.example" };
            var first = new Offer($"Regulatory clinic {_tag}", stays, legal) { Description = "Monthly clinic." };
            var second = new Offer($"Export workshop {_tag}", duplicate, legal) { Description = "Half a day." };
            first.Publish(DateTime.UtcNow);
            second.Publish(DateTime.UtcNow);
            db.Organisations.AddRange(stays, duplicate);
            db.Offers.AddRange(first, second);
            await db.SaveChangesAsync();
            return (stays.Id, duplicate.Id);
        });
        var admin = await browser.NewPageAsync();
        await admin.SignInAsync(DemoAccounts.Admin, DemoAccounts.Password);

        // The duplicate gets a history of its own first, through its edit form.
        await admin.GotoAsync($"/organisations/{duplicate}/edit");
        await admin.Locator("#Input_Description").FillAsync("Life-science incubator on the Kattegat coast.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save organisation" }).ClickAsync();
        await admin.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/organisations/{duplicate}");

        await admin.GotoAsync("/admin/organisations/merge");
        await admin.AssertAccessibleAsync();
        await admin.Locator("#merge-survivor").SelectOptionAsync(stays.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await admin.Locator("#merge-duplicate").SelectOptionAsync(duplicate.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Compare" }).ClickAsync();
        await admin.Locator("#take-Website").CheckAsync();
        await admin.Locator("#take-Description").CheckAsync();
        await admin.AssertAccessibleAsync();
        await admin.ScreenshotAsync("admin-merge-desktop");
        await admin.SetViewportSizeAsync(390, 844);
        await admin.ScreenshotAsync("admin-merge-phone");
        await admin.SetViewportSizeAsync(1280, 900);

        await admin.GetByRole(AriaRole.Button, new() { Name = $"Merge Kattegat Bio Hub ApS {_tag} into Kattegat Bio Hub {_tag}" }).ClickAsync();

        await admin.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/organisations/{stays}");
        var offers = admin.Locator(".offer-list");
        await Assertions.Expect(offers).ToContainTextAsync($"Regulatory clinic {_tag}");
        await Assertions.Expect(offers).ToContainTextAsync($"Export workshop {_tag}");
        await Assertions.Expect(admin.Locator("main")).ToContainTextAsync("https://kattegat-bio.example");
        await admin.AssertAccessibleAsync();
        await admin.GotoAsync($"/organisations/{duplicate}");
        Assert.Equal($"/organisations/{stays}", new Uri(admin.Url).AbsolutePath);

        await admin.GotoAsync($"/history/organisations/{stays}");
        var history = admin.Locator("main");
        await Assertions.Expect(history).ToContainTextAsync($"Kattegat Bio Hub ApS {_tag} (#{duplicate})");
        await Assertions.Expect(history).ToContainTextAsync("Life-science incubator on the Kattegat coast.");
        await admin.AssertAccessibleAsync();
        await admin.Context.CloseAsync();
    }
}
