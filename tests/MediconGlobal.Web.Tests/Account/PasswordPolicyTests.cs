using System.Net;
using MediconGlobal.Web.Areas.Identity;
using MediconGlobal.Web.Tests.Infrastructure;

namespace MediconGlobal.Web.Tests.Account;

/// <summary>Issue 10 item 14 (ASVS 2.1): at least 12 characters, passphrases without composition rules, common passwords refused, lockout kept.</summary>
public sealed class PasswordPolicyTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("lång lösenfras på svenska")]
    [InlineData("twelve chars")]
    public async Task Register_PassphraseWithoutDigitsCapitalsOrSymbols_IsAccepted(string passphrase)
    {
        var response = await RegisterAsync($"{Guid.NewGuid():N}@example.test", passphrase);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Register_PassphraseOf128Characters_IsAccepted_ButNotLonger()
    {
        var longest = string.Join(' ', Enumerable.Repeat("meadow", 18)).PadRight(PasswordPolicy.MaximumLength, 'x');

        Assert.Equal(HttpStatusCode.Redirect, (await RegisterAsync($"{Guid.NewGuid():N}@example.test", longest)).StatusCode);
        var tooLong = await RegisterAsync($"{Guid.NewGuid():N}@example.test", longest + "y");
        Assert.Contains("A password has at most 128 characters.", (await tooLong.ParseBodyAsync()).ValidationMessages());
    }

    [Theory]
    [InlineData("Abcdefgh1!x")]
    [InlineData("Qwerty123456")]
    [InlineData("QWERTYUIOP1234")]
    [InlineData("Password2024!")]
    [InlineData("1qaz2wsx3edc")]
    public async Task Register_ShortOrCommonPassword_IsRefused(string password)
    {
        var response = await RegisterAsync($"{Guid.NewGuid():N}@example.test", password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains((await response.ParseBodyAsync()).ValidationMessages(), m => m.Contains("at least 12 characters", StringComparison.Ordinal) || m.Contains("most common", StringComparison.Ordinal));
    }

    [Fact]
    public void CommonList_IsTheShippedOne_AndIgnoresCaseAndTrailingDigits()
    {
        Assert.True(CommonPasswordValidator.IsCommon("password"));
        Assert.True(CommonPasswordValidator.IsCommon("PASSWORD123!"));
        Assert.True(CommonPasswordValidator.IsCommon("letmein"));
        Assert.False(CommonPasswordValidator.IsCommon("meadow lantern orbit"));
    }

    private async Task<HttpResponseMessage> RegisterAsync(string email, string password)
    {
        var client = _portal.CreatePortalClient();
        var page = await client.GetPageAsync("/Identity/Account/Register");
        return await client.SubmitAsync(page, "main form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Frida",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
            ["Input.CompanyName"] = "Nordlys Health AB",
            ["Input.Country"] = "SE",
        });
    }
}
