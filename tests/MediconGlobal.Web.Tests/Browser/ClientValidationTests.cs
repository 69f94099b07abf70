using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MediconGlobal.Web.Tests.Browser;

/// <summary>
/// The forms' FluentValidation rules give feedback in the browser before anything is sent (issue 16 item 3, ADR 1652):
/// the client-side adapters' rules, checked by the vendored jQuery Validation within the portal's CSP.
/// </summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class ClientValidationTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(1280, "desktop")]
    [InlineData(390, "phone")]
    public async Task ReportAProblem_ShowsTheValidatorsMessagesBeforeSubmitting(int width, string label)
    {
        var offer = await browser.Portal.WithDbAsync(db => db.Offers.Where(o => o.SeedKey == "is-test-beds").Select(o => o.Id).SingleAsync());
        var page = await browser.NewPageAsync(width, 844);
        var posts = 0;
        var cspViolations = new List<string>();
        page.Request += (_, request) => posts += request.Method == "POST" ? 1 : 0;
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                cspViolations.Add(message.Text);
            }
        };
        await page.GotoAsync($"/offers/{offer}");
        await page.Locator("#report summary").ClickAsync();

        // Leaving a field that breaks a rule shows the rule's message at once.
        await page.Locator("#Report_Message").FillAsync("Too old");
        await page.Locator("#Report_Name").FocusAsync();
        await Expect(page.Locator("#report-message-error")).ToHaveTextAsync("Tell the provider a little more (at least 10 characters).");

        // Sending with an empty required field and a malformed address stops in the browser, with both messages.
        await page.Locator("#Report_Message").FillAsync("");
        await page.Locator("#Report_Email").FillAsync("not-an-address");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();
        await Expect(page.Locator("#report-message-error")).ToHaveTextAsync("Describe what is wrong or out of date.");
        await Expect(page.Locator("#report-email-error")).ToHaveTextAsync("Enter an email address like name@example.com, or leave it empty.");
        Assert.Equal(0, posts);
        Assert.Empty(cspViolations);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync($"client-validation-{label}");

        await page.Context.CloseAsync();
    }
}
