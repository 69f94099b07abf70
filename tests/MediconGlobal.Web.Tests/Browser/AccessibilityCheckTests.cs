using Microsoft.Playwright;

namespace MediconGlobal.Web.Tests.Browser;

/// <summary>
/// The accessibility check every browser test relies on (<see cref="PageExtensions.AssertAccessibleAsync"/>) finds what
/// axe-core finds: a page with a known serious violation fails it, in a page of a test's context (axe from the init
/// script) and in a page given its content afterwards (axe put in by the check).
/// </summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class AccessibilityCheckTests(BrowserFixture browser)
{
    private const string ImageWithoutText = "<!doctype html><html lang=\"en\"><head><title>t</title></head><body><main><h1>t</h1><img src=\"data:,\"></main></body></html>";

    [Fact]
    public async Task AnImageWithoutText_FailsTheCheck_AndAxeRanEveryRule()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        var clean = await page.RunAxeAsync(violationsOnly: false);
        Assert.DoesNotContain(clean.Violations, v => v.Impact is "serious" or "critical");
        Assert.Contains(clean.Passes, r => r.Id == "color-contrast");

        await page.SetContentAsync(ImageWithoutText);
        var found = await page.RunAxeAsync();
        Assert.Contains(found.Violations, v => v.Id == "image-alt" && v.Impact == "critical");
        var failure = await Assert.ThrowsAsync<Xunit.Sdk.TrueException>(page.AssertAccessibleAsync);
        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task APageWithoutTheInitScript_GetsAxePutIn()
    {
        var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync(ImageWithoutText);
        Assert.False(await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"));
        var found = await page.RunAxeAsync();
        Assert.Contains(found.Violations, v => v.Id == "image-alt");
        await context.CloseAsync();
    }
}
