using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MediconGlobal.Web.Tests.Browser;

/// <summary>
/// Issue 14: the public pages (home, /offers with its filters open, an offer) in Swedish and Danish, in a real browser
/// at 1280 and 390 px. Each page is
/// in the chosen language (<c>&lt;html lang&gt;</c>), has no axe violation at any impact, does not scroll sideways,
/// and no button, menu link, heading, badge or table heading lets a long Swedish or Danish word run out of its box;
/// a screenshot of each is saved for a person to look at (<c>language-layout-{culture}-{page}-{width}.png</c>). The
/// staff and founder pages are looked at the same way, each role on a fresh account (the language is remembered on
/// the account, so demo accounts stay English for the other tests).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LanguageLayoutTests(BrowserFixture browser)
{
    private static readonly int[] Widths = [1280, 390];

    /// <summary>Elements whose text must fit their box; wide tables scroll inside their own region instead.</summary>
    private const string Overflowing = """
        () => [...document.querySelectorAll('.btn, button, .nav-link, .navbar-brand, h1, h2, h3, .badge, th, .card-title, label, .form-label, .dropdown-item')]
            .filter(e => e.offsetParent !== null && !e.closest('.table-responsive, .visually-hidden, pre, code'))
            .filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'auto')
            .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${[...e.classList].join('.')}: "${e.textContent.trim().slice(0, 60)}" (${e.scrollWidth} > ${e.clientWidth})`)
        """;

    /// <summary>The innermost elements whose right edge passes the window's: what makes a page scroll sideways.</summary>
    private const string StickingOut = """
        () => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.parentElement?.closest('.table-responsive, .visually-hidden'))
            .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > window.innerWidth + 1))
            .slice(0, 8)
            .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${[...e.classList].join('.')}: "${e.textContent.trim().slice(0, 60)}" (right ${Math.round(e.getBoundingClientRect().right)})`)
        """;

    [Theory]
    [InlineData("sv", "Svenska")]
    [InlineData("da", "Dansk")]
    public async Task PublicPages_InSwedishAndDanish_FitPhoneAndDesktop_WithoutAxeViolations(string culture, string language)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("form.language-switch").GetByRole(AriaRole.Button, new() { Name = language }).ClickAsync();
        await LookAtAsync(page, culture, "home");

        await page.GotoAsync("/offers?cost=subsidised");
        await LookAtAsync(page, culture, "offers", OpenFiltersAsync);

        await page.Locator(".offer-list h3 a").First.ClickAsync();
        await LookAtAsync(page, culture, "offer");

        await page.GotoAsync("/find-support?help=&page=2");
        await LookAtAsync(page, culture, "find-support-page-2");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("sv", "Svenska")]
    [InlineData("da", "Dansk")]
    public async Task SignedInPages_InSwedishAndDanish_FitPhoneAndDesktop_WithoutAxeViolations(string culture, string language)
    {
        var founderCompany = await browser.Portal.WithDbAsync(db => db.Companies.Where(c => c.Name == DemoAccounts.FounderCompanyName).Select(c => c.Id).SingleAsync());
        (string Role, string? Organisation, int? Company, (string Name, string Url)[] Pages)[] visits =
        [
            (Roles.ProjectManager, OrganisationSeed.Mva, null, [("dashboard", "/dashboard"), ("gaps", "/reports/gaps"), ("scope", "/reports/scope"), ("referral-settings", "/settings/referrals")]),
            (Roles.Advisor, OrganisationSeed.SmiLe, null, [("clients", "/clients"), ("referrals", "/referrals")]),
            (Roles.PartnerStaff, OrganisationSeed.InnovationSkane, null, [("partner", "/partner")]),
            (Roles.Startup, null, founderCompany, [("my-requests", "/my-requests")]),
        ];
        foreach (var (role, organisation, company, pages) in visits)
        {
            var email = $"layout-{culture}-{Guid.NewGuid():N}@journey.test";
            await browser.Portal.CreateUserAsync(email, role, organisation, company);
            var page = await browser.NewPageAsync();
            await page.SignInAsync(email, PortalFactory.Password);
            await page.Locator("form.language-switch").GetByRole(AriaRole.Button, new() { Name = language }).ClickAsync();
            foreach (var (name, url) in pages)
            {
                await page.GotoAsync(url);
                await LookAtAsync(page, culture, name);
            }

            await page.Context.CloseAsync();
        }
    }

    /// <summary>At each width: in the language, nothing runs out of its box, axe-clean (once), and a screenshot.</summary>
    private static async Task LookAtAsync(IPage page, string culture, string name, Func<IPage, Task>? prepare = null)
    {
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture);
        var axe = await page.RunAxeAsync();
        Assert.True(axe.Violations.Length == 0, $"axe on {page.Url}:\n" + string.Join("\n", axe.Violations.Select(v => $"- {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")));
        foreach (var width in Widths)
        {
            await page.SetViewportSizeAsync(width, 900);
            if (prepare is not null)
            {
                await prepare(page);
            }

            await page.ScreenshotAsync($"language-layout-{culture}-{name}-{width}");
            var sticking = await page.EvaluateAsync<string[]>(StickingOut);
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), $"{page.Url} scrolls sideways at {width} px in {culture}:\n" + string.Join("\n", sticking));
            var overflowing = await page.EvaluateAsync<string[]>(Overflowing);
            Assert.True(overflowing.Length == 0, $"{page.Url} at {width} px in {culture}: text runs out of its box:\n" + string.Join("\n", overflowing));
        }

        await page.SetViewportSizeAsync(1280, 900);
    }

    /// <summary>The catalogue with its filters unfolded (on a phone they are folded under their heading).</summary>
    private static async Task OpenFiltersAsync(IPage page)
    {
        if (!await page.Locator(".filters-panel").EvaluateAsync<bool>("d => d.open"))
        {
            await page.Locator(".filters-summary").ClickAsync();
        }
    }
}
