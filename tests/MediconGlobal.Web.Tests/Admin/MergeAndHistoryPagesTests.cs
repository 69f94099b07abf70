using System.Net;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Testing;
using MediconGlobal.Web.Tests.Catalogue;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Admin;

/// <summary>Merging duplicate organisations and the history views (issue 11, items 3 and 4).</summary>
public sealed class MergeAndHistoryPagesTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private readonly PortalFactory _portal = fixture.Portal;

    [Fact]
    public async Task Administrator_MergesADuplicate_TheSurvivorCarriesItsOffersUsersAndHistory()
    {
        var admin = await SignedInAsync(Roles.Administrator);
        var (survivor, duplicate) = await ArrangeDuplicateAsync();
        var user = await _portal.CreateUserAsync($"dup-staff-{Guid.NewGuid():N}@example.test", Roles.PartnerStaff, organisationId: duplicate);
        var page = await admin.GetPageAsync($"/admin/organisations/merge?survivor={survivor}&duplicate={duplicate}");
        var movesOver = page.QuerySelector(".merge-table")!.TextContent;
        Assert.Contains("1 offer,", movesOver);
        Assert.DoesNotContain("1 offers", movesOver);

        var response = await admin.SubmitAsync(page, "main form[method='post']", new Dictionary<string, string> { ["From[Website]"] = "duplicate" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/organisations/{survivor}", response.Headers.Location!.OriginalString);
        await _portal.WithDbAsync(async db =>
        {
            Assert.False(await db.Organisations.AnyAsync(o => o.Id == duplicate));
            Assert.Equal("https://dup.example", await db.Organisations.Where(o => o.Id == survivor).Select(o => o.Website).SingleAsync());
            Assert.Equal(survivor, await db.Offers.Where(o => o.Name == "Workshop of the duplicate").Select(o => o.ProviderId).SingleAsync());
            Assert.Equal(survivor, await db.Users.Where(u => u.Id == user.Id).Select(u => u.OrganisationId).SingleAsync());
            Assert.NotEqual(user.SecurityStamp, await db.Users.Where(u => u.Id == user.Id).Select(u => u.SecurityStamp).SingleAsync());
        });
        Assert.Equal($"/organisations/{survivor}", (await admin.GetAsync($"/organisations/{duplicate}")).Headers.Location!.OriginalString);
        var history = await admin.GetPageAsync($"/history/organisations/{survivor}");
        Assert.Contains("Duplicate Hub AB (#" + duplicate + ")", history.QuerySelector("main")!.TextContent);
        Assert.Contains("https://dup.example", history.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Merge_WithTheSameOrganisationTwice_OrAnUnknownField_ShowsAMessage_AndChangesNothing()
    {
        var admin = await SignedInAsync(Roles.Administrator);
        var (survivor, duplicate) = await ArrangeDuplicateAsync();
        var page = await admin.GetPageAsync($"/admin/organisations/merge?survivor={survivor}&duplicate={duplicate}");

        var same = await admin.SubmitAsync(page, "main form[method='post']", new Dictionary<string, string> { ["Duplicate"] = survivor.ToString() });
        var unknown = await admin.SubmitAsync(page, "main form[method='post']", new Dictionary<string, string> { ["From[Secret]"] = "duplicate" });
        var stale = await admin.SubmitAsync(page, "main form[method='post']", new Dictionary<string, string> { ["DuplicateVersion"] = "0" });

        foreach (var response in new[] { same, unknown, stale })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotEmpty((await response.ParseBodyAsync()).ValidationMessages());
        }

        Assert.True(await _portal.WithDbAsync(db => db.Organisations.AnyAsync(o => o.Id == duplicate)));
        Assert.False(await _portal.WithDbAsync(db => db.OrganisationMerges.AnyAsync(m => m.MergedId == duplicate)));
    }

    [Fact]
    public async Task OfferHistory_ShowsWhoChangedWhat_InLocalTime()
    {
        var partner = await _portal.SignedInClientAsync($"is-history-{Guid.NewGuid():N}@example.test", Roles.PartnerStaff, OrganisationSeed.InnovationSkane);
        var offer = await _portal.WithDbAsync(db => CaseBuilder.OfferIdAsync(db, "is-advisory-legal"));
        var edit = await partner.GetPageAsync($"/partner/offers/{offer}/edit");
        var saved = await partner.SubmitAsync(edit, "#offer-form", new Dictionary<string, string> { ["Input.HowToApply"] = "Book a first call online." });
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, string.Join("; ", (await saved.ParseBodyAsync()).ValidationMessages()));
        var manager = await SignedInAsync(Roles.ProjectManager);
        var colleague = await _portal.SignedInClientAsync($"is-colleague-{Guid.NewGuid():N}@example.test", Roles.PartnerStaff, OrganisationSeed.InnovationSkane);

        var history = await manager.GetPageAsync($"/history/offers/{offer}");
        var ownHistory = await colleague.GetPageAsync($"/history/offers/{offer}");

        foreach (var page in new[] { history, ownHistory })
        {
            var entry = page.QuerySelectorAll(".history-list > li").First(li => li.TextContent.Contains("Book a first call online.", StringComparison.Ordinal));
            Assert.Contains("How to apply", entry.TextContent);
            Assert.Contains("is-history-", entry.TextContent);
            Assert.NotNull(entry.QuerySelector("time"));
        }
    }

    [Fact]
    public async Task History_WithholdsTheAddressesOfAnotherOrganisationsStaff_AndNamesThePortalInTheViewersLanguage()
    {
        var editor = $"is-editor-{Guid.NewGuid():N}@example.test";
        var partner = await _portal.SignedInClientAsync(editor, Roles.PartnerStaff, OrganisationSeed.InnovationSkane);
        var offer = await _portal.WithDbAsync(db => CaseBuilder.OfferIdAsync(db, "is-advisory-legal"));
        var marker = $"Call us {Guid.NewGuid():N}.";
        await partner.SubmitAsync(await partner.GetPageAsync($"/partner/offers/{offer}/edit"), "#offer-form", new Dictionary<string, string> { ["Input.HowToApply"] = marker });
        var otherPartner = await _portal.SignedInClientAsync($"dlsc-{Guid.NewGuid():N}@example.test", Roles.PartnerStaff, OrganisationSeed.Dlsc);
        var advisor = await SignedInAsync(Roles.Advisor);
        otherPartner.DefaultRequestHeaders.AcceptLanguage.ParseAdd("da");

        foreach (var (viewer, withheld, portal) in new[] { (otherPartner, "en medarbejder i en anden organisation", "portalen"), (advisor, "staff of another organisation", "the portal") })
        {
            var history = await viewer.GetPageAsync($"/history/offers/{offer}");
            var entry = history.QuerySelectorAll(".history-list > li").First(li => li.TextContent.Contains(marker, StringComparison.Ordinal));
            Assert.Contains(withheld, entry.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain(editor, history.Body!.InnerHtml, StringComparison.OrdinalIgnoreCase);
            var entries = history.QuerySelectorAll(".history-list > li");
            var created = entries[entries.Length - 1];
            Assert.Contains(portal, created.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("anonymous", history.Body!.TextContent, StringComparison.Ordinal);
        }

        var edit = await partner.GetPageAsync($"/partner/offers/{offer}/edit");
        Assert.Contains(editor, edit.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_FollowsTheRecordsScope_AnotherIncubatorsClientAndAnotherOrganisationsDraftAreNotFound()
    {
        var (clientId, draftId) = await _portal.WithDbAsync(async db =>
        {
            var company = await CaseBuilder.CompanyAsync(db, $"History Scope {Guid.NewGuid():N} AB", OrganisationSeed.InnovationSkane);
            var provider = await db.Organisations.SingleAsync(o => o.SeedKey == OrganisationSeed.Dlsc);
            var draft = new Offer("Draft of DLSC", provider, await db.TaxonomyTerms.SingleAsync(t => t.Code == "legal")) { Description = "Draft." };
            db.Offers.Add(draft);
            await db.SaveChangesAsync();
            return (company.Id, draft.Id);
        });
        var smileAdvisor = await SignedInAsync(Roles.Advisor);
        var skaneAdvisor = await _portal.SignedInClientAsync($"is-advisor-{Guid.NewGuid():N}@example.test", Roles.Advisor, OrganisationSeed.InnovationSkane);
        var partner = await _portal.SignedInClientAsync($"is-partner-{Guid.NewGuid():N}@example.test", Roles.PartnerStaff, OrganisationSeed.InnovationSkane);

        Assert.Equal(HttpStatusCode.NotFound, (await smileAdvisor.GetAsync($"/history/clients/{clientId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/history/clients/{clientId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/history/offers/{draftId}")).StatusCode);
        var own = await skaneAdvisor.GetPageAsync($"/history/clients/{clientId}");
        Assert.Contains("Created", own.QuerySelector(".history-list")!.TextContent);
    }

    [Fact]
    public async Task OfferForm_LastSavedBy_WithholdsAnAdministratorsAddressFromThePartner()
    {
        var adminEmail = $"admin-{Guid.NewGuid():N}@example.test";
        var admin = await _portal.SignedInClientAsync(adminEmail, Roles.Administrator, OrganisationSeed.SmiLe);
        var offer = await _portal.WithDbAsync(db => CaseBuilder.OfferIdAsync(db, "is-advisory-legal"));
        var saved = await admin.SubmitAsync(await admin.GetPageAsync($"/partner/offers/{offer}/edit"), "#offer-form", new Dictionary<string, string> { ["Input.HowToApply"] = $"Write to us {Guid.NewGuid():N}." });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var partner = await _portal.SignedInClientAsync($"is-{Guid.NewGuid():N}@example.test", Roles.PartnerStaff, OrganisationSeed.InnovationSkane);

        var mine = await partner.GetPageAsync($"/partner/offers/{offer}/edit");
        var theirs = await admin.GetPageAsync($"/partner/offers/{offer}/edit");

        Assert.Contains("Last saved by staff of another organisation", mine.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(adminEmail, mine.Body!.InnerHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"Last saved by {adminEmail}", theirs.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditConflict_NamesAnotherOrganisationsEditor_AsSomeoneElse()
    {
        var adminEmail = $"admin-{Guid.NewGuid():N}@example.test";
        var admin = await _portal.SignedInClientAsync(adminEmail, Roles.Administrator, OrganisationSeed.SmiLe);
        var partner = await _portal.SignedInClientAsync($"is-{Guid.NewGuid():N}@example.test", Roles.PartnerStaff, OrganisationSeed.InnovationSkane);
        var offer = await _portal.WithDbAsync(db => CaseBuilder.OfferIdAsync(db, "is-advisory-legal"));
        var stale = await partner.GetPageAsync($"/partner/offers/{offer}/edit");
        await admin.SubmitAsync(await admin.GetPageAsync($"/partner/offers/{offer}/edit"), "#offer-form", new Dictionary<string, string> { ["Input.HowToApply"] = $"Write to us {Guid.NewGuid():N}." });

        var conflict = await partner.SubmitAsync(stale, "#offer-form", new Dictionary<string, string> { ["Input.HowToApply"] = "Call us." });

        var page = await conflict.ParseBodyAsync();
        Assert.Contains(page.ValidationMessages(), m => m.StartsWith("Someone else saved a change here at", StringComparison.Ordinal));
        Assert.DoesNotContain(adminEmail, page.Body!.InnerHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Last saved by staff of another organisation", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignedInAsync(string role) =>
        await _portal.SignedInClientAsync($"{role}-{Guid.NewGuid():N}@example.test", role, OrganisationSeed.SmiLe);

    /// <summary>A new organisation and a duplicate of it ("Duplicate Hub AB") with an offer ("Workshop of the duplicate").</summary>
    private Task<(int Survivor, int Duplicate)> ArrangeDuplicateAsync() => _portal.WithDbAsync(async db =>
    {
        foreach (var old in await db.Offers.Where(o => o.Name == "Workshop of the duplicate").ToListAsync())
        {
            old.Name = "Workshop of an earlier duplicate";
        }

        var survivor = new Organisation("Duplicate Hub", OrganisationType.Incubator, "SE");
        var duplicate = new Organisation("Duplicate Hub AB", OrganisationType.Incubator, "SE") { Website = "https://dup.example" };
        db.Organisations.AddRange(survivor, duplicate);
        db.Offers.Add(new Offer("Workshop of the duplicate", duplicate, await db.TaxonomyTerms.SingleAsync(t => t.Code == "legal")) { Description = "A workshop." });
        await db.SaveChangesAsync();
        return (survivor.Id, duplicate.Id);
    });
}
