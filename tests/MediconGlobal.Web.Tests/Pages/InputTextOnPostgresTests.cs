using System.Net;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Security;
using MediconGlobal.Testing;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Pages;

/// <summary>The portal on PostgreSQL, where a NUL in text is an error of the database (Npgsql 22021).</summary>
public sealed class PostgresPortal : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public PortalFactory Portal { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = TestDatabase.Create(DatabaseProvider.Postgres);
        await _database.InitializeAsync();
        Portal = new PortalFactory(postgres: _database);
        Portal.CreateClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        await Portal.DisposeAsync();
        await _database.DisposeAsync();
    }
}

/// <summary>
/// Every kind of input on PostgreSQL (issue 10 item 9, issue 13 items 2–3): query strings, search, the HSDS API's
/// parameters, route values and form fields. Text is NFC and no control character reaches the database; nothing
/// answers 500.
/// </summary>
public sealed class InputTextOnPostgresTests(PostgresPortal fixture) : IClassFixture<PostgresPortal>
{
    private readonly PortalFactory _portal = fixture.Portal;

    [Theory]
    [InlineData("/offers?q=%00")]
    [InlineData("/offers?q=usa%00boston&sort=%01")]
    [InlineData("/offers?q=%C2%96")]
    [InlineData("/organisations?q=%00")]
    [InlineData("/programmes?q=%00")]
    [InlineData("/find-support?q=%00")]
    [InlineData("/api/hsds/services?search=%00")]
    [InlineData("/api/hsds/organizations?search=%00&taxonomy_term_id=%00")]
    [InlineData("/api/hsds/services?organization_id=%00&taxonomy_id=%01")]
    [InlineData("/api/hsds/taxonomy_terms?taxonomy_id=%00")]
    [InlineData("/api/hsds/programs?search=a%00b")]
    public async Task QueryStringsAndSearch_WithControlCharacters_AnswerNormally(string url)
    {
        var response = await _portal.CreatePortalClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ClientSearch_ForAnAdvisor_WithANul_AnswersNormally()
    {
        var advisor = await _portal.SignedInClientAsync($"pg-advisor-{Guid.NewGuid():N}@test.example", Roles.Advisor, OrganisationSeed.SmiLe);

        Assert.Equal(HttpStatusCode.OK, (await advisor.GetAsync("/clients?q=%00")).StatusCode);
    }

    // A NUL in a path never reaches the portal: Kestrel refuses it (400), and the test server cannot even send it.
    [Theory]
    [InlineData("/api/hsds/organizations/%01", HttpStatusCode.BadRequest)]
    [InlineData("/api/hsds/services/%C2%96abc", HttpStatusCode.BadRequest)]
    [InlineData("/offers/%1F", HttpStatusCode.BadRequest)]
    [InlineData("/api/hsds/services/ska%CC%8Ane", HttpStatusCode.NotFound)]
    public async Task RouteValues_WithControlCharacters_AreRefused(string url, HttpStatusCode expected)
    {
        var response = await _portal.CreatePortalClient().GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Search_WithDecomposedLetters_FindsWhatTheComposedOnesFind()
    {
        var client = _portal.CreatePortalClient();

        var composed = await (await client.GetAsync("/api/hsds/organizations?search=Sk%C3%A5ne")).Content.ReadAsStringAsync();
        var decomposed = await (await client.GetAsync("/api/hsds/organizations?search=Ska%CC%8Ane")).Content.ReadAsStringAsync();

        Assert.Contains("Innovation Sk", composed, StringComparison.Ordinal);
        Assert.Equal(composed, decomposed);
    }

    [Fact]
    public async Task FormFields_AreStoredAsNfc_AndAControlCharacterIsAMessage_OnPostgres()
    {
        var partner = await _portal.SignedInClientAsync($"pg-partner-{Guid.NewGuid():N}@test.example", Roles.PartnerStaff, OrganisationSeed.Een);
        Task<string?> StoredAsync() => _portal.WithDbAsync(db => db.Organisations.Where(o => o.SeedKey == OrganisationSeed.Een).Select(o => o.Description).SingleAsync());

        var refused = await partner.SubmitAsync(await partner.GetPageAsync("/partner/profile"), "main form[method='post']", new Dictionary<string, string> { ["Input.Description"] = "Partnering\u0002support" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Description contains a character that cannot be saved: U+0002 (control character).", string.Join(" ", (await refused.ParseBodyAsync()).ValidationMessages()), StringComparison.Ordinal);
        var before = await StoredAsync();

        var saved = await partner.SubmitAsync(await partner.GetPageAsync("/partner/profile"), "main form[method='post']", new Dictionary<string, string> { ["Input.Description"] = "Ska\u030Ane and Malmo\u0308\r\nSecond line" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.NotEqual("Skåne and Malmö\nSecond line", before);
        Assert.Equal("Skåne and Malmö\nSecond line", await StoredAsync());
    }

    [Fact]
    public async Task ANulInAFormValue_IsNeverStored_OnPostgres()
    {
        var partner = await _portal.SignedInClientAsync($"pg-nul-{Guid.NewGuid():N}@test.example", Roles.PartnerStaff, OrganisationSeed.Een);
        var before = await _portal.WithDbAsync(db => db.Organisations.Where(o => o.SeedKey == OrganisationSeed.Een).Select(o => o.Version).SingleAsync());

        var response = await partner.SubmitAsync(await partner.GetPageAsync("/partner/profile"), "main form[method='post']", new Dictionary<string, string> { ["Input.Name"] = "Enterprise\0Europe" });

        // The framework may refuse such a form before it is bound (a 400); bound, it is a message on the field.
        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before, await _portal.WithDbAsync(db => db.Organisations.Where(o => o.SeedKey == OrganisationSeed.Een).Select(o => o.Version).SingleAsync()));
    }
}
