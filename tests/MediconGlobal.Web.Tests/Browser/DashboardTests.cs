using MediconGlobal.Core.Data.Seed;
using Microsoft.Playwright;

namespace MediconGlobal.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class DashboardTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(1280, "desktop")]
    [InlineData(390, "phone")]
    public async Task ProjectManager_SeesTheDashboard(int width, string name)
    {
        var page = await browser.NewPageAsync(width, 900);
        await page.SignInAsync(DemoAccounts.PmSmile, DemoAccounts.Password);
        await page.GotoAsync("/dashboard");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Dashboard");
        await Assertions.Expect(page.Locator("#dashboard-kpis .kpi")).ToHaveCountAsync(5);
        Assert.True(await page.Locator("#unmet-by-category tbody tr").CountAsync() > 0);
        Assert.True(await page.Locator("#open-referrals tbody tr").CountAsync() > 0);
        await Assertions.Expect(page.Locator("#new-needs tbody tr")).ToHaveCountAsync(12);
        await Assertions.Expect(page.Locator("#new-needs-chart")).ToBeAttachedAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync($"dashboard-{name}");
        await page.Context.CloseAsync();
    }
}
