using AngleSharp.Html.Dom;
using MediconGlobal.Web.Tests.Clients;
using MediconGlobal.Web.Tests.Infrastructure;
using OtpNet;

namespace MediconGlobal.Web.Tests.Account;

/// <summary>Turns on two-factor authentication through the real pages, computing codes as an authenticator app does (Otp.NET).</summary>
public static class TwoFactor
{
    /// <summary>The current six-digit code for a shared key as the setup page shows it ("abcd efgh …").</summary>
    public static string CodeFor(string sharedKey) =>
        new Totp(Base32Encoding.ToBytes(sharedKey.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant())).ComputeTotp();

    /// <summary>Sets up the authenticator for the signed-in <paramref name="client"/>; returns the shared key and the recovery codes shown.</summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableAsync(HttpClient client)
    {
        var setup = await client.GetPageAsync("/Identity/Account/Manage/EnableAuthenticator");
        var key = setup.QuerySelector("#shared-key")!.TextContent.Trim();
        var response = await client.SubmitAsync(setup, "#verify-authenticator", new Dictionary<string, string> { ["Code"] = CodeFor(key) });
        response.AssertRedirectsTo("/Identity/Account/Manage/ShowRecoveryCodes");
        var codes = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        return (key, codes.QuerySelectorAll("#recovery-codes code").Select(c => c.TextContent.Trim()).ToList());
    }

    /// <summary>Gives the password on the sign-in form and returns the second-step page it leads to.</summary>
    public static async Task<IHtmlDocument> PasswordStepAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetPageAsync("/Identity/Account/Login");
        var response = await client.SubmitAsync(page, "form#account", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        response.AssertRedirectsTo("/Identity/Account/LoginWith2fa");
        return await client.GetPageAsync(response.Headers.Location!.OriginalString);
    }
}
