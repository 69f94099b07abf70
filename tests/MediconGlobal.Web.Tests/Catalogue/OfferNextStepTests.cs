using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.OpenData;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Catalogue;

/// <summary>
/// "Next step on every offer" (issue 19 item 9, ADR 1791): partner staff state what happens next and which documents
/// to prepare; founders read it on the offer page in their language; the HSDS API publishes it.
/// </summary>
public sealed class OfferNextStepTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private readonly PortalFactory _portal = fixture.Portal;

    [Fact]
    public async Task APartnerStatesWhatHappensNext_FoundersReadItInEnglishAndSwedish_AndHsdsPublishesIt()
    {
        var partner = await _portal.SignedInClientAsync("next-step@example.test", Roles.PartnerStaff, OrganisationSeed.InnovationSkane);
        var id = await OfferIdAsync("is-deep-tech");
        var form = await partner.GetPageAsync($"/partner/offers/{id}/edit");

        var saved = await partner.SubmitAsync(form, "#offer-form", new Dictionary<string, string>
        {
            ["Input.NextStep"] = nameof(NextStep.ProviderContactsCompany),
            ["Input.NextStepWorkingDays"] = "3",
            ["Input.RequiredDocuments"] = "Pitch deck – https://example.org/pitch-template\r\n\r\n  Technology description  \r\n",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var offer = await _portal.WithDbAsync(db => db.Offers.AsNoTracking().SingleAsync(o => o.Id == id));
        Assert.Equal((NextStep.ProviderContactsCompany, 3, "Pitch deck https://example.org/pitch-template\nTechnology description"), (offer.NextStep, offer.NextStepWorkingDays!.Value, offer.RequiredDocuments));

        var founder = _portal.CreatePortalClient();
        var page = await founder.GetPageAsync($"/offers/{id}");
        var section = page.QuerySelector("section.next-step")!;
        Assert.Equal("What happens next", section.QuerySelector("h2")!.TextContent.Trim());
        Assert.Contains("Innovation Skåne will contact you after you have applied or been referred. This usually happens within 3 working days.", Squash(section.QuerySelector("p")!.TextContent));
        var documents = section.QuerySelectorAll(".required-documents li").Select(li => (li.TextContent.Trim(), li.QuerySelector("a")?.GetAttribute("href"))).ToList();
        Assert.Equal([("Pitch deck", "https://example.org/pitch-template"), ("Technology description", null)], documents);

        founder.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("sv"));
        var swedish = (await founder.GetPageAsync($"/offers/{id}")).QuerySelector("section.next-step")!;
        Assert.Equal("Vad händer sedan", swedish.QuerySelector("h2")!.TextContent.Trim());
        Assert.Contains("3 arbetsdagar", swedish.QuerySelector("p")!.TextContent);
        Assert.Equal("Dokument att förbereda", swedish.QuerySelector("h3")!.TextContent.Trim());

        var service = JsonNode.Parse(await founder.GetStringAsync($"/api/hsds/services/{HsdsIds.Of(HsdsKind.Service, id)}"))!;
        Assert.Equal(["Pitch deck|https://example.org/pitch-template", "Technology description|"], service["required_documents"]!.AsArray().Select(d => $"{d!["document"]}|{d["uri"]}"));
        var nextStep = service["attributes"]!.AsArray().Single(a => a!["link_type"]!.GetValue<string>() == "next_step")!;
        Assert.Equal(("3", "ProviderContactsCompany"), (nextStep["value"]!.GetValue<string>(), nextStep["taxonomy_term"]!["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AnOfferThatSaysNothing_ShowsNoSection_AndBadValuesGetMessagesWithoutChangingTheOffer()
    {
        var partner = await _portal.SignedInClientAsync("next-step-bad@example.test", Roles.PartnerStaff, OrganisationSeed.InnovationSkane);
        var id = await OfferIdAsync("is-innovation-management");
        Assert.Null((await _portal.CreatePortalClient().GetPageAsync($"/offers/{id}")).QuerySelector("section.next-step"));
        var form = await partner.GetPageAsync($"/partner/offers/{id}/edit");

        var tooMany = string.Join("\n", Enumerable.Range(1, RequiredDocument.MaxCount + 1).Select(i => $"Document {i}"));
        var response = await partner.SubmitAsync(form, "#offer-form", new Dictionary<string, string>
        {
            ["Input.NextStep"] = nameof(NextStep.NotStated),
            ["Input.NextStepWorkingDays"] = "0",
            ["Input.RequiredDocuments"] = tooMany,
        });
        var messages = (await response.ParseBodyAsync()).ValidationMessages();
        Assert.Contains("Give the time to the next step as a number of working days from 1 to 60.", messages);
        Assert.Contains("Choose what happens next before you give its time.", messages);
        Assert.Contains("List at most 20 documents, one per line.", messages);

        var again = await partner.SubmitAsync(form, "#offer-form", new Dictionary<string, string>
        {
            ["Input.NextStep"] = "Teleportation",
            ["Input.RequiredDocuments"] = new string('x', RequiredDocument.MaxLength + 1),
        });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var more = (await again.ParseBodyAsync()).ValidationMessages();
        Assert.Contains("Keep each document under 250 characters.", more);
        var offer = await _portal.WithDbAsync(db => db.Offers.AsNoTracking().SingleAsync(o => o.Id == id));
        Assert.Equal((NextStep.NotStated, (int?)null, (string?)null), (offer.NextStep, offer.NextStepWorkingDays, offer.RequiredDocuments));
    }

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private Task<int> OfferIdAsync(string seedKey) => _portal.WithDbAsync(db => db.Offers.Where(o => o.SeedKey == seedKey).Select(o => o.Id).SingleAsync());
}
