using System.Net;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Catalogue;

public sealed class PartnerProfileAndCorrectionsTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private readonly PortalFactory _portal = fixture.Portal;

    [Fact]
    public async Task Post_ProfileWithInvalidValues_ShowsTheErrors()
    {
        var client = await _portal.SignedInClientAsync("dlsc-profile-bad@example.test", Roles.PartnerStaff, OrganisationSeed.Dlsc);
        var page = await client.GetPageAsync("/partner/profile");
        var skane = await _portal.WithDbAsync(db => db.TaxonomyTerms.Where(t => t.Code == "se-skane").Select(t => t.Id).SingleAsync());

        var response = await client.SubmitAsync(page, "main form[method='post']", new Dictionary<string, string>
        {
            ["Input.Name"] = "",
            ["Input.RegionId"] = skane.ToString(),
            ["Input.Contacts[0].Name"] = "",
            ["Input.Contacts[0].Email"] = "dorte@example.test",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var messages = (await response.ParseBodyAsync()).ValidationMessages();
        Assert.Contains("Give the organisation's name.", messages);
        Assert.Contains("The region is not in that country.", messages);
        Assert.Contains("Give the contact's name.", messages);
    }

    [Fact]
    public async Task Post_Profile_SavesDescriptionExpertiseAndContacts()
    {
        var client = await _portal.SignedInClientAsync("dlsc-profile@example.test", Roles.PartnerStaff, OrganisationSeed.Dlsc);
        var page = await client.GetPageAsync("/partner/profile");
        var regulatory = await _portal.WithDbAsync(db => db.TaxonomyTerms.Where(t => t.Code == "regulatory").Select(t => t.Id).SingleAsync());
        var response = await client.SubmitAsync(page, "main form[method='post']", new Dictionary<string, string>
        {
            ["Input.Description"] = "Danish cluster for life science and welfare technology.",
            ["Input.ExpertiseIds"] = regulatory.ToString(),
            ["Input.Contacts[0].Name"] = "Dorte Friis",
            ["Input.Contacts[0].Role"] = "Partnership manager",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await _portal.WithDbAsync(db => db.Organisations.Include(o => o.Contacts).Include(o => o.Terms).SingleAsync(o => o.SeedKey == OrganisationSeed.Dlsc));
        Assert.Equal("Danish cluster for life science and welfare technology.", saved.Description);
        Assert.Contains(saved.Terms, t => t.TermId == regulatory);
        Assert.Contains(saved.Contacts, c => c.Name == "Dorte Friis" && c.Role == "Partnership manager");
        var audit = await _portal.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(Organisation) && a.EntityId == saved.Id.ToString() && a.UserName == "dlsc-profile@example.test").ToListAsync());
        Assert.Single(audit);
    }

    [Fact]
    public async Task Corrections_ArriveInTheProvidersInbox_AndAreAnswered()
    {
        var isOffer = await OfferAsync("is-deep-tech");
        var dlscOffer = await OfferAsync("dlsc-focused-network");
        var (own, other) = await _portal.WithDbAsync(async db =>
        {
            var a = new CorrectionRequest(await db.Offers.SingleAsync(o => o.Id == isOffer), "The VR part is no longer offered.", "Frida", null, null, DateTime.UtcNow);
            var b = new CorrectionRequest(await db.Offers.SingleAsync(o => o.Id == dlscOffer), "Wrong contact person.", null, null, null, DateTime.UtcNow);
            db.CorrectionRequests.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });
        var client = await _portal.SignedInClientAsync("is-inbox@example.test", Roles.PartnerStaff, OrganisationSeed.InnovationSkane);

        var inbox = await client.GetPageAsync("/partner/corrections");
        Assert.Contains("The VR part is no longer offered.", inbox.Body!.TextContent);
        Assert.DoesNotContain("Wrong contact person.", inbox.Body!.TextContent);
        Assert.Contains("/Identity/Account/AccessDenied", (await client.GetAsync($"/partner/corrections/{other}")).Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/partner/corrections/999999")).StatusCode);

        var answer = await client.GetPageAsync($"/partner/corrections/{own}");
        var invalid = await client.SubmitAsync(answer, "main form[method='post']", new Dictionary<string, string> { ["Input.Outcome"] = "Resolved", ["Input.Response"] = "" });
        Assert.Contains("Write a short answer for the person who reported it.", (await invalid.ParseBodyAsync()).ValidationMessages());
        var valid = await client.SubmitAsync(answer, "main form[method='post']", new Dictionary<string, string> { ["Input.Outcome"] = "Resolved", ["Input.Response"] = "Thanks, we removed VR from the listing." });

        Assert.Equal(HttpStatusCode.Redirect, valid.StatusCode);
        var stored = await _portal.WithDbAsync(db => db.CorrectionRequests.SingleAsync(c => c.Id == own));
        Assert.Equal((CorrectionStatus.Resolved, "Thanks, we removed VR from the listing."), (stored.Status, stored.Response));
        Assert.Equal("is-inbox", stored.AnsweredByName);
    }

    private Task<int> OfferAsync(string seedKey) => _portal.WithDbAsync(db => db.Offers.Where(o => o.SeedKey == seedKey).Select(o => o.Id).SingleAsync());
}
