using MediconGlobal.Core.Data.Seed;

namespace MediconGlobal.Web.Tests.Browser;

/// <summary>
/// Signing out in a real browser (issue 10, item 2; OWASP ASVS 3.3.1 and 8.2.3): the session ends, and going back
/// in the browser's history shows the sign-in page, not the client list that was on screen.
/// </summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class SignOutJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task SignOut_EndsTheSession_AndTheBackButtonShowsNoClientData()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAccounts.AdvisorSmile, DemoAccounts.Password);
        await page.GotoAsync("/clients");
        var client = (await page.Locator("table.caseload a[href^='/clients/']").First.TextContentAsync())!.Trim();

        await page.GotoAsync("/Identity/Account/Logout");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("sign-out-desktop");
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync("sign-out-phone");
        await page.Locator("#logout button").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.GoBackAsync();
        await page.GoBackAsync();

        Assert.Contains("/Identity/Account/Login", page.Url, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(client, await page.ContentAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
