using System.Net;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure.Localisation;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Localisation;

/// <summary>Issue 14 item 3: the language switch, the order in which a page's language is chosen, and <c>&lt;html lang&gt;</c>.</summary>
public sealed class LanguageChoiceTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Page_WithoutAChoice_IsEnglish_AndFollowsTheBrowsersLanguage()
    {
        var client = _portal.CreatePortalClient();
        Assert.Equal("en", (await client.GetPageAsync("/")).DocumentElement.GetAttribute("lang"));

        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("da-DK");
        Assert.Equal("da", (await client.GetPageAsync("/")).DocumentElement.GetAttribute("lang"));
    }

    [Theory]
    [InlineData("/no-such-page?culture=sv", HttpStatusCode.NotFound, "sv", "Sidan finns inte")]
    [InlineData("/offers/987654?culture=da", HttpStatusCode.NotFound, "da", null)]
    [InlineData("/no-such-page?ui-culture=da&x=1", HttpStatusCode.NotFound, "da", null)]
    public async Task ErrorPage_KeepsTheLanguageOfTheAddressThatFailed(string address, HttpStatusCode status, string lang, string? text)
    {
        var page = await _portal.CreatePortalClient().GetPageAsync(address, status);

        Assert.Equal(lang, page.DocumentElement.GetAttribute("lang"));
        if (text is not null)
        {
            Assert.Contains(text, page.Body!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Switch_IsOnEveryPage_AndOffersEachLanguageInItsOwnName()
    {
        var page = await _portal.CreatePortalClient().GetPageAsync("/offers");

        var options = page.QuerySelectorAll("form.language-switch button[name=culture]")
            .Select(b => (b.GetAttribute("value"), b.GetAttribute("lang"), b.TextContent.Trim())).ToList();
        Assert.Contains(("sv", "sv", "Svenska"), options);
        Assert.Contains(("da", "da", "Dansk"), options);
        Assert.DoesNotContain(options, o => o.Item1 == PortalCultures.Pseudo);
        Assert.Equal("English", page.QuerySelector("form.language-switch [aria-current=true]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Switch_WithoutJavaScript_KeepsTheChoiceInACookie_AndReturnsToThePage()
    {
        var client = _portal.CreatePortalClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("sv");
        var page = await client.GetPageAsync("/offers?q=vinnova");

        var response = await client.SubmitAsync(page, "form.language-switch", new Dictionary<string, string> { ["culture"] = "da" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/offers?q=vinnova", response.Headers.Location!.OriginalString);
        Assert.Equal("da", (await client.GetPageAsync("/offers")).DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Switch_WhenSignedIn_IsRememberedOnTheAccount_InAnotherBrowser()
    {
        var client = await _portal.SignedInClientAsync("sara@example.test", Roles.Advisor, "smile");
        var page = await client.GetPageAsync("/clients");

        await client.SubmitAsync(page, "form.language-switch", new Dictionary<string, string> { ["culture"] = "sv" });

        Assert.Equal("sv", await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == "sara@example.test").Select(u => u.PreferredCulture).SingleAsync()));
        Assert.Equal("sv", (await client.GetPageAsync("/clients")).DocumentElement.GetAttribute("lang"));
        var elsewhere = _portal.CreatePortalClient();
        elsewhere.DefaultRequestHeaders.AcceptLanguage.ParseAdd("da");
        await elsewhere.SignInAsync("sara@example.test", PortalFactory.Password);
        Assert.Equal("sv", (await elsewhere.GetPageAsync("/clients")).DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Switch_ForAVisitor_CarriesNoToken_SoPublicPagesStayCacheable()
    {
        var client = _portal.CreatePortalClient();
        var page = await client.GetPageAsync("/organisations");
        Assert.Null(page.QuerySelector("form.language-switch input[name=__RequestVerificationToken]"));

        var response = await client.PostAsync("/language?returnUrl=%2Forganisations", new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "sv" }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("sv", (await client.GetPageAsync("/organisations")).DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Switch_WhenSignedIn_WithoutTheAntiforgeryToken_IsRefused_AndTheAccountKeepsItsLanguage()
    {
        var client = await _portal.SignedInClientAsync("nils@example.test", Roles.Advisor, "smile");
        var page = await client.GetPageAsync("/clients");
        Assert.NotNull(page.QuerySelector("form.language-switch input[name=__RequestVerificationToken]"));

        var response = await client.PostAsync("/language?returnUrl=%2Fclients", new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "da" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == "nils@example.test").Select(u => u.PreferredCulture).SingleAsync()));
    }

    [Theory]
    [InlineData("xx", "/offers")]
    [InlineData(PortalCultures.Pseudo, "/offers")]
    public async Task Switch_ToALanguageThePortalDoesNotOffer_IsRefused(string culture, string returnUrl)
    {
        var client = _portal.CreatePortalClient();
        var page = await client.GetPageAsync(returnUrl);

        var response = await client.SubmitAsync(page, "form.language-switch", new Dictionary<string, string> { ["culture"] = culture });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Switch_WithAForeignReturnAddress_GoesHome()
    {
        var client = _portal.CreatePortalClient();
        var page = await client.GetPageAsync("/language?returnUrl=https%3A%2F%2Fevil.example%2F");

        var response = await client.SubmitAsync(page, "main form", new Dictionary<string, string> { ["culture"] = "sv" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public void PseudoText_AccentsAndBracketsLetters_AndKeepsPlaceholders()
    {
        Assert.Equal("⟦Šåṽé {0} öƒƒéŕš⟧", PseudoText.Transform("Save {0} offers"));
        Assert.Equal("⟦{PropertyName} ɱûšţ ƀé šéţ⟧", PseudoText.Transform("{PropertyName} must be set"));
    }
}
