using System.Net;
using AngleSharp.Html.Dom;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Notifications;
using MediconGlobal.Testing;
using MediconGlobal.Web.Tests.Clients;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Pages;

/// <summary>
/// One behaviour on a conflict on every editing page (docs/decisions/1050, issue 10 item 6, issue 15 item 3):
/// someone else saves while a person edits; the person's save answers the form again with the conflict message,
/// what they typed still there, the other person's saved value shown, nothing changed — and, where the form is
/// still open, saving again keeps theirs.
/// </summary>
public sealed class EditConflictTests(CasePortal cases) : IClassFixture<CasePortal>
{
    private const string ConflictMessage = "saved a change here";
    private const string Someone = "someone-else";

    public static TheoryData<string> Pages() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task SavingAnOlderForm_KeepsWhatWasTyped_ShowsTheirs_ChangesNothing_AndSavingAgainKeepsMine(string name)
    {
        var scenario = await Cases[name](cases);
        var page = await scenario.Me.GetPageAsync(scenario.Url);
        await cases.DbAsync(async db =>
        {
            await scenario.SomeoneElseSavesAsync(db);
            return await db.SaveChangesAsync();
        });

        var response = await scenario.Me.SubmitAsync(page, scenario.Form, scenario.Typed, scenario.Submitter);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var conflict = await response.ParseBodyAsync();
        Assert.Contains(ConflictMessage, conflict.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        if (scenario.Kept is { } kept)
        {
            Assert.Contains(kept.Value, ValueOf(conflict, kept.Selector), StringComparison.Ordinal);
        }

        Assert.Contains(scenario.Theirs, conflict.QuerySelector(scenario.TheirsSelector)?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Equal(scenario.TheirsStored, await cases.DbAsync(scenario.StoredAsync));

        if (scenario.MineStored is { } mine)
        {
            var again = await scenario.Me.SubmitAsync(await HtmlClient.ParseAtAsync(conflict.DocumentElement.OuterHtml, scenario.Url), scenario.Form, scenario.Typed, scenario.Submitter);
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
            Assert.Equal(mine, await cases.DbAsync(scenario.StoredAsync));
        }
    }

    private static string ValueOf(IHtmlDocument page, string selector) => page.QuerySelector(selector) switch
    {
        IHtmlInputElement input => input.Value,
        { } element => element.TextContent,
        null => "",
    };

    private static readonly Dictionary<string, Func<CasePortal, Task<Scenario>>> Cases = new()
    {
        ["client profile"] = async cases =>
        {
            var company = await cases.CompanyAsync(CasePortal.Unique("Conflict Client"));
            return new Scenario(
                await cases.AdvisorAsync(), $"/clients/{company.Id}/edit", "#company-form", Typed(("Input.Employees", "99")),
                async db => (await db.Companies.SingleAsync(c => c.Id == company.Id)).Employees = 12,
                async db => (await db.Companies.SingleAsync(c => c.Id == company.Id)).Employees?.ToString(),
                Kept: ("#Input_Employees", "99"), Theirs: "12", TheirsSelector: "#Input_Employees-saved", TheirsStored: "12", MineStored: "99");
        },
        ["client profile, markets only"] = async cases =>
        {
            var company = await cases.CompanyAsync(CasePortal.Unique("Markets Client"));
            return new Scenario(
                await cases.AdvisorAsync(), $"/clients/{company.Id}/edit", "#company-form", Typed(("Input.Employees", "7")),
                async db =>
                {
                    var tracked = await db.Companies.Include(c => c.Terms).ThenInclude(t => t.Term).SingleAsync(c => c.Id == company.Id);
                    tracked.SetTerms(TaxonomyKind.Market, [await db.TaxonomyTerms.SingleAsync(t => t.Kind == TaxonomyKind.Market && t.Code == "japan")]);
                },
                async db => string.Join(",", await db.CompanyTerms.Where(t => t.CompanyId == company.Id).Select(t => t.Term!.Code).ToListAsync()),
                Kept: ("#Input_Employees", "7"), Theirs: "Japan", TheirsSelector: "#Input_MarketIds-saved", TheirsStored: "japan", MineStored: "");
        },
        ["offer form"] = async cases =>
        {
            var id = await cases.DbAsync(db => CaseBuilder.OfferIdAsync(db, "is-test-beds"));
            return new Scenario(
                await cases.PartnerAsync(OrganisationSeed.InnovationSkane), $"/partner/offers/{id}/edit", "#offer-form", Typed(("Input.ContactName", "Mine Contact")),
                async db => (await db.Offers.SingleAsync(o => o.Id == id)).ContactName = "Their Contact",
                async db => await db.Offers.Where(o => o.Id == id).Select(o => o.ContactName).SingleAsync(),
                Kept: ("#Input_ContactName", "Mine Contact"), Theirs: "Their Contact", TheirsSelector: "#Input_ContactName-saved", TheirsStored: "Their Contact", MineStored: "Mine Contact");
        },
        ["offer archive button"] = async cases =>
        {
            var id = await cases.DbAsync(db => CaseBuilder.OfferIdAsync(db, "is-innovation-management"));
            return new Scenario(
                await cases.PartnerAsync(OrganisationSeed.InnovationSkane), $"/partner/offers/{id}/edit", "form[action$='handler=Archive']", Typed(),
                async db => (await db.Offers.SingleAsync(o => o.Id == id)).Dates = "Their dates",
                async db => (await db.Offers.SingleAsync(o => o.Id == id)).Status.ToString(),
                Kept: ("#Input_Dates", "Their dates"), Theirs: "Published", TheirsSelector: ".validation-summary", TheirsStored: "Published", MineStored: "Archived");
        },
        ["partner profile"] = async cases => new Scenario(
            await cases.PartnerAsync(OrganisationSeed.Dlsc), "/partner/profile", "main form[method='post']", Typed(("Input.Description", "Mine description")),
            async db => (await db.Organisations.SingleAsync(o => o.SeedKey == OrganisationSeed.Dlsc)).Description = "Their description",
            async db => await db.Organisations.Where(o => o.SeedKey == OrganisationSeed.Dlsc).Select(o => o.Description).SingleAsync(),
            Kept: ("#Input_Description", "Mine description"), Theirs: "Their description", TheirsSelector: "#Input_Description-saved", TheirsStored: "Their description", MineStored: "Mine description"),
        ["correction answer"] = async cases =>
        {
            var id = await cases.DbAsync(async db =>
            {
                var request = new CorrectionRequest(await db.Offers.SingleAsync(o => o.SeedKey == "is-advisory-legal"), "The phone number is wrong.", "Visitor", null, null, DateTime.UtcNow);
                db.CorrectionRequests.Add(request);
                await db.SaveChangesAsync();
                return request.Id;
            });
            return new Scenario(
                await cases.PartnerAsync(OrganisationSeed.InnovationSkane), $"/partner/corrections/{id}", "main form[method='post']", Typed(("Input.Response", "Mine answer"), ("Input.Outcome", "Resolved")),
                async db => (await db.CorrectionRequests.SingleAsync(c => c.Id == id)).Answer(CorrectionStatus.Dismissed, "Their answer", Someone, DateTime.UtcNow),
                async db => await db.CorrectionRequests.Where(c => c.Id == id).Select(c => c.Status + ": " + c.Response).SingleAsync(),
                Kept: ("#unsaved-Input-Response", "Mine answer"), Theirs: "Their answer", TheirsSelector: "main", TheirsStored: "Dismissed: Their answer", MineStored: null);
        },
        ["consent"] = async cases =>
        {
            var company = await cases.CompanyAsync(CasePortal.Unique("Consent Client"), consent: false);
            return new Scenario(
                await cases.AdvisorAsync(), $"/clients/{company.Id}", "#consent-form", Typed(("Consent.Purpose", "Mine purpose")),
                async db => (await db.Companies.SingleAsync(c => c.Id == company.Id)).GiveConsent("Their purpose", new Actor(Someone, Someone), DateTime.UtcNow),
                async db => string.Join("|", await db.ConsentRecords.Where(r => r.CompanyId == company.Id).Select(r => r.Purpose).ToListAsync()),
                Kept: ("#Consent_Purpose", "Mine purpose"), Theirs: "Their purpose", TheirsSelector: "#Consent_Purpose-saved", TheirsStored: "Their purpose", MineStored: null);
        },
        ["engagement move"] = async cases =>
        {
            var id = await cases.DbAsync(db => CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.RegionSkane));
            return new Scenario(
                await cases.ProjectManagerAsync(), $"/landscape/organisations/{id}", "#move-form", Typed(("Move.To", "Engaged"), ("Move.Note", "Mine note")),
                async db => (await db.Organisations.SingleAsync(o => o.Id == id)).ChangePartnershipStatus(PartnershipStatus.Partner, "Their note", new Actor(Someone, Someone), DateTime.UtcNow),
                async db => (await db.Organisations.SingleAsync(o => o.Id == id)).PartnershipStatus.ToString(),
                Kept: ("#Move_Note", "Mine note"), Theirs: "Partner", TheirsSelector: "#Move_To-saved", TheirsStored: "Partner", MineStored: "Engaged");
        },
        ["engagement needs"] = async cases =>
        {
            var id = await cases.DbAsync(db => CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.BusinessSweden));
            return new Scenario(
                await cases.ProjectManagerAsync(), $"/landscape/organisations/{id}", "#needs-form", Typed(("Needs.CollaborationNeeds", "Mine needs")),
                async db => (await db.Organisations.SingleAsync(o => o.Id == id)).CollaborationNeeds = "Their needs",
                async db => await db.Organisations.Where(o => o.Id == id).Select(o => o.CollaborationNeeds).SingleAsync(),
                Kept: ("#Needs_CollaborationNeeds", "Mine needs"), Theirs: "Their needs", TheirsSelector: "#Needs_CollaborationNeeds-saved", TheirsStored: "Their needs", MineStored: "Mine needs");
        },
        ["programme results"] = async cases =>
        {
            var id = await cases.DbAsync(db => db.Programmes.Where(p => p.SeedKey == ProgrammeSeed.Massachusetts).Select(p => p.Id).SingleAsync());
            return new Scenario(
                await cases.ProjectManagerAsync(), $"/programmes/{id}/results", "#results-form", Typed(("Input.LessonsLearned", "Mine lessons")),
                async db => (await db.Programmes.SingleAsync(p => p.Id == id)).LessonsLearned = "Their lessons",
                async db => await db.Programmes.Where(p => p.Id == id).Select(p => p.LessonsLearned).SingleAsync(),
                Kept: ("#Input_LessonsLearned", "Mine lessons"), Theirs: "Their lessons", TheirsSelector: "#Input_LessonsLearned-saved", TheirsStored: "Their lessons", MineStored: "Mine lessons");
        },
        ["programme edit"] = async cases =>
        {
            var id = await cases.DbAsync(db => db.Programmes.Where(p => p.SeedKey == ProgrammeSeed.ClustersOfSweden).Select(p => p.Id).SingleAsync());
            return new Scenario(
                await cases.ProjectManagerAsync(), $"/programmes/{id}/edit", "main form[method='post']", Typed(("Input.Description", "Mine programme")),
                async db => (await db.Programmes.SingleAsync(p => p.Id == id)).Description = "Their programme",
                async db => await db.Programmes.Where(p => p.Id == id).Select(p => p.Description).SingleAsync(),
                Kept: ("#Input_Description", "Mine programme"), Theirs: "Their programme", TheirsSelector: "#Input_Description-saved", TheirsStored: "Their programme", MineStored: "Mine programme");
        },
        ["activity edit"] = async cases =>
        {
            var manager = await cases.ProjectManagerAsync();
            var programmeId = await cases.DbAsync(db => db.Programmes.Where(p => p.SeedKey == ProgrammeSeed.DlscInnovationProgram).Select(p => p.Id).SingleAsync());
            var created = await manager.SubmitAsync(await manager.GetPageAsync($"/programmes/{programmeId}/activities/new"), "#activity-form",
                Typed(("Input.Topic", CasePortal.Unique("Webinar")), ("Input.Kind", nameof(ActivityKind.Webinar)), ("Input.Date", "2024-03-14")));
            var id = int.Parse(created.Headers.Location!.OriginalString.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
            return new Scenario(
                manager, $"/activities/{id}/edit", "#activity-form", Typed(("Input.Outcome", "Mine outcome")),
                async db => (await db.Activities.SingleAsync(a => a.Id == id)).Outcome = "Their outcome",
                async db => await db.Activities.Where(a => a.Id == id).Select(a => a.Outcome).SingleAsync(),
                Kept: ("#Input_Outcome", "Mine outcome"), Theirs: "Their outcome", TheirsSelector: "#Input_Outcome-saved", TheirsStored: "Their outcome", MineStored: "Mine outcome");
        },
        ["saved search"] = async cases =>
        {
            var company = await cases.CompanyAsync(CasePortal.Unique("Conflict Medtech"));
            var founder = await cases.FounderAsync(company.Id);
            var id = await cases.DbAsync(async db =>
            {
                var userId = await db.Users.Where(u => u.CompanyId == company.Id).Select(u => u.Id).SingleAsync();
                var search = new SavedSearch(userId, "Legal help", SavedSearchKind.Catalogue, "q=legal", AlertFrequency.Off, DateTime.UtcNow);
                db.SavedSearches.Add(search);
                await db.SaveChangesAsync();
                return search.Id;
            });
            return new Scenario(
                founder, $"/saved-searches/{id}/edit", "#saved-search-form", Typed(("Input.Name", "Mine search")),
                async db => (await db.SavedSearches.SingleAsync(s => s.Id == id)).Rename("Their search"),
                async db => await db.SavedSearches.Where(s => s.Id == id).Select(s => s.Name).SingleAsync(),
                Kept: ("#Input_Name", "Mine search"), Theirs: "Their search", TheirsSelector: "#Input_Name-saved", TheirsStored: "Their search", MineStored: "Mine search");
        },
        ["organisation edit"] = async cases =>
        {
            var id = await cases.DbAsync(db => CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.Mva));
            return new Scenario(
                await cases.ProjectManagerAsync(), $"/organisations/{id}/edit", "main form[method='post']", Typed(("Input.Description", "Mine description")),
                async db => (await db.Organisations.SingleAsync(o => o.Id == id)).Description = "Their description",
                async db => await db.Organisations.Where(o => o.Id == id).Select(o => o.Description).SingleAsync(),
                Kept: ("#Input_Description", "Mine description"), Theirs: "Their description", TheirsSelector: "#Input_Description-saved", TheirsStored: "Their description", MineStored: "Mine description");
        },
        ["need status"] = async cases =>
        {
            var need = await cases.NeedAsync(await cases.CompanyAsync(CasePortal.Unique("Need Client")));
            return new Scenario(
                await cases.AdvisorAsync(), $"/clients/{need.CompanyId}/needs/{need.Id}", "#status-form", Typed(("Status.To", "Withdrawn"), ("Status.Note", "Mine note")),
                async db => (await db.Needs.SingleAsync(n => n.Id == need.Id)).StartWork(new Actor(Someone, Someone), DateTime.UtcNow),
                async db => (await db.Needs.SingleAsync(n => n.Id == need.Id)).Status.ToString(),
                Kept: ("#status-note", "Mine note"), Theirs: "In progress", TheirsSelector: "#Status_To-saved", TheirsStored: "InProgress", MineStored: "Withdrawn");
        },
        ["referral answer"] = async cases =>
        {
            var referral = await cases.ReferralAsync(await cases.NeedAsync(await cases.CompanyAsync(CasePortal.Unique("Referral Client"))));
            return new Scenario(
                await cases.PartnerAsync(OrganisationSeed.InnovationSkane), $"/referrals/{referral.Id}", "#answer-form", Typed(("Answer.Text", "Mine answer")),
                async db => (await db.Referrals.SingleAsync(r => r.Id == referral.Id)).Decline("Their reason", new Actor(Someone, Someone), DateTime.UtcNow),
                async db => (await db.Referrals.SingleAsync(r => r.Id == referral.Id)).Status.ToString(),
                Kept: ("#unsaved-Answer-Text", "Mine answer"), Theirs: "Their reason", TheirsSelector: "main", TheirsStored: "Declined", MineStored: null, Submitter: "Accept");
        },
        ["founder's withdraw button"] = async cases =>
        {
            var company = await cases.CompanyAsync(CasePortal.Unique("Founder Client"));
            var need = await cases.DbAsync(async db =>
            {
                var created = await CaseBuilder.NeedAsync(db, company, "legal", "usa", DateTime.UtcNow);
                created.RequestedByCompany = true;
                await db.SaveChangesAsync();
                return created;
            });
            return new Scenario(
                await cases.FounderAsync(company.Id), "/my-requests", $"form:has(input[name=needId][value='{need.Id}'])", Typed(),
                async db => (await db.Needs.SingleAsync(n => n.Id == need.Id)).StartWork(new Actor(Someone, Someone), DateTime.UtcNow),
                async db => (await db.Needs.SingleAsync(n => n.Id == need.Id)).Status.ToString(),
                Kept: null, Theirs: "In progress", TheirsSelector: ".validation-summary-errors, [role=alert]", TheirsStored: "InProgress", MineStored: "Withdrawn");
        },
    };

    private static Dictionary<string, string> Typed(params (string Name, string Value)[] fields) => fields.ToDictionary(f => f.Name, f => f.Value);

    /// <summary>
    /// One editing page's conflict: who edits where, what they type, what someone else saves meanwhile (through the
    /// database, as another request would), how to read the stored value, and what the conflict page must show.
    /// </summary>
    private sealed record Scenario(
        HttpClient Me,
        string Url,
        string Form,
        Dictionary<string, string> Typed,
        Func<AppDbContext, Task> SomeoneElseSavesAsync,
        Func<AppDbContext, Task<string?>> StoredAsync,
        (string Selector, string Value)? Kept,
        string Theirs,
        string TheirsSelector,
        string? TheirsStored,
        string? MineStored,
        string? Submitter = null);
}
