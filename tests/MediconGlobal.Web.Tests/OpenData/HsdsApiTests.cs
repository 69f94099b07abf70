using System.Net;
using System.Text.Json;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.OpenData;
using MediconGlobal.Web.Tests.Catalogue;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.OpenData;

/// <summary>The HSDS 3.0 API: every response validates against the Open Referral schemas, and the filters work.</summary>
public sealed class HsdsApiTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private static readonly JsonSchemaValidator Schemas = JsonSchemaValidator.ForHsds();
    private readonly PortalFactory _portal = fixture.Portal;

    [Theory]
    [InlineData("/api/hsds/services?per_page=200", "service_list.json")]
    [InlineData("/api/hsds/organizations?per_page=200", "organization_list.json")]
    [InlineData("/api/hsds/programs", "program.json")]
    [InlineData("/api/hsds/taxonomies", "taxonomy.json")]
    [InlineData("/api/hsds/taxonomy_terms?per_page=200", "taxonomy_term.json")]
    public async Task Lists_AreValidHsdsPages(string url, string schema)
    {
        using var page = await GetJsonAsync(url);

        AssertPage(page.RootElement);
        var contents = page.RootElement.GetProperty("contents");
        Assert.True(contents.GetArrayLength() > 0);
        foreach (var item in contents.EnumerateArray())
        {
            AssertValid(item, schema);
        }
    }

    [Fact]
    public async Task EveryService_IsAValidFullHsdsService_WithTaxonomiesAsAttributes()
    {
        using var list = await GetJsonAsync("/api/hsds/services?per_page=200");
        var ids = list.RootElement.GetProperty("contents").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToList();

        Assert.Equal(15, ids.Count);
        foreach (var id in ids)
        {
            using var service = await GetJsonAsync($"/api/hsds/services/{id}");
            AssertValid(service.RootElement, "service.json");
            Assert.Equal(id, service.RootElement.GetProperty("id").GetString());
        }

        var testBed = await _portal.WithDbAsync(db => db.Offers.Where(o => o.SeedKey == "is-test-beds").Select(o => o.Id).SingleAsync());
        using var full = await GetJsonAsync($"/api/hsds/services/{HsdsIds.Of(HsdsKind.Service, testBed)}");
        var attributes = full.RootElement.GetProperty("attributes").EnumerateArray()
            .Select(a => (Type: a.GetProperty("link_type").GetString(), Term: a.GetProperty("taxonomy_term").GetProperty("name").GetString())).ToList();
        Assert.Contains(("support_category", "Test beds and clinical validation"), attributes);
        Assert.Contains(("development_stage", "Clinical"), attributes);
        Assert.Contains(("eligible_region", "Skåne"), attributes);
        Assert.Contains(("format", "Test bed"), attributes);
        Assert.Contains("Swedish", full.RootElement.GetProperty("languages").EnumerateArray().Select(l => l.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task EveryOrganization_IsAValidFullHsdsOrganization()
    {
        using var list = await GetJsonAsync("/api/hsds/organizations?per_page=200");
        var ids = list.RootElement.GetProperty("contents").EnumerateArray().Select(o => o.GetProperty("id").GetString()!).ToList();

        Assert.Equal(16, ids.Count);
        foreach (var id in ids)
        {
            using var organization = await GetJsonAsync($"/api/hsds/organizations/{id}");
            AssertValid(organization.RootElement, "organization.json");
        }

        var dlsc = await _portal.WithDbAsync(db => db.Organisations.Where(o => o.SeedKey == OrganisationSeed.Dlsc).Select(o => o.Id).SingleAsync());
        using var full = await GetJsonAsync($"/api/hsds/organizations/{HsdsIds.Of(HsdsKind.Organization, dlsc)}");
        Assert.Equal(4, full.RootElement.GetProperty("services").GetArrayLength());
        Assert.Contains("Innovation Program 23-24: Life Science and Welfare Technology", full.RootElement.GetProperty("programs").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Services_FilterBySearchTaxonomyTermOrganizationAndModifiedAfter()
    {
        using var skane = await GetJsonAsync("/api/hsds/services?search=skane&per_page=200");
        using var terms = await GetJsonAsync("/api/hsds/taxonomy_terms?search=partnering");
        var partnering = terms.RootElement.GetProperty("contents").EnumerateArray().Single(t => t.GetProperty("code").GetString() == "partnering").GetProperty("id").GetString();
        using var byTerm = await GetJsonAsync($"/api/hsds/services?taxonomy_term_id={partnering}");
        using var future = await GetJsonAsync("/api/hsds/services?modified_after=2099-01-01T00:00:00Z");
        using var past = await GetJsonAsync("/api/hsds/services?modified_after=2000-01-01");
        var een = await _portal.WithDbAsync(db => db.Organisations.Where(o => o.SeedKey == OrganisationSeed.Een).Select(o => o.Id).SingleAsync());
        using var byOrganization = await GetJsonAsync($"/api/hsds/services?organization_id={HsdsIds.Of(HsdsKind.Organization, een)}");

        Assert.Contains("Test-bed services with Region Skåne", Names(skane));
        Assert.Equal(3, byTerm.RootElement.GetProperty("total_items").GetInt32());
        Assert.True(future.RootElement.GetProperty("empty").GetBoolean());
        Assert.Equal(15, past.RootElement.GetProperty("total_items").GetInt32());
        Assert.Equal(["Partnering support"], Names(byOrganization));
    }

    [Fact]
    public async Task Services_ArePaged()
    {
        using var third = await GetJsonAsync("/api/hsds/services?page=3&per_page=5");
        using var beyond = await GetJsonAsync("/api/hsds/services?page=9&per_page=5");

        Assert.Equal((15, 3, 3, 5), (third.RootElement.GetProperty("total_items").GetInt32(), third.RootElement.GetProperty("total_pages").GetInt32(),
            third.RootElement.GetProperty("page_number").GetInt32(), third.RootElement.GetProperty("size").GetInt32()));
        Assert.True(third.RootElement.GetProperty("last_page").GetBoolean());
        Assert.False(third.RootElement.GetProperty("first_page").GetBoolean());
        Assert.Equal(0, beyond.RootElement.GetProperty("size").GetInt32());
    }

    [Theory]
    [InlineData("/api/hsds/services?modified_after=yesterday", "modified_after")]
    [InlineData("/api/hsds/services?modified_after=0001-01-01T00:00:00%2B14:00", "modified_after")]
    [InlineData("/api/hsds/services?page=-1", "page")]
    [InlineData("/api/hsds/services?page=0", "page")]
    [InlineData("/api/hsds/services?page=two", "page")]
    [InlineData("/api/hsds/services?page=1&page=2", "page")]
    [InlineData("/api/hsds/organizations?page=2147483647&per_page=200", "page")]
    [InlineData("/api/hsds/programs?page=99999999999", "page")]
    [InlineData("/api/hsds/taxonomy_terms?per_page=100000", "per_page")]
    [InlineData("/api/hsds/taxonomies?per_page=0", "per_page")]
    [InlineData("/api/hsds/services?per_page=1.5", "per_page")]
    public async Task BadQueryParameters_Get400WithAProblemNamingTheParameter(string url, string parameter)
    {
        var response = await _portal.CreatePortalClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _), $"No error for {parameter} in {problem.RootElement}");
    }

    [Theory]
    [InlineData("/api/hsds/services/not-a-uuid")]
    [InlineData("/api/hsds/services/123")]
    [InlineData("/api/hsds/services/00000000-0000-0000-0000-000000000000")]
    [InlineData("/api/hsds/services/4d470002-0000-4fff-8000-000000000000")]
    [InlineData("/api/hsds/organizations/4d470002-0000-4001-8000-000000000000")]
    [InlineData("/api/hsds/organizations/-1")]
    [InlineData("/api/hsds/organizations/%20")]
    [InlineData("/api/hsds/taxonomies/1")]
    [InlineData("/api/hsds/no-such-endpoint")]
    public async Task UnknownIdsAndAddresses_Get404WithAProblem(string url)
    {
        var response = await _portal.CreatePortalClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("/api/hsds/services?taxonomy_term_id=not-a-term")]
    [InlineData("/api/hsds/services?organization_id=xyz")]
    [InlineData("/api/hsds/taxonomy_terms?taxonomy_id=garbage")]
    [InlineData("/api/hsds/services?search=%25%25_%27%3B--")]
    [InlineData("/api/hsds/services?page=10737419&per_page=200")]
    public async Task FiltersThatMatchNothing_GiveAValidEmptyPage(string url)
    {
        using var page = await GetJsonAsync(url);

        AssertPage(page.RootElement);
        Assert.Equal(0, page.RootElement.GetProperty("size").GetInt32());
        Assert.True(page.RootElement.GetProperty("last_page").GetBoolean());
    }

    [Fact]
    public async Task DraftOffers_AreNotPublished()
    {
        var draft = await _portal.WithDbAsync(async db =>
        {
            var offer = new Core.Domain.Offer("Unpublished HSDS draft", await db.Organisations.FirstAsync(), await db.TaxonomyTerms.FirstAsync(t => t.Kind == Core.Domain.TaxonomyKind.SupportCategory));
            db.Offers.Add(offer);
            await db.SaveChangesAsync();
            return offer.Id;
        });

        var response = await _portal.CreatePortalClient().GetAsync($"/api/hsds/services/{HsdsIds.Of(HsdsKind.Service, draft)}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static List<string?> Names(JsonDocument page) =>
        page.RootElement.GetProperty("contents").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();

    private static void AssertValid(JsonElement item, string schema)
    {
        var errors = Schemas.Validate(item, schema);
        Assert.True(errors.Count == 0, $"Not valid against {schema}:\n" + string.Join("\n", errors.Take(20)));
    }

    /// <summary>The page envelope of the HSDS OpenAPI description (components/schemas/Page).</summary>
    private static void AssertPage(JsonElement page)
    {
        foreach (var name in new[] { "total_items", "total_pages", "page_number", "size" })
        {
            Assert.True(page.GetProperty(name).TryGetInt32(out _), name);
        }

        foreach (var name in new[] { "first_page", "last_page", "empty" })
        {
            Assert.True(page.GetProperty(name).ValueKind is JsonValueKind.True or JsonValueKind.False, name);
        }

        Assert.Equal(JsonValueKind.Array, page.GetProperty("contents").ValueKind);
    }

    private async Task<JsonDocument> GetJsonAsync(string url)
    {
        var response = await _portal.CreatePortalClient().GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} returned {(int)response.StatusCode}");
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
