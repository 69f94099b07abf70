namespace MediconGlobal.Web.Tests.Browser;

/// <summary>The public pages are accessible and usable at desktop and phone widths.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PublicPagesTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(1280, "desktop")]
    [InlineData(390, "phone")]
    public async Task PublicPages_PassAnAccessibilityScan_AtEachWidth(int width, string label)
    {
        var page = await browser.NewPageAsync(width, 844);
        foreach (var (path, name) in new[]
        {
            ("/", "home"),
            ("/Identity/Account/Login", "sign-in"),
            ("/Identity/Account/Register", "register"),
            ("/accessibility", "accessibility"),
            ("/no-such-page", "not-found"),
            ("/Identity/Account/Logout", "signed-out"),
            ("/Error?code=429", "too-many-attempts"),
        })
        {
            await page.GotoAsync(path);
            await page.AssertAccessibleAsync();
            await page.ScreenshotAsync($"shell-{name}-{label}");
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SignIn_WithBadInput_ShowsMessagesOnTheForm()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Identity/Account/Login");
        await page.GetByLabel("E-mail").FillAsync("nobody@example.test");
        await page.GetByLabel("Password").FillAsync("wrong-password");
        await page.Locator("#login-submit").ClickAsync();

        await Microsoft.Playwright.Assertions.Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Alert)).ToContainTextAsync("The e-mail address or password is not correct");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("shell-sign-in-error");
        await page.Context.CloseAsync();
    }
}
