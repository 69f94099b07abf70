using Deque.AxeCore.Commons;
using MediconGlobal.Testing;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Newtonsoft.Json.Linq;

namespace MediconGlobal.Web.Tests.Browser;

/// <summary>
/// The portal on a real Kestrel port in Development (demo accounts and demo data loaded, on its own SQLite
/// file) and the system Chromium driven by Playwright. Shared by the browser tests of one collection.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public BrowserFixture()
        : this(null)
    {
    }

    /// <param name="clock">The portal's clock, for journeys that move time (<see cref="ClockedBrowserFixture"/>); the system's when null.</param>
    protected BrowserFixture(TimeProvider? clock) =>
        Portal = new("Development", settings: new Dictionary<string, string?> { [MediconGlobal.Web.Pages.SavedSearches.SavedSearchAlertJob.PollSecondsKey] = "2" }) { Clock = clock };

    /// <remarks>Saved-search alerts are looked for every 2 seconds (60 by default), so an alert journey need not wait a minute.</remarks>
    public PortalFactory Portal { get; }

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>How long a browser step or web-first assertion may take before it fails, in milliseconds.</summary>
    public const float Timeout = 45_000;

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(Timeout);
        BaseAddress = Portal.StartKestrel();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PLAYWRIGHT_CHROMIUM_EXECUTABLE") ?? ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    /// <summary>
    /// A fresh browser context (own cookies), as a new visitor would have, on this fixture's portal or on
    /// <paramref name="portal"/> (the address of another one a test started, e.g. with a clock of its own). Every page of
    /// the context gets axe-core by an init script, for <see cref="PageExtensions.RunAxeAsync"/>.
    /// </summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, Uri? portal = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (portal ?? BaseAddress).ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
            // Bootstrap's buttons fade their colours for 0.15 s unless the reader prefers reduced motion; a check run
            // right after a click measured a summary button half-way and failed colour contrast (clean run, 2 Dec).
            // The accessibility checks judge the page as it settles, so the browser asks for reduced motion.
            ReducedMotion = ReducedMotion.Reduce,
        });
        // Generous: the first request of a page compiles it, and CI shares two cores with the rest of the suite.
        // A failing step still fails, only later; a passing run is not slowed down.
        context.SetDefaultTimeout(Timeout);
        context.SetDefaultNavigationTimeout(Timeout);
        await context.AddInitScriptAsync(PageExtensions.AxeScript);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await Portal.DisposeAsync();
    }
}

/// <summary>A portal of its own whose clock the journeys move (deadlines passing, verification lapsing; ADR 1934).</summary>
public sealed class ClockedBrowserFixture : BrowserFixture
{
    public ClockedBrowserFixture()
        : this(new TestClock { Now = DateTimeOffset.UtcNow })
    {
    }

    private ClockedBrowserFixture(TestClock clock)
        : base(clock) => Clock = clock;

    public TestClock Clock { get; }
}

/// <summary>The journeys that move the clock: a third collection, beside the two others (<see cref="ClockedBrowserFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class ClockedBrowserCollection : ICollectionFixture<ClockedBrowserFixture>
{
    public const string Name = "browser-clocked";
}

/// <summary>
/// The browser tests come in two collections, each with its own portal and Chromium: the tests of one collection run
/// one after the other, the two collections side by side, so the suite's longest chain is half the browser tests
/// (the suite must stay well under 30 minutes on two cores).
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>The second browser collection (see <see cref="BrowserCollection"/>).</summary>
[CollectionDefinition(Name)]
public sealed class SecondBrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser-2";
}

public static class PageExtensions
{
    public static readonly string ScreenshotFolder =
        Environment.GetEnvironmentVariable("MEDICON_SCREENSHOTS") ?? Path.Combine(Path.GetTempPath(), "mediconglobal-screenshots");

    /// <summary>The header's sign-out form, on every page for someone signed in (whatever the page's language).</summary>
    private const string SignOutForm = "form[action*='/Account/Logout']";

