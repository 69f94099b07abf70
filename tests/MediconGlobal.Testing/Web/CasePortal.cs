using System.Net;
using AngleSharp.Html.Dom;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Testing.Web;

/// <summary>
/// One portal (own SQLite file, reference data, no demo data) shared by the tests of a class. Each test makes
/// its own users and records with unique names, so tests do not see each other's data.
/// </summary>
public sealed class CasePortal : IAsyncLifetime
{
    public PortalFactory Portal { get; } = new();

    public static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    public Task<HttpClient> AdvisorAsync(string organisationKey = OrganisationSeed.SmiLe) =>
        Portal.SignedInClientAsync($"advisor-{Guid.NewGuid():N}@test.example", Roles.Advisor, organisationKey);

    public Task<HttpClient> PartnerAsync(string organisationKey = OrganisationSeed.InnovationSkane) =>
        Portal.SignedInClientAsync($"partner-{Guid.NewGuid():N}@test.example", Roles.PartnerStaff, organisationKey);

    public Task<HttpClient> ProjectManagerAsync() =>
        Portal.SignedInClientAsync($"pm-{Guid.NewGuid():N}@test.example", Roles.ProjectManager, OrganisationSeed.Mva);

    public Task<HttpClient> AdministratorAsync() =>
        Portal.SignedInClientAsync($"admin-{Guid.NewGuid():N}@test.example", Roles.Administrator);

    public Task<HttpClient> FounderAsync(int companyId) =>
        Portal.SignedInClientAsync($"founder-{Guid.NewGuid():N}@test.example", Roles.Startup, companyId: companyId);

    public Task<Company> CompanyAsync(string name, string incubatorKey = OrganisationSeed.SmiLe, bool consent = true, string? organisationNumber = null) =>
        Portal.WithDbAsync(db => CaseBuilder.CompanyAsync(db, name, incubatorKey, consent, organisationNumber: organisationNumber));

    public Task<Need> NeedAsync(Company company, string category = "legal", string? market = "usa", DateTime? at = null) =>
        Portal.WithDbAsync(db => CaseBuilder.NeedAsync(db, company, category, market, at ?? DateTime.UtcNow.AddMinutes(-5)));

    public Task<Referral> ReferralAsync(Need need, string offerKey = "is-advisory-legal", DateTime? at = null) =>
        Portal.WithDbAsync(db => CaseBuilder.ReferAsync(db, need, offerKey, at ?? DateTime.UtcNow.AddMinutes(-1)));

    public Task<T> DbAsync<T>(Func<AppDbContext, Task<T>> work) => Portal.WithDbAsync(work);

    public Task<Referral> ReloadReferralAsync(int id) => Portal.WithDbAsync(db => db.Referrals.AsNoTracking().Include(r => r.Need).SingleAsync(r => r.Id == id));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Portal.DisposeAsync();
}

public static class CaseHttp
{
    /// <summary>Posts to any handler with a valid antiforgery token of the signed-in user, as a crafted request would.</summary>
    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, string url, IDictionary<string, string> values)
    {
        var page = await client.GetAsync("/");
        var document = await HtmlClient.ParseAtAsync(await page.Content.ReadAsStringAsync(), "/");
        var token = document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("No antiforgery token on the home page.");
        var fields = new Dictionary<string, string>(values) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    public static void AssertRedirectsTo(this HttpResponseMessage response, string path)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect, got {(int)response.StatusCode} for {response.RequestMessage?.RequestUri}.");
        Assert.True(
            response.Headers.Location!.OriginalString.StartsWith(path, StringComparison.OrdinalIgnoreCase) || response.Headers.Location.AbsolutePath.StartsWith(path, StringComparison.OrdinalIgnoreCase),
            $"Expected a redirect to {path}, got one to {response.Headers.Location}.");
    }

    public static string Text(this IHtmlDocument page) => page.QuerySelector("main")?.TextContent ?? "";
}
