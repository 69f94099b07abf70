using System.Net;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Catalogue;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Admin;

/// <summary>Administrators keep the taxonomies (issue 11, item 2): add, relabel, reorder and retire terms; never delete.</summary>
public sealed class TaxonomyPagesTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private readonly PortalFactory _portal = fixture.Portal;

    [Fact]
    public async Task Index_ListsEveryTaxonomy_IncludingFormatsAndOrganisationTypes()
    {
        var client = await AdminAsync();

        var page = await client.GetPageAsync("/admin/taxonomies");

        var names = page.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["ÖKS regions", "Target markets", "Development stages", "Sectors", "Support categories", "Offer formats", "Languages", "Organisation types"], names);
    }

    [Fact]
    public async Task Post_MarketUnderUsa_IsAddedWithItsParentAndLabels()
    {
        var client = await AdminAsync();
        var usa = await TermIdAsync(TaxonomyKind.Market, "usa");
        var page = await client.GetPageAsync("/admin/taxonomies/markets");

        var response = await client.SubmitAsync(page, "form:has(#Input_Code)", new Dictionary<string, string>
        {
            ["Input.Code"] = "usa-california",
            ["Input.Name"] = "California",
            ["Input.NameSv"] = "Kalifornien",
            ["Input.ParentId"] = usa.ToString(),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var added = await _portal.WithDbAsync(db => db.TaxonomyTerms.SingleAsync(t => t.Kind == TaxonomyKind.Market && t.Code == "usa-california"));
        Assert.Equal(("California", "Kalifornien", null as string, usa), (added.Name, added.NameSv, added.NameDa, added.ParentId!.Value));
        var list = await client.GetPageAsync("/admin/taxonomies/markets");
        Assert.Contains("Kalifornien", list.QuerySelector($"#term-{added.Id}")!.TextContent);
    }

    [Fact]
    public async Task Post_SubMarket_IsListedUnderItsParent_NotAtTheEndOfTheTaxonomy()
    {
        var client = await AdminAsync();
        var usa = await TermIdAsync(TaxonomyKind.Market, "usa");
        var page = await client.GetPageAsync("/admin/taxonomies/markets");

        await client.SubmitAsync(page, "form:has(#Input_Code)", new Dictionary<string, string>
        {
            ["Input.Code"] = "usa-texas",
            ["Input.Name"] = "Texas",
            ["Input.ParentId"] = usa.ToString(),
        });

        var family = await _portal.WithDbAsync(db => db.TaxonomyTerms.Where(t => t.Id == usa || t.ParentId == usa).Select(t => t.Id).ToListAsync());
        var rows = (await client.GetPageAsync("/admin/taxonomies/markets")).QuerySelectorAll(".term-table tbody tr").Select(r => int.Parse(r.Id!["term-".Length..])).ToList();
        var first = rows.IndexOf(usa);
        Assert.Equal(family.Order(), rows.Skip(first).Take(family.Count).Order());
        Assert.NotEqual(rows[^1], await TermIdAsync(TaxonomyKind.Market, "usa-texas"));
    }

    [Theory]
    [InlineData("", "Name", "Give the term a code.")]
    [InlineData("Not A Code", "Name", "Write the code in lower-case letters and digits joined by hyphens, for example north-america.")]
    [InlineData("medtech", "Medtech again", "That code is already used in this taxonomy; codes never change, so choose another.")]
    [InlineData("fine-code", "", "Give the English label.")]
    public async Task Post_BadTerm_ShowsTheMessage_AndAddsNothing(string code, string name, string message)
    {
        var client = await AdminAsync();
        var before = await _portal.WithDbAsync(db => db.TaxonomyTerms.CountAsync());
        var page = await client.GetPageAsync("/admin/taxonomies/sectors");

        var response = await client.SubmitAsync(page, "form:has(#Input_Code)", new Dictionary<string, string> { ["Input.Code"] = code, ["Input.Name"] = name });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await response.ParseBodyAsync()).ValidationMessages());
        Assert.Equal(before, await _portal.WithDbAsync(db => db.TaxonomyTerms.CountAsync()));
    }

    [Fact]
    public async Task Post_AddToAnEnumBackedTaxonomy_IsABadRequest()
    {
        var client = await AdminAsync();
        var page = await client.GetPageAsync("/admin/taxonomies/sectors");
        var form = page.QuerySelector("form:has(#Input_Code)")!;
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await client.PostAsync("/admin/taxonomies/formats?handler=Add", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Code"] = "hackathon",
            ["Input.Name"] = "Hackathon",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await _portal.WithDbAsync(db => db.TaxonomyTerms.AnyAsync(t => t.Code == "hackathon")));
    }

    [Fact]
    public async Task RetiredSector_StaysOnTheOffer_IsNotOfferedOnNewForms_AndIsRefusedOnThem()
    {
        var admin = await AdminAsync();
        var code = $"retire-{Guid.NewGuid():N}"[..20];
        var sector = await AddSectorUsedByAnOfferAsync(code, "is-deep-tech");
        var list = await admin.GetPageAsync("/admin/taxonomies/sectors");

        var retire = await admin.SubmitAsync(list, $"#term-{sector} form[action*='handler=Retire']");

        Assert.Equal(HttpStatusCode.Redirect, retire.StatusCode);
        Assert.NotNull(await _portal.WithDbAsync(db => db.TaxonomyTerms.Where(t => t.Id == sector).Select(t => t.RetiredAt).SingleAsync()));
        var partner = await _portal.SignedInClientAsync($"is-retired-{Guid.NewGuid():N}@example.test", Roles.PartnerStaff, OrganisationSeed.InnovationSkane);
        var offer = await _portal.WithDbAsync(db => db.Offers.Where(o => o.SeedKey == "is-deep-tech").Select(o => o.Id).SingleAsync());
        var edit = await partner.GetPageAsync($"/partner/offers/{offer}/edit");
        Assert.NotNull(edit.QuerySelector($"input[name='Input.SectorIds'][value='{sector}'][checked]"));
        var create = await partner.GetPageAsync("/partner/offers/new");
        Assert.Null(create.QuerySelector($"input[name='Input.SectorIds'][value='{sector}']"));
        var profile = await partner.GetPageAsync("/partner/profile");
        Assert.Null(profile.QuerySelector($"input[name='Input.SectorIds'][value='{sector}']"));

        var category = await TermIdAsync(TaxonomyKind.SupportCategory, "legal");
        var posted = await partner.SubmitAsync(create, "main form[method='post']", new Dictionary<string, string>
        {
            ["Input.Name"] = "Offer with a retired sector",
            ["Input.Description"] = "Trying the retired sector.",
            ["Input.CategoryId"] = category.ToString(),
            ["Input.Format"] = "Workshop",
            ["Input.Cost"] = "Free",
            ["Input.HowToApply"] = "Write to us.",
            ["Input.SectorIds"] = sector.ToString(),
        });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("Choose sectors from the list.", (await posted.ParseBodyAsync()).ValidationMessages());
        Assert.False(await _portal.WithDbAsync(db => db.Offers.AnyAsync(o => o.Name == "Offer with a retired sector")));

        var reinstate = await admin.SubmitAsync(await admin.GetPageAsync("/admin/taxonomies/sectors"), $"#term-{sector} form[action*='handler=Reinstate']");
        Assert.Equal(HttpStatusCode.Redirect, reinstate.StatusCode);
        Assert.NotNull((await partner.GetPageAsync("/partner/offers/new")).QuerySelector($"input[name='Input.SectorIds'][value='{sector}']"));
    }

    [Fact]
    public async Task RetiredFormat_IsNotOfferedForNewOffers_ButStaysOnOffersThatHaveIt()
    {
        var admin = await AdminAsync();
        var format = await TermIdAsync(TaxonomyKind.Format, nameof(OfferFormat.TestBed));
        var offer = await _portal.WithDbAsync(db => db.Offers.Where(o => o.Format == OfferFormat.TestBed).Select(o => o.Id).FirstAsync());
        await admin.SubmitAsync(await admin.GetPageAsync("/admin/taxonomies/formats"), $"#term-{format} form[action*='handler=Retire']");
        try
        {
            var edit = await admin.GetPageAsync($"/partner/offers/{offer}/edit");
            Assert.NotNull(edit.QuerySelector("#Input_Format option[value='TestBed'][selected]"));
            var create = await admin.GetPageAsync($"/partner/offers/new?organisation={await _portal.WithDbAsync(db => db.Offers.Where(o => o.Id == offer).Select(o => o.ProviderId).SingleAsync())}");
            Assert.Null(create.QuerySelector("#Input_Format option[value='TestBed']"));
            Assert.NotNull(create.QuerySelector("#Input_Format option[value='Workshop']"));
        }
        finally
        {
            await admin.SubmitAsync(await admin.GetPageAsync("/admin/taxonomies/formats"), $"#term-{format} form[action*='handler=Reinstate']");
        }
    }

    [Fact]
    public async Task MoveUp_SwapsTheTermWithTheOneAbove()
    {
        var admin = await AdminAsync();
        var page = await admin.GetPageAsync("/admin/taxonomies/stages");
        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.Id!).ToList();

        var response = await admin.SubmitAsync(page, $"#{rows[2]} form[action*='handler=Up']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = (await admin.GetPageAsync("/admin/taxonomies/stages")).QuerySelectorAll("tbody tr").Select(r => r.Id!).ToList();
        Assert.Equal([rows[0], rows[2], rows[1]], after.Take(3));
        await admin.SubmitAsync(await admin.GetPageAsync("/admin/taxonomies/stages"), $"#{rows[2]} form[action*='handler=Down']");
    }

    [Fact]
    public async Task Edit_SavesTheLabels_AndAStaleFormIsAConflictThatChangesNothing()
    {
        var admin = await AdminAsync();
        var code = $"label-{Guid.NewGuid():N}"[..16];
        var sector = await AddSectorUsedByAnOfferAsync(code, null);
        var form = await admin.GetPageAsync($"/admin/taxonomies/sectors/{sector}");
        var stale = await admin.GetPageAsync($"/admin/taxonomies/sectors/{sector}");

        var saved = await admin.SubmitAsync(form, "main form[method='post']", new Dictionary<string, string> { ["Input.Name"] = "Health data", ["Input.NameSv"] = "Hälsodata", ["Input.NameDa"] = "Sundhedsdata" });
        var conflict = await admin.SubmitAsync(stale, "main form[method='post']", new Dictionary<string, string> { ["Input.Name"] = "Overwritten" });
        var invalid = await admin.SubmitAsync(await admin.GetPageAsync($"/admin/taxonomies/sectors/{sector}"), "main form[method='post']", new Dictionary<string, string> { ["Input.Name"] = "" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains((await conflict.ParseBodyAsync()).ValidationMessages(), m => m.Contains("while you were editing", StringComparison.Ordinal));
        Assert.Contains("Give the English label.", (await invalid.ParseBodyAsync()).ValidationMessages());
        var term = await _portal.WithDbAsync(db => db.TaxonomyTerms.SingleAsync(t => t.Id == sector));
        Assert.Equal(("Health data", "Hälsodata", "Sundhedsdata", code), (term.Name, term.NameSv, term.NameDa, term.Code));
    }

    [Fact]
    public async Task Edit_MarketUnderItsOwnSubMarket_ShowsTheRule_AndChangesNothing()
    {
        var admin = await AdminAsync();
        var usa = await TermIdAsync(TaxonomyKind.Market, "usa");
        var boston = await TermIdAsync(TaxonomyKind.Market, "usa-boston");
        var page = await admin.GetPageAsync($"/admin/taxonomies/markets/{usa}");
        var option = page.CreateElement("option");
        option.SetAttribute("value", boston.ToString());
        page.QuerySelector("#Input_ParentId")!.AppendChild(option);

        var response = await admin.SubmitAsync(page, "main form[method='post']", new Dictionary<string, string> { ["Input.ParentId"] = boston.ToString() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("A market cannot sit under itself or under one of its own sub-markets.", (await response.ParseBodyAsync()).ValidationMessages());
        Assert.Null(await _portal.WithDbAsync(db => db.TaxonomyTerms.Where(t => t.Id == usa).Select(t => t.ParentId).SingleAsync()));
    }

    private async Task<HttpClient> AdminAsync() =>
        await _portal.SignedInClientAsync($"admin-{Guid.NewGuid():N}@example.test", Roles.Administrator, OrganisationSeed.SmiLe);

    private Task<int> TermIdAsync(TaxonomyKind kind, string code) =>
        _portal.WithDbAsync(db => db.TaxonomyTerms.Where(t => t.Kind == kind && t.Code == code).Select(t => t.Id).SingleAsync());

    /// <summary>A new sector, linked to the seeded offer with <paramref name="offerKey"/> when given.</summary>
    private Task<int> AddSectorUsedByAnOfferAsync(string code, string? offerKey) => _portal.WithDbAsync(async db =>
    {
        var term = new TaxonomyTerm(TaxonomyKind.Sector, code, "Sector " + code, 999);
        db.TaxonomyTerms.Add(term);
        if (offerKey is not null)
        {
            var offer = await db.Offers.Include(o => o.Terms).ThenInclude(t => t.Term).SingleAsync(o => o.SeedKey == offerKey);
            offer.SetTerms(TaxonomyKind.Sector, offer.Terms.Where(t => t.Term!.Kind == TaxonomyKind.Sector).Select(t => t.Term!).Append(term).ToList());
        }

        await db.SaveChangesAsync();
        return term.Id;
    });
}