    /// <summary>
    /// Signs in through the real sign-in form and returns once the next page shows the sign-out form. The wait is for that
    /// element, not for the next page's load event: a CI run timed out waiting for "load" on a page that had arrived.
    /// </summary>
    public static async Task SignInAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("/Identity/Account/Login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.Locator("#login-submit").ClickAsync();
        await page.Locator(SignOutForm).WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    /// <summary>
    /// Signs out with the header's button and returns once the page after it no longer has the sign-out form, so the next
    /// navigation cannot overtake the sign-out (the URL alone does not tell: the page before had no "Logout" in it either).
    /// </summary>
    public static async Task SignOutAsync(this IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.Locator(SignOutForm).WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    /// <summary>The axe-core script bundled with Deque.AxeCore.Commons (the version the package pins).</summary>
    public static readonly string AxeScript = new BundledAxeScriptProvider().GetScript();

    /// <summary>
    /// Runs axe-core with <c>axe.run</c> on the whole document and returns its result (violations only, or every result
    /// type). axe is in every page from the context's init script (<see cref="BrowserFixture.NewPageAsync"/>), else it is
    /// put in first. Not Deque.AxeCore.Playwright's <c>RunAxe</c>: that injects the 650 KB script into the page and again
    /// into a new blank page for <c>axe.finishRun</c> at every call, which made a check take 2.2–4.1 s against 0.3–1.1 s
    /// here, and the checks most of the browser tests' time (CaseworkPagesTests: 154 s with them, 48 s without). What
    /// runPartial and finishRun add is testing inside frames, and the portal's pages have none.
    /// </summary>
    public static async Task<AxeResult> RunAxeAsync(this IPage page, bool violationsOnly = true)
    {
        // A click on a link may return before the new page's style sheets are applied (Playwright waits for the
        // navigation to commit, not for its load event): a clean run's check right after "New offer" failed the
        // navigation bar's contrast, its light text judged before the bar's background was styled.
        await page.WaitForLoadAsync();
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe?.run === 'function'"))
        {
            await page.EvaluateAsync(AxeScript);
        }

        var json = await page.EvaluateAsync<string>(
            "async violationsOnly => JSON.stringify(await axe.run(document, violationsOnly ? { resultTypes: ['violations'] } : {}))", violationsOnly);
        return new AxeResult(JObject.Parse(json));
    }

    /// <summary>
    /// Waits for the page's load event. Should it not come (once in a clean run the wait ran out with the document
    /// rendered), the failure names what the page still waited for: the document's ready state and each
    /// style sheet, script and image the page refers to that the browser has no finished request for.
    /// </summary>
    public static async Task WaitForLoadAsync(this IPage page)
    {
        try
        {
            await page.WaitForLoadStateAsync(LoadState.Load, new() { Timeout = BrowserFixture.Timeout });
        }
        catch (TimeoutException e)
        {
            var waiting = await page.EvaluateAsync<string>("""
                () => {
                    const done = new Set(performance.getEntriesByType('resource').map(r => r.name));
                    const wanted = [...document.querySelectorAll('link[rel=stylesheet][href], script[src], img[src]')].map(e => e.href || e.src);
                    return document.readyState + '; not finished: ' + (wanted.filter(u => !done.has(u)).join(', ') || 'none');
                }
                """);
            throw new TimeoutException($"{page.Url} did not finish loading in {BrowserFixture.Timeout / 1000} s: {waiting}", e);
        }
    }

    /// <summary>
    /// Runs axe-core on the page and fails on any serious or critical violation, naming each. Every rule runs; axe is
    /// asked to detail violations only (its <c>resultTypes</c> option), since passes and inapplicable rules are never
    /// read here and their node lists are most of the result's size.
    /// </summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var result = await page.RunAxeAsync();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe-core found on {page.Url}:\n" + string.Join("\n", serious.Select(Describe)));
    }

    public static async Task ScreenshotAsync(this IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    /// <summary>Full-page screenshots at desktop (1280 px, "-1280") and phone (390 px, "-390") width; the page is left at 1280.</summary>
    public static async Task ScreenshotAtBothWidthsAsync(this IPage page, string name)
    {
        await page.SetViewportSizeAsync(1280, 900);
        await page.ScreenshotAsync($"{name}-1280");
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync($"{name}-390");
        await page.SetViewportSizeAsync(1280, 900);
    }

    private static string Describe(AxeResultItem violation) =>
        $"- {violation.Id} ({violation.Impact}): {violation.Help} at {string.Join(", ", violation.Nodes.Take(3).Select(n => n.Target?.ToString()))}";
}
