using MediconGlobal.Core.Data.Seed;
using Microsoft.Playwright;

namespace MediconGlobal.Web.Tests.Browser;

/// <summary>Each demo role signs in through the real form, sees its navigation, reaches its own page, is refused another's, and signs out.</summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class RoleNavigationTests(BrowserFixture browser)
{
    public static TheoryData<string, string, string, string> Roles => new()
    {
        // email, a navigation link only this role has, a page it may open, a page it may not
        { DemoAccounts.Admin, "Administration", "/admin/users", "/my-requests" },
        { DemoAccounts.PmSmile, "Project", "/dashboard", "/admin/users" },
        { DemoAccounts.PmMva, "Project", "/dashboard", "/partner" },
        { DemoAccounts.AdvisorSmile, "Clients", "/clients", "/dashboard" },
        { DemoAccounts.AdvisorInnovationSkane, "Clients", "/clients", "/admin/users" },
        { DemoAccounts.PartnerInnovationSkane, "My organisation", "/partner", "/clients" },
        { DemoAccounts.PartnerDlsc, "My organisation", "/partner", "/dashboard" },
        { DemoAccounts.Founder, "My requests", "/my-requests", "/clients" },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task DemoAccount_SignsIn_SeesItsNavigation_IsRefusedOthersPages_AndSignsOut(string email, string navigationLink, string allowedPage, string refusedPage)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await page.AssertAccessibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByText(navigationLink, new() { Exact = true })).ToHaveCountAsync(0);

        await page.SignInAsync(email, DemoAccounts.Password);
        await page.AssertAccessibleAsync();
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });
        await Assertions.Expect(navigation.GetByText(navigationLink, new() { Exact = true }).First).ToBeVisibleAsync();

        var allowed = await page.GotoAsync(allowedPage);
        Assert.Equal(200, allowed!.Status);
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync($"role-{email.Split('@')[0]}-{email.Split('@')[1].Split('.')[0]}");

        await page.GotoAsync(refusedPage);
        Assert.Contains("/Identity/Account/AccessDenied", page.Url, StringComparison.OrdinalIgnoreCase);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("No access");
        await page.AssertAccessibleAsync();

        await page.SignOutAsync();
        var afterSignOut = await page.GotoAsync(allowedPage);
        Assert.Contains("/Identity/Account/Login", page.Url, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(200, afterSignOut!.Status);
        await page.Context.CloseAsync();
    }
}
