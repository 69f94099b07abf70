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

    /// <summary>The last review is the service's assurance (issue 19 item 5, ADR 1934): its day and the reviewer's address at the time.</summary>
    [Fact]
    public async Task Service_CarriesTheLastReview_AsAssuredDateAndAssurerEmail()
    {
        var reviewedAt = DateTime.SpecifyKind(DateTime.UtcNow.Date.AddHours(9), DateTimeKind.Utc);
        var id = await _portal.WithDbAsync(async db =>
        {
            var offer = await db.Offers.SingleAsync(o => o.SeedKey == "is-test-beds");
            offer.MarkReviewed("reviewer-id", "reviewer@innovationskane.test", reviewedAt);
            await db.SaveChangesAsync();
            return offer.Id;
        });

        using var service = await GetJsonAsync($"/api/hsds/services/{HsdsIds.Of(HsdsKind.Service, id)}");
        var csv = await _portal.CreatePortalClient().GetByteArrayAsync("/api/hsds/export.zip");

        AssertValid(service.RootElement, "service.json");
        Assert.Equal(reviewedAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), service.RootElement.GetProperty("assured_date").GetString());
        Assert.Equal("reviewer@innovationskane.test", service.RootElement.GetProperty("assurer_email").GetString());
        using var stream = new MemoryStream(csv);
        using var zip = new System.IO.Compression.ZipArchive(stream);
        using var services = new StreamReader(zip.GetEntry("services.csv")!.Open());
        var lines = (await services.ReadToEndAsync()).Split('\n');
        var header = lines[0].TrimStart('\uFEFF').Trim().Split(',');
        Assert.Contains("assured_date", header);
        Assert.Contains("assurer_email", header);
        Assert.Contains(lines, l => l.Contains("reviewer@innovationskane.test", StringComparison.Ordinal));
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
    public async Task Services_Minimal_GivesOnlyIdAndLastModified()
    {
        using var minimal = await GetJsonAsync("/api/hsds/services?minimal=true&per_page=200");
        using var list = await GetJsonAsync("/api/hsds/services?minimal=false&per_page=200");

        AssertPage(minimal.RootElement);
        var items = minimal.RootElement.GetProperty("contents").EnumerateArray().ToList();
        Assert.Equal(15, items.Count);
        Assert.All(items, i => Assert.Equal(new[] { "id", "last_modified" }, i.EnumerateObject().Select(p => p.Name).ToArray()));
        Assert.Equal(list.RootElement.GetProperty("contents").EnumerateArray().Select(s => s.GetProperty("id").GetString()), items.Select(i => i.GetProperty("id").GetString()));
        Assert.All(items, i => Assert.True(i.GetProperty("last_modified").TryGetDateTime(out _)));
    }

    [Fact]
    public async Task Services_Full_AreValidFullServices()
    {
        using var full = await GetJsonAsync("/api/hsds/services?full=true&per_page=200");

        var items = full.RootElement.GetProperty("contents").EnumerateArray().ToList();
        Assert.Equal(15, items.Count);
        Assert.All(items, i => AssertValid(i, "service.json"));
        Assert.All(items, i => Assert.True(i.GetProperty("attributes").GetArrayLength() >= 3));
    }

    [Fact]
    public async Task Lists_FormatNdjson_StreamEveryRecordOneALine()
    {
        var response = await _portal.CreatePortalClient().GetAsync("/api/hsds/taxonomy_terms?format=ndjson");
        using var json = await GetJsonAsync("/api/hsds/taxonomy_terms?per_page=200");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(json.RootElement.GetProperty("total_items").GetInt32(), lines.Length);
        Assert.True(lines.Length > HsdsQuery.DefaultPerPage, "More terms than one default page, so the stream is not one page.");
        Assert.All(lines, l => AssertValid(JsonDocument.Parse(l).RootElement, "taxonomy_term.json"));
    }

    [Fact]
    public async Task Services_TaxonomyId_KeepsServicesWithATermOfThatTaxonomy()
    {
        using var taxonomies = await GetJsonAsync("/api/hsds/taxonomies?search=sectors");
        var sectors = taxonomies.RootElement.GetProperty("contents").EnumerateArray().Single().GetProperty("id").GetString();
        var withSectors = await _portal.WithDbAsync(db => db.Offers.CountAsync(o => o.Status == Core.Domain.OfferStatus.Published && o.Terms.Any(t => t.Term!.Kind == Core.Domain.TaxonomyKind.Sector)));

        using var services = await GetJsonAsync($"/api/hsds/services?taxonomy_id={sectors}&full=true&per_page=200");

        Assert.InRange(withSectors, 1, 14);
        Assert.Equal(withSectors, services.RootElement.GetProperty("total_items").GetInt32());
        Assert.All(services.RootElement.GetProperty("contents").EnumerateArray(), s => Assert.Contains("sector", s.GetProperty("attributes").EnumerateArray().Select(a => a.GetProperty("link_type").GetString())));
    }

    [Fact]
    public async Task Organizations_FullAndFullService_NestRecordsAsAsked()
    {
        using var full = await GetJsonAsync("/api/hsds/organizations?full=true&per_page=200");
        using var fullServices = await GetJsonAsync("/api/hsds/organizations?full_service=true&per_page=200");
        var dlsc = await _portal.WithDbAsync(db => db.Organisations.Where(o => o.SeedKey == OrganisationSeed.Dlsc).Select(o => o.Id).SingleAsync());
        using var one = await GetJsonAsync($"/api/hsds/organizations/{HsdsIds.Of(HsdsKind.Organization, dlsc)}?full_service=true");

        Assert.Equal(16, full.RootElement.GetProperty("total_items").GetInt32());
        Assert.All(full.RootElement.GetProperty("contents").EnumerateArray(), o => AssertValid(o, "organization.json"));
        var services = fullServices.RootElement.GetProperty("contents").EnumerateArray().SelectMany(o => o.GetProperty("services").EnumerateArray()).ToList();
        Assert.Equal(15, services.Count);
        Assert.All(services, s => Assert.True(s.TryGetProperty("attributes", out _)));
        Assert.DoesNotContain(full.RootElement.GetProperty("contents").EnumerateArray().SelectMany(o => o.GetProperty("services").EnumerateArray()), s => s.TryGetProperty("attributes", out _));
        Assert.All(one.RootElement.GetProperty("services").EnumerateArray(), s => AssertValid(s, "service.json"));
    }

    [Fact]
    public async Task TaxonomyTerms_TopOnlyAndParentId_FollowTheTermTree()
    {
        using var usa = await GetJsonAsync("/api/hsds/taxonomy_terms?search=usa");
        var usaId = usa.RootElement.GetProperty("contents").EnumerateArray().Single(t => t.GetProperty("code").GetString() == "usa").GetProperty("id").GetString();

        using var top = await GetJsonAsync("/api/hsds/taxonomy_terms?top_only=true&per_page=200");
        using var children = await GetJsonAsync($"/api/hsds/taxonomy_terms?parent_id={usaId}");
        using var term = await GetJsonAsync($"/api/hsds/taxonomy_terms/{usaId}");

        Assert.All(top.RootElement.GetProperty("contents").EnumerateArray(), t => Assert.False(t.TryGetProperty("parent_id", out _)));
        Assert.DoesNotContain("usa-boston", top.RootElement.GetProperty("contents").EnumerateArray().Select(t => t.GetProperty("code").GetString()));
        Assert.Equal("usa-boston", Assert.Single(children.RootElement.GetProperty("contents").EnumerateArray()).GetProperty("code").GetString());
        AssertValid(term.RootElement, "taxonomy_term.json");
        using var taxonomy = await GetJsonAsync($"/api/hsds/taxonomies/{term.RootElement.GetProperty("taxonomy_id").GetString()}");
        AssertValid(taxonomy.RootElement, "taxonomy.json");
    }

    [Theory]
    [InlineData("/api/hsds/services?format=csv", "format")]
    [InlineData("/api/hsds/services?minimal=yes", "minimal")]
    [InlineData("/api/hsds/services?full=1", "full")]
    [InlineData("/api/hsds/services?minimal=true&full=true", "full")]
    [InlineData("/api/hsds/services?format=ndjson&page=2", "page")]
    [InlineData("/api/hsds/services?postcode=21432", "postcode")]
    [InlineData("/api/hsds/services?proximity=1000", "proximity")]
    [InlineData("/api/hsds/services?full_service=true", "full_service")]
    [InlineData("/api/hsds/services?pagesize=10", "pagesize")]
    [InlineData("/api/hsds/organizations?organization_id=x", "organization_id")]
    [InlineData("/api/hsds/organizations?minimal=true", "minimal")]
    [InlineData("/api/hsds/organizations/not-an-id?full_service=maybe", "full_service")]
    [InlineData("/api/hsds/services/not-an-id?full=true", "full")]
    [InlineData("/api/hsds/programs?taxonomy_term_id=x", "taxonomy_term_id")]
    [InlineData("/api/hsds/taxonomies?top_only=true", "top_only")]
    [InlineData("/api/hsds/taxonomy_terms?top_only=no", "top_only")]
    [InlineData("/api/hsds/taxonomy_terms?format=xml", "format")]
    [InlineData("/api/hsds/?format=json", "format")]
    [InlineData("/api/hsds/export.zip?format=csv", "format")]
    public async Task ParametersTheEndpointDoesNotHonour_Get400NamingThem(string url, string parameter) =>
        await BadQueryParameters_Get400WithAProblemNamingTheParameter(url, parameter);

    [Theory]
    [InlineData("/api/hsds/service_at_locations")]
    [InlineData("/api/hsds/service_at_locations?postcode=21432")]
    [InlineData("/api/hsds/service_at_locations/4d470002-0000-4001-8000-000000000000")]
    public async Task ServiceAtLocations_Get404SayingThePortalHasNoLocations(string url)
    {
        var response = await _portal.CreatePortalClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Web.Api.HsdsEndpoints.NoLocations, problem.RootElement.GetProperty("detail").GetString());
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
