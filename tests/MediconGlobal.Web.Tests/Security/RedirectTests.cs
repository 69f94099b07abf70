using System.Net;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Tests.Clients;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Routing;

namespace MediconGlobal.Web.Tests.Security;

/// <summary>
/// Issue 10, item 12: a <c>returnUrl</c> pointing at another site never sends anyone there and never fails — sign-out
/// goes home, sign-in and registration go to their usual page, the shortlist back to itself.
/// </summary>
public sealed class RedirectTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new();

    public static TheoryData<string> ForeignAddresses => ["https://evil.example/", "//evil.example/", "/\\evil.example", "http:evil.example"];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Theory]
    [MemberData(nameof(ForeignAddresses))]
    public async Task SignOut_WithAForeignReturnUrl_GoesHome_AndSignsOut(string returnUrl)
    {
        var client = await _portal.SignedInClientAsync($"leaving-{Guid.NewGuid():N}@test.example", Roles.Advisor, OrganisationSeed.SmiLe);
        var page = await client.GetPageAsync("/Identity/Account/Logout?returnUrl=" + Uri.EscapeDataString(returnUrl));

        var response = await client.SubmitAsync(page, "#logout");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Equal("\"cache\"", Assert.Single(response.Headers.GetValues("Clear-Site-Data")));
        (await client.GetAsync("/clients")).AssertRedirectsTo("/Identity/Account/Login");
    }

    [Fact]
    public async Task SignOut_WithALocalReturnUrl_GoesThere()
    {
        var client = await _portal.SignedInClientAsync("leaving-local@test.example", Roles.Advisor, OrganisationSeed.SmiLe);
        var page = await client.GetPageAsync("/Identity/Account/Logout?returnUrl=%2Foffers%3Fq%3Dfda");

        var response = await client.SubmitAsync(page, "#logout");

        Assert.Equal("/offers?q=fda", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignOut_ByTheNavigationButton_GoesHome()
    {
        var client = await _portal.SignedInClientAsync("leaving-nav@test.example", Roles.Advisor, OrganisationSeed.SmiLe);
        var home = await client.GetPageAsync("/");

        var response = await client.SubmitAsync(home, "form[action*='Logout']");

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [MemberData(nameof(ForeignAddresses))]
    public async Task SignInAndRegistration_WithAForeignReturnUrl_StayOnThePortal(string returnUrl)
    {
        var email = $"returning-{Guid.NewGuid():N}@test.example";
        await _portal.CreateUserAsync(email, Roles.Advisor, OrganisationSeed.SmiLe);
        var client = _portal.CreatePortalClient();
        var query = "?returnUrl=" + Uri.EscapeDataString(returnUrl);

        var login = await client.GetPageAsync("/Identity/Account/Login" + query);
        var signedIn = await client.SubmitAsync(login, "form#account", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = PortalFactory.Password });
        var founder = _portal.CreatePortalClient();
        var register = await founder.GetPageAsync("/Identity/Account/Register" + query);
        var registered = await founder.SubmitAsync(register, "main form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Frida",
            ["Input.Email"] = $"founder-{Guid.NewGuid():N}@test.example",
            ["Input.Password"] = PortalFactory.Password,
            ["Input.ConfirmPassword"] = PortalFactory.Password,
            ["Input.CompanyName"] = "Nordlys Health AB",
            ["Input.Country"] = "SE",
        });

        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
        // Registration does not sign in (the address is confirmed first), so it always goes to its own confirmation page.
        Assert.Equal("/Identity/Account/RegisterConfirmation", registered.Headers.Location!.OriginalString);
    }

    [Theory]
    [MemberData(nameof(ForeignAddresses))]
    public async Task Shortlist_WithAForeignReturnUrl_ComesBackToTheShortlist(string returnUrl)
    {
        var client = _portal.CreatePortalClient();
        var offers = await client.GetPageAsync("/offers");

        var response = await client.SubmitAsync(offers, "form.shortlist-toggle", new Dictionary<string, string> { ["returnUrl"] = returnUrl });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/shortlist", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ForeignAddresses))]
    public void AnyPage_LocalRedirectToAForeignAddress_GoesHomeInstead(string url)
    {
        var filter = new SafeLocalRedirectFilter(new UrlHelperFactory());
        var context = new ResultExecutingContext(
            new ActionContext(new DefaultHttpContext(), new RouteData(), new ActionDescriptor()), [], new LocalRedirectResult(url), controller: new object());

        filter.OnResultExecuting(context);

        Assert.Equal("~/", Assert.IsType<LocalRedirectResult>(context.Result).Url);
    }

    [Fact]
    public void AnyPage_LocalRedirectToALocalAddress_IsKept()
    {
        var filter = new SafeLocalRedirectFilter(new UrlHelperFactory());
        var context = new ResultExecutingContext(
            new ActionContext(new DefaultHttpContext(), new RouteData(), new ActionDescriptor()), [], new LocalRedirectResult("/clients/5"), controller: new object());

        filter.OnResultExecuting(context);

        Assert.Equal("/clients/5", Assert.IsType<LocalRedirectResult>(context.Result).Url);
    }
}
