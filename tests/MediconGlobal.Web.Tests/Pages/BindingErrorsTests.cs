using System.Net;
using System.Reflection;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Notifications;
using MediconGlobal.Core.Reports.Gaps;
using MediconGlobal.Core.Security;
using MediconGlobal.Testing;
using MediconGlobal.Web.Tests.Clients;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediconGlobal.Web.Tests.Pages;

/// <summary>
/// Every form treats a value it cannot read as a validation error (issue 10 item 5): the real form, filled as the
/// page offers it, with one value model binding cannot read — "25,5" for a whole number, a control character in
/// text, a made-up choice — is shown again with a message naming the field, and nothing is saved. Forms of hidden
/// values only (buttons) answer 400. A last test makes sure every POST handler of the portal is in the table.
/// </summary>
public sealed class BindingErrorsTests(CasePortal cases) : IClassFixture<CasePortal>
{
    private const string Control = "\u0001";

    public static TheoryData<string> Forms() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task AValueThatCannotBeRead_IsShownAsAnError_AndNothingIsSaved(string name)
    {
        var form = await Cases[name].ArrangeAsync(cases);
        var page = await form.Client.GetPageAsync(form.Url);
        var before = await cases.DbAsync(form.SnapshotAsync);

        var response = form.Raw is { } raw
            ? await form.Client.PostAsync(raw.Url, new FormUrlEncodedContent(new Dictionary<string, string>(raw.Values)
            {
                ["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            }))
            : await form.Client.SubmitAsync(page, form.FormSelector, form.Values, form.Submitter);

        Assert.Equal(form.Expected, response.StatusCode);
        if (form.Expected == HttpStatusCode.OK)
        {
            var text = (await response.ParseBodyAsync()).Body!.TextContent;
            Assert.True(text.Contains(form.Message, StringComparison.Ordinal), $"“{form.Message}” is not on the page.");
        }

        Assert.Equal(before, await cases.DbAsync(form.SnapshotAsync));
    }

    [Fact]
    public void EveryPostHandlerOfThePortal_IsInTheTable()
    {
        var handlers = typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(PageModel)) && !t.IsAbstract)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal))
                .Select(m => $"{t.Name[..^"Model".Length]}.{m.Name}".Replace("Async", "", StringComparison.Ordinal)
                    .Insert(0, t.Namespace!.Split('.').Last() + "/")))
            .Where(h => !BindNothing.Contains(h))
            .Order()
            .ToList();

        var table = Cases.Values.Select(c => c.Handler).Distinct().ToList();
        Assert.True(handlers.Except(table).ToList() is [], $"Not in the table: {string.Join(", ", handlers.Except(table))}");
        Assert.True(table.Except(handlers).ToList() is [], $"No longer in the portal: {string.Join(", ", table.Except(handlers))}");
    }

    /// <summary>
    /// Handlers with no value to misread: the error page renders for a re-executed POST, "send the confirmation
    /// link again" is a bare button, sign-out's only value is a return address (any unusable one goes home), and
    /// the two-factor buttons (turn off, new codes, reset the key, download my data, forget this browser) post nothing.
    /// </summary>
    private static readonly HashSet<string> BindNothing =
    [
        "Pages/Error.OnPost", "Manage/Email.OnPostSendConfirmation", "Account/Logout.OnPost",
        "Manage/Disable2fa.OnPost", "Manage/GenerateRecoveryCodes.OnPost", "Manage/PersonalData.OnPostDownload", "Manage/ResetAuthenticator.OnPost",
        "Manage/TwoFactorAuthentication.OnPostForgetBrowser",
    ];

    /// <summary>A webinar a project manager recorded through the form, and that manager.</summary>
    private static async Task<(HttpClient Manager, int Id)> ActivityAsync(CasePortal cases)
    {
        var manager = await cases.ProjectManagerAsync();
        var programmeId = await cases.DbAsync(db => db.Programmes.Where(p => p.SeedKey == ProgrammeSeed.DlscInnovationProgram).Select(p => p.Id).SingleAsync());
        var created = await manager.SubmitAsync(await manager.GetPageAsync($"/programmes/{programmeId}/activities/new"), "#activity-form",
            Set(("Input.Topic", CasePortal.Unique("Webinar")), ("Input.Kind", nameof(ActivityKind.Webinar)), ("Input.Date", "2024-03-14")));
        return (manager, int.Parse(created.Headers.Location!.OriginalString.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<string> CountAsync<T>(AppDbContext db)
        where T : class =>
        (await db.Set<T>().CountAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Task<string> VersionAsync<T>(AppDbContext db, int id)
        where T : Entity =>
        db.Set<T>().Where(e => e.Id == id).Select(e => e.Version.ToString()).SingleAsync();

    private static async Task<int> OfferAsync(CasePortal cases, string key) => await cases.DbAsync(db => CaseBuilder.OfferIdAsync(db, key));

    private static async Task<Referral> ReferralAsync(CasePortal cases) =>
        await cases.ReferralAsync(await cases.NeedAsync(await cases.CompanyAsync(CasePortal.Unique("Binding Referral"))));

    /// <summary>A referral to Innovation Skåne sent 40 days ago and never answered (past twice its promise), and the offer it may be re-routed to.</summary>
    internal static async Task<(Referral Referral, int Een)> UnansweredReferralAsync(CasePortal cases) => await cases.DbAsync(async db =>
    {
        var sent = DateTime.UtcNow.AddDays(-40);
        var company = await CaseBuilder.CompanyAsync(db, CasePortal.Unique("Unanswered"), OrganisationSeed.SmiLe, sector: "medtech", at: sent);
        var referral = await CaseBuilder.ReferAsync(db, await CaseBuilder.NeedAsync(db, company, "partnering", "eu", sent), "is-innovation-management", sent);
        return (referral, await CaseBuilder.OfferIdAsync(db, "een-partnering"));
    });

    private static Dictionary<string, string> Set(params (string Name, string Value)[] fields) => fields.ToDictionary(f => f.Name, f => f.Value);

    private static readonly Dictionary<string, Entry> Cases = new()
    {
        ["offer edit: 25,5 places"] = new("Offers/Edit.OnPost", async cases =>
        {
            var id = await OfferAsync(cases, "is-advisory-marketing");
            return new(await cases.PartnerAsync(), $"/partner/offers/{id}/edit", "#offer-form", Set(("Input.Capacity", "25,5")),
                "Places: “25,5” is not a whole number.", db => db.Offers.Where(o => o.Id == id).Select(o => o.Version + "/" + o.Capacity).SingleAsync());
        }),
        ["offer edit: publish with a made-up version"] = new("Offers/Edit.OnPostArchive", async cases =>
        {
            var id = await OfferAsync(cases, "is-advisory-ipr");
            return new(await cases.PartnerAsync(), $"/partner/offers/{id}/edit", "form[action$='handler=Archive']", Set(("Status.Version", "one")),
                "", db => VersionAsync<Offer>(db, id), Expected: HttpStatusCode.BadRequest);
        }),
        ["offer edit: publish"] = new("Offers/Edit.OnPostPublish", async cases => await StatusButtonAsync(cases, "Publish", OfferStatus.Draft)),
        ["offer edit: draft"] = new("Offers/Edit.OnPostDraft", async cases => await StatusButtonAsync(cases, "Draft", OfferStatus.Archived)),
        ["offer edit: reviewed"] = new("Offers/Edit.OnPostReviewed", async cases => await StatusButtonAsync(cases, "Reviewed", OfferStatus.Published)),
        ["offer create: a control character in the name"] = new("Offers/Create.OnPost", async cases =>
            new(await cases.PartnerAsync(), "/partner/offers/new", "#offer-form", Set(("Input.Name", "Night" + Control + "shift"), ("Input.Description", "Help."), ("Input.HowToApply", "Ask.")),
                "Name contains a character that cannot be saved: U+0001 (control character).", CountAsync<Offer>)),
        ["partner profile: a made-up region"] = new("Partner/Profile.OnPost", async cases =>
            new(await cases.PartnerAsync(OrganisationSeed.Een), "/partner/profile", "main form[method='post']", Set(("Input.RegionId", "north")),
                "Region: “north” is not a number — “n” does not belong in one.", db => db.Organisations.Where(o => o.SeedKey == OrganisationSeed.Een).Select(o => o.Version.ToString()).SingleAsync())),
        ["correction answer: a made-up outcome"] = new("Corrections/Answer.OnPost", async cases =>
        {
            var id = await cases.DbAsync(async db =>
            {
                var request = new CorrectionRequest(await db.Offers.SingleAsync(o => o.SeedKey == "is-advisory-financial"), "Wrong e-mail.", null, null, null, DateTime.UtcNow);
                db.CorrectionRequests.Add(request);
                await db.SaveChangesAsync();
                return request.Id;
            });
            return new(await cases.PartnerAsync(), $"/partner/corrections/{id}", "main form[method='post']", Set(("Input.Outcome", "Maybe"), ("Input.Response", "Fixed.")),
                "Outcome: “Maybe” could not be read.", db => VersionAsync<CorrectionRequest>(db, id));
        }),
        ["new client: 20,5 for the year founded"] = new("Clients/New.OnPost", async cases =>
            new(await cases.AdvisorAsync(), "/clients/new", "#company-form", Set(("Input.Name", CasePortal.Unique("Half Year AB")), ("Input.FoundedYear", "2020,5")),
                "Founded year: “2020,5” is not a whole number.", CountAsync<Company>)),
        ["edit client: an ambiguous number of employees"] = new("Clients/Edit.OnPost", async cases =>
        {
            var company = await cases.CompanyAsync(CasePortal.Unique("Ambiguous AB"));
            return new(await cases.AdvisorAsync(), $"/clients/{company.Id}/edit", "#company-form", Set(("Input.Employees", "1,234")),
                "Employees: “1,234” could be read two ways — “,” may separate thousands or decimals.", db => VersionAsync<Company>(db, company.Id));
        }),
        ["client consent: a control character"] = new("Clients/Details.OnPostConsent", async cases =>
        {
            var company = await cases.CompanyAsync(CasePortal.Unique("Consent Control"), consent: false);
            return new(await cases.AdvisorAsync(), $"/clients/{company.Id}", "#consent-form", Set(("Consent.Purpose", "Share" + Control)),
                "Purpose contains a character that cannot be saved", db => VersionAsync<Company>(db, company.Id));
        }),
        ["client note: a unit separator"] = new("Clients/Details.OnPostNote", async cases =>
        {
            var company = await cases.CompanyAsync(CasePortal.Unique("Note Control"));
            return new(await cases.AdvisorAsync(), $"/clients/{company.Id}", "#note-form", Set(("Note.Text", "Met\u001Fthem")),
                "Text contains a character that cannot be saved: U+001F (control character).", CountAsync<CompanyNote>);
        }),
        ["new need: a made-up category"] = new("Needs/New.OnPost", async cases =>
        {
            var company = await cases.CompanyAsync(CasePortal.Unique("Need Category"));
            return new(await cases.AdvisorAsync(), $"/clients/{company.Id}/needs/new", "#need-form", Set(("Input.CategoryId", "legal"), ("Input.Description", "Help.")),
                "Category: “legal” is not a number — “l” does not belong in one.", CountAsync<Need>);
        }),
        ["need status: a made-up status"] = new("Needs/Details.OnPostStatus", async cases =>
        {
            var need = await cases.NeedAsync(await cases.CompanyAsync(CasePortal.Unique("Need Status")));
            return new(await cases.AdvisorAsync(), $"/clients/{need.CompanyId}/needs/{need.Id}", "#status-form", Set(("Status.To", "Sideways")),
                "To: “Sideways” could not be read.", db => VersionAsync<Need>(db, need.Id));
        }),
        ["need refer: a made-up offer"] = new("Needs/Details.OnPostRefer", async cases =>
        {
            var need = await cases.NeedAsync(await cases.CompanyAsync(CasePortal.Unique("Need Refer")));
            return new(await cases.AdvisorAsync(), $"/clients/{need.CompanyId}/needs/{need.Id}", ".refer-form", Set(("Refer.OfferId", "the best one")),
                "Offer: “the best one” is not a number", db => VersionAsync<Need>(db, need.Id));
        }),
        ["need close as not available: a made-up version"] = new("Needs/Details.OnPostCloseNotAvailable", async cases =>
        {
            var need = await cases.NeedAsync(await cases.CompanyAsync(CasePortal.Unique("Need Close")), category: "funding", market: "japan");
            return new(await cases.AdvisorAsync(), $"/clients/{need.CompanyId}/needs/{need.Id}", "#close-not-available", Set(("Status.Version", "latest")),
                "", db => VersionAsync<Need>(db, need.Id), Expected: HttpStatusCode.BadRequest);
        }),
        ["gap snapshot: a control character in the comment"] = new("Gaps/Index.OnPostSnapshot", async cases =>
            new(await cases.ProjectManagerAsync(), "/reports/gaps", "#snapshot-form", Set(("Snapshot.Title", "Autumn"), ("Snapshot.Comment", "Gaps" + Control)),
                "Comment contains a character that cannot be saved", CountAsync<GapSnapshot>)),
        ["import preview: a made-up kind"] = new("Import/Index.OnPostPreview", async cases =>
            new(await cases.Portal.SignedInClientAsync($"admin-{Guid.NewGuid():N}@test.example", Roles.Administrator, OrganisationSeed.SmiLe), "/admin/import", "#upload-form", Set(("Kind", "Everything")),
                "Kind: “Everything” could not be read.", CountAsync<Organisation>)),
        ["import: a control character in the checked file"] = new("Import/Index.OnPostImport", async cases =>
        {
            var admin = await cases.Portal.SignedInClientAsync($"admin-{Guid.NewGuid():N}@test.example", Roles.Administrator, OrganisationSeed.SmiLe);
            return new(admin, "/admin/import", "#upload-form", Set(("Kind", "Organisations"), ("Checked", "bmFtZQ" + Control)),
                "Nothing to import: check a file first.", CountAsync<Organisation>, Submitter: "Import");
        }),
        ["referral accept: a control character"] = new("Referrals/Details.OnPostAccept", async cases =>
        {
            var referral = await ReferralAsync(cases);
            return new(await cases.PartnerAsync(), $"/referrals/{referral.Id}", "#answer-form", Set(("Answer.Text", "Welcome" + Control)),
                "Text contains a character that cannot be saved", db => VersionAsync<Referral>(db, referral.Id), Submitter: "Accept");
        }),
        ["new activity: 12,5 participants"] = new("Activities/New.OnPost", async cases =>
        {
            var programmeId = await cases.DbAsync(db => db.Programmes.Where(p => p.SeedKey == ProgrammeSeed.DlscInnovationProgram).Select(p => p.Id).SingleAsync());
            return new(await cases.ProjectManagerAsync(), $"/programmes/{programmeId}/activities/new", "#activity-form",
                Set(("Input.Topic", "Booster Board"), ("Input.Kind", nameof(ActivityKind.BoosterBoard)), ("Input.Date", "2024-03-14"), ("Input.ParticipantCount", "12,5")),
                "“12,5” is not a whole number.", CountAsync<Activity>);
        }),
        ["edit activity: a control character in the topic"] = new("Activities/Edit.OnPost", async cases =>
        {
            var (manager, id) = await ActivityAsync(cases);
            return new(manager, $"/activities/{id}/edit", "#activity-form", Set(("Input.Topic", "Web" + Control + "inar")),
                "Topic contains a character that cannot be saved: U+0001 (control character).", db => VersionAsync<Activity>(db, id));
        }),
        ["delete activity: a made-up version"] = new("Activities/Edit.OnPostDelete", async cases =>
        {
            var (manager, id) = await ActivityAsync(cases);
            return new(manager, $"/activities/{id}/edit", "", Set(), "", CountAsync<Activity>, Expected: HttpStatusCode.BadRequest,
                Raw: ($"/activities/{id}/edit?handler=Delete", Set(("version", "first"))));
        }),
        ["new activity, company search: a control character"] = new("Activities/New.OnPostFindCompanies", async cases =>
        {
            var programmeId = await cases.DbAsync(db => db.Programmes.Where(p => p.SeedKey == ProgrammeSeed.DlscInnovationProgram).Select(p => p.Id).SingleAsync());
            return new(await cases.ProjectManagerAsync(), $"/programmes/{programmeId}/activities/new", "", Set(),
                "Company search contains a character that cannot be saved", CountAsync<Activity>,
                Raw: ($"/programmes/{programmeId}/activities/new?handler=FindCompanies", Set(("CompanySearch", "Aur" + Control))));
        }),
        ["edit activity, company search: a control character"] = new("Activities/Edit.OnPostFindCompanies", async cases =>
        {
            var (manager, id) = await ActivityAsync(cases);
            return new(manager, $"/activities/{id}/edit", "", Set(), "Company search contains a character that cannot be saved", db => VersionAsync<Activity>(db, id),
                Raw: ($"/activities/{id}/edit?handler=FindCompanies", Set(("CompanySearch", "Aur" + Control))));
        }),
        ["founder's proposal: a control character"] = new("MyCompany/Index.OnPostPropose", async cases =>
        {
            var company = await cases.CompanyAsync(CasePortal.Unique("Proposing Medtech"));
            return new(await cases.FounderAsync(company.Id), "/my-company", "#proposal-form", Set(("Proposal.Message", "We have 12" + Control + " employees.")),
                "Message contains a character that cannot be saved", CountAsync<CompanyCorrection>);
        }),
        ["founder's consent withdrawal: a control character"] = new("MyCompany/Index.OnPostWithdrawConsent", async cases =>
        {
            var company = await cases.CompanyAsync(CasePortal.Unique("Withdrawing Medtech"));
            return new(await cases.FounderAsync(company.Id), "/my-company", "#withdrawal-form", Set(("Withdrawal.Reason", "Stealth" + Control)),
                "Reason contains a character that cannot be saved", db => VersionAsync<Company>(db, company.Id));
        }),
        ["advisor's answer to a proposal: a made-up outcome"] = new("Clients/Details.OnPostAnswerCorrection", async cases =>
        {
            var company = await cases.CompanyAsync(CasePortal.Unique("Corrected Medtech"));
            var founder = await cases.FounderAsync(company.Id);
            await founder.SubmitAsync(await founder.GetPageAsync("/my-company"), "#proposal-form", Set(("Proposal.Message", "We have 12 employees now.")));
            var id = await cases.DbAsync(db => db.CompanyCorrections.Where(c => c.CompanyId == company.Id).Select(c => c.Id).SingleAsync());
            return new(await cases.AdvisorAsync(), $"/clients/{company.Id}", "form.correction-answer", Set(("Answer.Outcome", "Maybe"), ("Answer.Response", "Hm.")),
                "“Maybe” could not be read.", db => VersionAsync<CompanyCorrection>(db, id));
        }),
        ["referral decline: a made-up version"] = new("Referrals/Details.OnPostDecline", async cases =>
        {
            var referral = await ReferralAsync(cases);
            return new(await cases.PartnerAsync(), $"/referrals/{referral.Id}", "#answer-form", Set(("Answer.Text", "Full."), ("Answer.Version", "v2")),
                "Version: “v2” is not a number", db => VersionAsync<Referral>(db, referral.Id), Submitter: "Decline");
        }),
        ["referral re-route: a made-up version"] = new("Referrals/Details.OnPostReroute", async cases =>
        {
            var (referral, een) = await UnansweredReferralAsync(cases);
            return new(await cases.AdvisorAsync(), $"/referrals/{referral.Id}", $"form.reroute-form:has(input[name='Reroute.OfferId'][value='{een}'])",
                Set(("Reroute.Version", "v2"), ("Reroute.ContactEmail", "partnering@een.example")),
                "Version: “v2” is not a number", db => VersionAsync<Referral>(db, referral.Id));
        }),
        ["referral settings: a made-up number"] = new("Settings/Referrals.OnPost", async cases =>
            new(await cases.ProjectManagerAsync(), "/settings/referrals", "#referral-settings-form", Set(("Input.DefaultAnswerWorkingDays", "7,5")),
                "Default response promise (working days): “7,5” is not a whole number.", CountAsync<PortalSettings>)),
        ["referral complete: a made-up tick"] = new("Referrals/Details.OnPostComplete", async cases =>
        {
            var company = await cases.CompanyAsync(CasePortal.Unique("Binding Complete"));
            var email = $"sender-{Guid.NewGuid():N}@test.example";
            var sender = await cases.Portal.CreateUserAsync(email, Roles.Advisor, OrganisationSeed.SmiLe);
            var referral = await cases.DbAsync(async db => await CaseBuilder.ReferAsync(db, await CaseBuilder.NeedAsync(db, company, "legal", "usa", DateTime.UtcNow), "is-advisory-legal", DateTime.UtcNow, sender.Id));
            await cases.DbAsync(async db =>
            {
                (await db.Referrals.SingleAsync(r => r.Id == referral.Id)).Accept(null, new Actor("partner", "Partner"), DateTime.UtcNow);
                return await db.SaveChangesAsync();
            });
            var advisor = cases.Portal.CreatePortalClient();
            await advisor.SignInAsync(email, PortalFactory.Password);
            return new(advisor, $"/referrals/{referral.Id}", "#complete-form", Set(("Completion.Outcome", "Met" + Control)),
                "Outcome contains a character that cannot be saved", db => VersionAsync<Referral>(db, referral.Id), Submitter: "Complete");
        }),
        ["founder's answer to a referral: a control character"] = new("MyRequests/Referral.OnPost", async cases =>
        {
            var referral = await ReferralAsync(cases);
            var founder = await cases.FounderAsync(await cases.DbAsync(db => db.Needs.Where(n => n.Id == referral.NeedId).Select(n => n.CompanyId).SingleAsync()));
            return new(founder, $"/my-requests/referrals/{referral.Id}", "#confirm-form", Set(("Confirmation.Answer", nameof(FounderConfirmation.NobodyContacted)), ("Confirmation.Comment", "No call" + Control)),
                "Comment contains a character that cannot be saved", db => VersionAsync<Referral>(db, referral.Id));
        }),
        ["follow-up answer: a made-up tick"] = new("Referrals/FollowUp.OnPost", async cases =>
        {
            var company = await cases.CompanyAsync(CasePortal.Unique("Binding Follow-up"));
            var email = $"completer-{Guid.NewGuid():N}@test.example";
            var completer = await cases.Portal.CreateUserAsync(email, Roles.Advisor, OrganisationSeed.SmiLe);
            var referral = await cases.DbAsync(async db => await CaseBuilder.ReferAsync(db, await CaseBuilder.NeedAsync(db, company, "legal", "usa", DateTime.UtcNow), "is-advisory-legal", DateTime.UtcNow, completer.Id));
            await cases.DbAsync(async db =>
            {
                var tracked = await db.Referrals.SingleAsync(r => r.Id == referral.Id);
                tracked.Accept(null, new Actor("partner", "Partner"), DateTime.UtcNow);
                tracked.Complete("Advice given.", null, new Actor(completer.Id, "Completer"), DateTime.UtcNow);
                return await db.SaveChangesAsync();
            });
            var advisor = cases.Portal.CreatePortalClient();
            await advisor.SignInAsync(email, PortalFactory.Password);
            return new(advisor, $"/referrals/{referral.Id}/follow-up", "#follow-up-form", Set(("FollowUp.MarketEntered", "perhaps")),
                "tick the box or leave it clear.", db => VersionAsync<Referral>(db, referral.Id));
        }),
        ["founder's request: a made-up market"] = new("MyRequests/New.OnPost", async cases =>
        {
            var company = await cases.CompanyAsync(CasePortal.Unique("Founder Market"));
            return new(await cases.FounderAsync(company.Id), "/my-requests/new", "#request-form", Set(("Input.MarketId", "usa"), ("Input.Description", "Help with the US.")),
                "Market: “usa” is not a number", CountAsync<Need>);
        }),
        ["founder's withdraw: a made-up version"] = new("MyRequests/Index.OnPostWithdraw", async cases =>
        {
            var company = await cases.CompanyAsync(CasePortal.Unique("Founder Withdraw"));
            var need = await cases.DbAsync(async db =>
            {
                var created = await CaseBuilder.NeedAsync(db, company, "legal", "usa", DateTime.UtcNow);
                created.RequestedByCompany = true;
                await db.SaveChangesAsync();
                return created;
            });
            return new(await cases.FounderAsync(company.Id), "/my-requests", $"form:has(input[name=needId][value='{need.Id}'])", Set(("version", "first")),
                "", db => VersionAsync<Need>(db, need.Id), Expected: HttpStatusCode.BadRequest);
        }),
        ["engagement move: a made-up status"] = new("Landscape/Organisation.OnPostMove", async cases =>
        {
            var id = await cases.DbAsync(db => CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.Rise));
            return new(await cases.ProjectManagerAsync(), $"/landscape/organisations/{id}", "#move-form", Set(("Move.To", "Best friends")),
                "To: “Best friends” could not be read.", db => VersionAsync<Organisation>(db, id));
        }),
        ["engagement needs: a control character"] = new("Landscape/Organisation.OnPostNeeds", async cases =>
        {
            var id = await cases.DbAsync(db => CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.Rise));
            return new(await cases.ProjectManagerAsync(), $"/landscape/organisations/{id}", "#needs-form", Set(("Needs.CollaborationNeeds", "Money" + Control)),
                "Collaboration needs contains a character that cannot be saved", db => VersionAsync<Organisation>(db, id));
        }),
        ["programme results: a made-up indicator"] = new("Programmes/Results.OnPost", async cases =>
        {
            var id = await cases.DbAsync(db => db.Programmes.Where(p => p.SeedKey == ProgrammeSeed.ClustersOfSweden).Select(p => p.Id).SingleAsync());
            return new(await cases.ProjectManagerAsync(), $"/programmes/{id}/results", "#results-form", Set(("Input.Indicators[0].Id", "first")),
                "“first” is not a number", db => VersionAsync<Programme>(db, id));
        }),
        ["report a problem: a C1 control character"] = new("Offers/Details.OnPostReport", async cases =>
        {
            var id = await OfferAsync(cases, "is-deep-tech");
            return new(cases.Portal.CreatePortalClient(), $"/offers/{id}", "form[action*='handler=Report']", Set(("Report.Message", "Wrong \u0096 phone")),
                "Message contains a character that cannot be saved: U+0096 (control character).", CountAsync<CorrectionRequest>);
        }),
        ["saving a search: a made-up alert frequency"] = new("SavedSearches/New.OnPost", async cases =>
        {
            var company = await cases.CompanyAsync(CasePortal.Unique("Saving Medtech"));
            return new(await cases.FounderAsync(company.Id), "/saved-searches/new?kind=Catalogue&criteria=q%3Dfda", "#save-search-form", Set(("Input.Frequency", "Hourly")),
                "“Hourly” could not be read.", CountAsync<SavedSearch>);
        }),
        ["changing a saved search: a control character"] = new("SavedSearches/Edit.OnPost", async cases =>
        {
            var (founder, id) = await SavedSearchAsync(cases);
            return new(founder, $"/saved-searches/{id}/edit", "#saved-search-form", Set(("Input.Name", "Legal" + Control)),
                "contains a character that cannot be saved: U+0001", db => VersionAsync<SavedSearch>(db, id));
        }),
        ["deleting a saved search: a made-up id"] = new("SavedSearches/Edit.OnPostDelete", async cases =>
        {
            var (founder, id) = await SavedSearchAsync(cases);
            return new(founder, $"/saved-searches/{id}/edit", "", Set(), "", CountAsync<SavedSearch>, Expected: HttpStatusCode.NotFound,
                Raw: ("/saved-searches/first/edit?handler=Delete", Set()));
        }),
        ["unsubscribing: a made-up token"] = new("SavedSearches/Unsubscribe.OnPost", async cases =>
        {
            var (_, id) = await SavedSearchAsync(cases);
            var token = await cases.DbAsync(db => db.SavedSearches.Where(s => s.Id == id).Select(s => s.UnsubscribeToken).SingleAsync());
            return new(cases.Portal.CreatePortalClient(), $"/saved-searches/unsubscribe?token={token}", "", Set(), "", db => VersionAsync<SavedSearch>(db, id), Expected: HttpStatusCode.NotFound,
                Raw: ($"/saved-searches/unsubscribe?token={token[..^1]}{Control}", Set(("List-Unsubscribe", "One-Click"))));
        }),
        ["shortlist add: a made-up offer"] = new("Shortlist/Index.OnPostAdd", async cases =>
        {
            var id = await OfferAsync(cases, "is-deep-tech");
            return new(cases.Portal.CreatePortalClient(), $"/offers/{id}", "form.shortlist-toggle", Set(("offerId", "deep")),
                "", CountAsync<ShortlistItem>, Expected: HttpStatusCode.BadRequest);
        }),
        ["shortlist remove: a made-up offer"] = new("Shortlist/Index.OnPostRemove", async cases =>
            new(cases.Portal.CreatePortalClient(), $"/offers/{await OfferAsync(cases, "is-deep-tech")}", "", Set(), "", CountAsync<ShortlistItem>, Expected: HttpStatusCode.BadRequest,
                Raw: ("/shortlist?handler=Remove", Set(("offerId", "x"))))),
        ["shortlist save shared: a control character"] = new("Shortlist/Index.OnPostSaveShared", async cases =>
            new(cases.Portal.CreatePortalClient(), $"/offers/{await OfferAsync(cases, "is-deep-tech")}", "", Set(), "", CountAsync<ShortlistItem>, Expected: HttpStatusCode.BadRequest,
                Raw: ("/shortlist?handler=SaveShared", Set(("offers", "1" + Control))))),
        ["sign in: a made-up tick"] = new("Account/Login.OnPost", async cases =>
            new(cases.Portal.CreatePortalClient(), "/Identity/Account/Login", "#account", Set(("Input.Email", "nobody@test.example"), ("Input.Password", "x"), ("Input.RememberMe", "maybe")),
                "tick the box or leave it clear.", CountAsync<ApplicationUser>)),
        ["register: a made-up incubator"] = new("Account/Register.OnPost", async cases =>
            new(cases.Portal.CreatePortalClient(), "/Identity/Account/Register", "main form[method='post']",
                Set(("Input.Name", "Binding Founder"), ("Input.Email", $"binding-{Guid.NewGuid():N}@test.example"), ("Input.Password", PortalFactory.Password), ("Input.ConfirmPassword", PortalFactory.Password),
                    ("Input.CompanyName", CasePortal.Unique("Binding Startup")), ("Input.HomeIncubatorId", "smile")),
                "Home incubator: “smile” is not a number", CountAsync<ApplicationUser>)),
        ["new organisation: a made-up region"] = new("Organisations/New.OnPost", async cases =>
            new(await cases.ProjectManagerAsync(), "/organisations/new", "main form[method='post']", Set(("Input.Name", CasePortal.Unique("Binding Org")), ("Input.RegionId", "north")),
                "Region: “north” is not a number — “n” does not belong in one.", CountAsync<Organisation>)),
        ["edit organisation: a made-up region"] = new("Organisations/Edit.OnPost", async cases =>
        {
            var id = await cases.DbAsync(db => db.Organisations.Where(o => o.SeedKey == OrganisationSeed.Een).Select(o => o.Id).SingleAsync());
            return new(await cases.ProjectManagerAsync(), $"/organisations/{id}/edit", "main form[method='post']", Set(("Input.RegionId", "north")),
                "Region: “north” is not a number — “n” does not belong in one.", db => VersionAsync<Organisation>(db, id));
        }),
        ["merge organisations: a made-up version"] = new("Organisations/Merge.OnPost", async cases =>
        {
            var (survivor, duplicate) = await cases.DbAsync(async db => (
                await db.Organisations.Where(o => o.SeedKey == OrganisationSeed.Een).Select(o => o.Id).SingleAsync(),
                await db.Organisations.Where(o => o.SeedKey == OrganisationSeed.Mva).Select(o => o.Id).SingleAsync()));
            return new(await cases.AdministratorAsync(), $"/admin/organisations/merge?Survivor={survivor}&Duplicate={duplicate}", "main form[method='post']", Set(("SurvivorVersion", "newest")),
                "Choose two different organisations and, for each field, which value to keep.", CountAsync<Organisation>);
        }),
        ["new programme: a control character in the name"] = new("Programmes/New.OnPost", async cases =>
            new(await cases.ProjectManagerAsync(), "/programmes/new", "main form[method='post']", Set(("Input.Name", "Night" + Control + "shift")),
                "Name contains a character that cannot be saved", CountAsync<Programme>)),
        ["edit programme: a control character in the name"] = new("Programmes/Edit.OnPost", async cases =>
        {
            var id = await cases.DbAsync(db => db.Programmes.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
            return new(await cases.ProjectManagerAsync(), $"/programmes/{id}/edit", "main form[method='post']", Set(("Input.Name", "Night" + Control + "shift")),
                "Name contains a character that cannot be saved", db => VersionAsync<Programme>(db, id));
        }),
        ["add term: a control character in the label"] = new("Taxonomies/Terms.OnPostAdd", async cases =>
            new(await cases.AdministratorAsync(), "/admin/taxonomies/markets", "form[action*='handler=Add']", Set(("Input.Code", "binding-land"), ("Input.Name", "Binding" + Control + "land")),
                "English label contains a character that cannot be saved", CountAsync<TaxonomyTerm>)),
        ["edit term: a made-up parent market"] = new("Taxonomies/Edit.OnPost", async cases =>
        {
            var id = await cases.DbAsync(db => db.TaxonomyTerms.Where(t => t.Kind == TaxonomyKind.Market && t.Code == "japan").Select(t => t.Id).SingleAsync());
            return new(await cases.AdministratorAsync(), $"/admin/taxonomies/markets/{id}", "main form[method='post']", Set(("Input.ParentId", "usa")),
                "Under market: “usa” is not a number — “u” does not belong in one.", db => VersionAsync<TaxonomyTerm>(db, id));
        }),
        ["term up: a made-up id"] = new("Taxonomies/Terms.OnPostUp", async cases => await TermButtonAsync(cases, "Up")),
        ["term down: a made-up id"] = new("Taxonomies/Terms.OnPostDown", async cases => await TermButtonAsync(cases, "Down")),
        ["term retire: a made-up id"] = new("Taxonomies/Terms.OnPostRetire", async cases => await TermButtonAsync(cases, "Retire")),
        ["term reinstate: a made-up id"] = new("Taxonomies/Terms.OnPostReinstate", async cases => await TermButtonAsync(cases, "Reinstate")),
        ["outbox retry: a made-up id"] = new("Mail/Index.OnPostRetry", async cases =>
            new(await cases.AdministratorAsync(), "/admin/mail", "", Set(), "",
                async db => string.Join(",", await db.OutboxMessages.OrderBy(m => m.Id).Select(m => m.Attempts + "/" + m.SentAt + "/" + m.NextAttemptAt).ToListAsync()),
                Expected: HttpStatusCode.BadRequest, Raw: ("/admin/mail?handler=Retry&id=first", Set()))),
        ["language switch: a control character in the language"] = new("Pages/Language.OnPost", async cases =>
            new(await cases.AdvisorAsync(), "/clients", "form.language-switch", Set(("culture", "sv" + Control)), "",
                async db => string.Join(",", await db.Users.OrderBy(u => u.Id).Select(u => u.PreferredCulture).ToListAsync()), Expected: HttpStatusCode.BadRequest)),
        ["forgot password: a control character in the address"] = new("Account/ForgotPassword.OnPost", async cases =>
            new(cases.Portal.CreatePortalClient(), "/Identity/Account/ForgotPassword", "#forgot-password", Set(("Input.Email", "someone" + Control + "@test.example")),
                "E-mail contains a character that cannot be saved", CountAsync<ApplicationUser>)),
        ["resend confirmation: a control character in the address"] = new("Account/ResendEmailConfirmation.OnPost", async cases =>
            new(cases.Portal.CreatePortalClient(), "/Identity/Account/ResendEmailConfirmation", "#resend-confirmation", Set(("Input.Email", "someone" + Control + "@test.example")),
                "E-mail contains a character that cannot be saved", CountAsync<ApplicationUser>)),
        ["reset password: a control character in the new password"] = new("Account/ResetPassword.OnPost", async cases =>
            new(cases.Portal.CreatePortalClient(), "/Identity/Account/ResetPassword?code=Q29kZQ&email=someone%40test.example", "#reset-password",
                Set(("Input.Email", "someone@test.example"), ("Input.Password", PortalFactory.Password + Control), ("Input.ConfirmPassword", PortalFactory.Password + Control)),
                "Password contains a character that cannot be saved", CountAsync<ApplicationUser>)),
        ["change e-mail: a control character in the new address"] = new("Manage/Email.OnPostChange", async cases =>
            new(await cases.AdvisorAsync(), "/Identity/Account/Manage/Email", "#change-email", Set(("Input.NewEmail", "changed" + Control + "@test.example"), ("Input.Password", PortalFactory.Password)),
                "New e-mail address contains a character that cannot be saved", CountAsync<ApplicationUser>)),
        ["two-factor sign-in: a made-up tick"] = new("Account/LoginWith2fa.OnPost", async cases =>
        {
            var email = await TwoFactorUserAsync(cases);
            var client = cases.Portal.CreatePortalClient();
            await Account.TwoFactor.PasswordStepAsync(client, email, PortalFactory.Password);
            return new(client, "/Identity/Account/LoginWith2fa", "#two-factor", Set(("Code", "123456"), ("RememberMachine", "maybe")),
                "tick the box or leave it clear.", db => FailedSignInsAsync(db, email));
        }),
        ["recovery-code sign-in: a control character"] = new("Account/LoginWithRecoveryCode.OnPost", async cases =>
        {
            var email = await TwoFactorUserAsync(cases);
            var client = cases.Portal.CreatePortalClient();
            await Account.TwoFactor.PasswordStepAsync(client, email, PortalFactory.Password);
            return new(client, "/Identity/Account/LoginWithRecoveryCode", "#recovery-code", Set(("RecoveryCode", "abcd" + Control + "efgh")),
                "Recovery code contains a character that cannot be saved", db => FailedSignInsAsync(db, email));
        }),
        ["turn on the authenticator: a control character in the code"] = new("Manage/EnableAuthenticator.OnPost", async cases =>
            new(await cases.AdvisorAsync(), "/Identity/Account/Manage/EnableAuthenticator", "#verify-authenticator", Set(("Code", "123" + Control + "456")),
                "Authenticator code contains a character that cannot be saved", async db => (await db.Users.CountAsync(u => u.TwoFactorEnabled)).ToString(System.Globalization.CultureInfo.InvariantCulture))),
        ["change password: a control character in the new password"] = new("Manage/ChangePassword.OnPost", async cases =>
            new(await cases.AdvisorAsync(), "/Identity/Account/Manage/ChangePassword", "#change-password",
                Set(("Input.OldPassword", PortalFactory.Password), ("Input.Password", "Another!Passw0rd" + Control), ("Input.ConfirmPassword", "Another!Passw0rd" + Control)),
                "New password contains a character that cannot be saved", async db => string.Join(",", await db.Users.OrderBy(u => u.Id).Select(u => u.PasswordHash).ToListAsync()))),
        ["profile: a control character in the name"] = new("Manage/Index.OnPost", async cases =>
            new(await cases.AdvisorAsync(), "/Identity/Account/Manage", "#profile", Set(("Input.DisplayName", "Ada" + Control)),
                "Your name contains a character that cannot be saved", async db => string.Join(",", await db.Users.OrderBy(u => u.Id).Select(u => u.DisplayName).ToListAsync()))),
        ["delete account: a control character in the password"] = new("Manage/DeletePersonalData.OnPost", async cases =>
            new(await cases.AdvisorAsync(), "/Identity/Account/Manage/DeletePersonalData", "#delete-user", Set(("Input.Password", PortalFactory.Password + Control)),
                "Password contains a character that cannot be saved", CountAsync<ApplicationUser>)),
        ["invite a person: a made-up organisation"] = new("Users/Invite.OnPost", async cases =>
            new(await cases.AdministratorAsync(), "/admin/users/invite", "#invite-form",
                Set(("Input.Email", $"binding-invite-{Guid.NewGuid():N}@test.example"), ("Input.DisplayName", "Binding Invite"), ("Input.Role", Roles.Advisor), ("Input.OrganisationId", "smile")),
                "Organisation: “smile” is not a number", CountAsync<ApplicationUser>)),
        ["user's role and organisation: a made-up organisation"] = new("Users/Details.OnPostAccess", async cases =>
        {
            var user = await cases.Portal.CreateUserAsync($"binding-access-{Guid.NewGuid():N}@test.example", Roles.Advisor, OrganisationSeed.SmiLe);
            return new(await cases.AdministratorAsync(), $"/admin/users/{user.Id}", "#access-form", Set(("Access.Role", Roles.PartnerStaff), ("Access.OrganisationId", "north")),
                "Organisation: “north” is not a number", db => AccountAsync(db, user.Id));
        }),
        ["user lock: an unreadable stamp"] = new("Users/Details.OnPostLock", async cases => await AccountButtonAsync(cases, "Lock")),
        ["user unlock: an unreadable stamp"] = new("Users/Details.OnPostUnlock", async cases => await AccountButtonAsync(cases, "Unlock")),
        ["user deactivate: an unreadable stamp"] = new("Users/Details.OnPostDeactivate", async cases => await AccountButtonAsync(cases, "Deactivate")),
        ["user reactivate: an unreadable stamp"] = new("Users/Details.OnPostReactivate", async cases => await AccountButtonAsync(cases, "Reactivate")),
        ["user two-factor reset: an unreadable stamp"] = new("Users/Details.OnPostResetTwoFactor", async cases => await AccountButtonAsync(cases, "ResetTwoFactor")),
        ["invitation resend: an unreadable stamp"] = new("Users/Details.OnPostResendInvitation", async cases => await AccountButtonAsync(cases, "ResendInvitation")),
        ["invitation cancel: an unreadable stamp"] = new("Users/Details.OnPostCancelInvitation", async cases => await AccountButtonAsync(cases, "CancelInvitation")),
        ["accept an invitation: a control character in the password"] = new("Account/AcceptInvitation.OnPost", async cases =>
        {
            var email = $"binding-accept-{Guid.NewGuid():N}@test.example";
            var admin = await cases.AdministratorAsync();
            var invite = await admin.GetPageAsync("/admin/users/invite");
            var organisation = invite.QuerySelector("#Input_OrganisationId option[value]:not([value=''])")!.GetAttribute("value")!;
            await admin.SubmitAsync(invite, "#invite-form", Set(("Input.Email", email), ("Input.DisplayName", "Binding Accept"), ("Input.Role", Roles.Advisor), ("Input.OrganisationId", organisation)));
            var link = Mailbox.LinkIn(await cases.Portal.Mailbox.WaitForAsync(email), "AcceptInvitation");
            return new(cases.Portal.CreatePortalClient(), Mailbox.Local(link), "#accept-invitation", Set(("Input.Password", PortalFactory.Password + Control), ("Input.ConfirmPassword", PortalFactory.Password + Control)),
                "Password contains a character that cannot be saved", async db => string.Join(",", await db.Users.Where(u => u.Email == email).Select(u => u.PasswordHash + "/" + u.EmailConfirmed).ToListAsync()));
        }),
        ["referral answered by e-mail, accept: a made-up version"] = new("Referrals/Answer.OnPostAccept", async cases => await EmailedReferralAsync(cases, "Accept")),
        ["referral answered by e-mail, decline: a control character"] = new("Referrals/Answer.OnPostDecline", async cases => await EmailedReferralAsync(cases, "Decline")),
    };

    /// <summary>A referral e-mailed to a contact at an organisation without staff accounts, answered from the link in the e-mail.</summary>
    private static async Task<Form> EmailedReferralAsync(CasePortal cases, string handler)
    {
        var contact = $"binding-contact-{Guid.NewGuid():N}@test.example";
        var need = await cases.NeedAsync(await cases.CompanyAsync(CasePortal.Unique("Binding Emailed")), category: "partnering", market: "eu");
        var referral = await cases.DbAsync(async db =>
        {
            var created = await CaseBuilder.ReferAsync(db, need, "een-partnering", DateTime.UtcNow);
            created.SendByEmailTo(contact);
            await db.SaveChangesAsync();
            return created;
        });
        using (var scope = cases.Portal.Services.CreateScope())
        {
            foreach (var mail in await scope.ServiceProvider.GetRequiredService<Web.Pages.Referrals.ReferralsByEmail>().MailAsync(referral.Id, CancellationToken.None))
            {
                await scope.ServiceProvider.GetRequiredService<Web.Infrastructure.Mail.PortalMailer>().SendAsync(mail);
            }
        }

        var link = Mailbox.Local(Mailbox.LinkIn(await cases.Portal.Mailbox.WaitForAsync(contact), "/referrals/answer"));
        var values = handler == "Accept" ? Set(("Answer.Text", "Yes."), ("Answer.Version", "v2")) : Set(("Answer.Text", "Full" + Control));
        return new(cases.Portal.CreatePortalClient(), link, "#answer-form", values,
            handler == "Accept" ? "Version: “v2” is not a number" : "Text contains a character that cannot be saved", db => VersionAsync<Referral>(db, referral.Id), Submitter: handler);
    }

    /// <summary>The buttons on a user's page post the account's stamp: an unreadable one is a 400 and the account does not change.</summary>
    private static async Task<Form> AccountButtonAsync(CasePortal cases, string handler)
    {
        var user = await cases.Portal.CreateUserAsync($"binding-{handler.ToLowerInvariant()}-{Guid.NewGuid():N}@test.example", Roles.Advisor, OrganisationSeed.SmiLe);
        return new(await cases.AdministratorAsync(), $"/admin/users/{user.Id}", "", Set(), "", db => AccountAsync(db, user.Id),
            Expected: HttpStatusCode.BadRequest, Raw: ($"/admin/users/{user.Id}?handler={handler}", Set(("Stamp", "stamp" + Control))));
    }

    private static async Task<string> AccountAsync(AppDbContext db, string userId)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId);
        var roles = await db.UserRoles.Where(r => r.UserId == userId).Select(r => r.RoleId).ToListAsync();
        return $"{user.OrganisationId}/{user.LockoutEnd}/{user.DeactivatedAt}/{user.TwoFactorEnabled}/{user.SecurityStamp}/{user.InvitationSentAt}/{string.Join(",", roles)}";
    }

    /// <summary>A term's order and retirement buttons post only its id: a made-up one is a 400 and no term changes.</summary>
    private static async Task<Form> TermButtonAsync(CasePortal cases, string handler) =>
        new(await cases.AdministratorAsync(), "/admin/taxonomies/markets", "", Set(), "",
            async db => string.Join(",", await db.TaxonomyTerms.Where(t => t.Kind == TaxonomyKind.Market).OrderBy(t => t.Id).Select(t => t.SortOrder + "/" + t.RetiredAt).ToListAsync()),
            Expected: HttpStatusCode.BadRequest, Raw: ($"/admin/taxonomies/markets?handler={handler}&id=first", Set()));

    /// <summary>A new advisor with the authenticator turned on through the real pages; returns the address.</summary>
    private static async Task<string> TwoFactorUserAsync(CasePortal cases)
    {
        var email = $"binding-2fa-{Guid.NewGuid():N}@test.example";
        await Account.TwoFactor.EnableAsync(await cases.Portal.SignedInClientAsync(email, Roles.Advisor, OrganisationSeed.SmiLe));
        return email;
    }

    private static async Task<string> FailedSignInsAsync(AppDbContext db, string email)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
        return $"{user.AccessFailedCount}/{user.LockoutEnd}";
    }

    private static async Task<Form> StatusButtonAsync(CasePortal cases, string handler, OfferStatus from)
    {
        var id = await cases.DbAsync(async db =>
        {
            var offer = new Offer(CasePortal.Unique("Button Offer"), await db.Organisations.SingleAsync(o => o.SeedKey == OrganisationSeed.InnovationSkane), await db.TaxonomyTerms.FirstAsync(t => t.Kind == TaxonomyKind.SupportCategory));
            offer.Publish(DateTime.UtcNow);
            if (from == OfferStatus.Draft)
            {
                offer.ReturnToDraft();
            }
            else if (from == OfferStatus.Archived)
            {
                offer.Archive();
            }

            db.Offers.Add(offer);
            await db.SaveChangesAsync();
            return offer.Id;
        });
        return new(await cases.PartnerAsync(), $"/partner/offers/{id}/edit", $"form[action$='handler={handler}']", Set(("Status.Version", "newest")),
            "", db => db.Offers.Where(o => o.Id == id).Select(o => o.Status + "/" + o.Version).SingleAsync(), Expected: HttpStatusCode.BadRequest);
    }

    /// <summary>A founder signed in, with one saved search with alerts (its id).</summary>
    private static async Task<(HttpClient Founder, int Id)> SavedSearchAsync(CasePortal cases)
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Searching Medtech"));
        var founder = await cases.FounderAsync(company.Id);
        await founder.SubmitAsync(await founder.GetPageAsync("/saved-searches/new?kind=Catalogue&criteria=category%3Dlegal"), "#save-search-form");
        var id = await cases.DbAsync(db => db.SavedSearches.Where(s => s.UserId == db.Users.Where(u => u.CompanyId == company.Id).Select(u => u.Id).First()).Select(s => s.Id).SingleAsync());
        return (founder, id);
    }

    /// <summary>A POST handler of the portal (folder/Page.Handler) and how to post an unreadable value to it.</summary>
    private sealed record Entry(string Handler, Func<CasePortal, Task<Form>> ArrangeAsync);

    /// <summary>
    /// Who posts which form of which page, with which values over the page's own; the message expected (for 200),
    /// and a snapshot of what must not change.
    /// </summary>
    private sealed record Form(
        HttpClient Client,
        string Url,
        string FormSelector,
        Dictionary<string, string> Values,
        string Message,
        Func<AppDbContext, Task<string>> SnapshotAsync,
        string? Submitter = null,
        HttpStatusCode Expected = HttpStatusCode.OK,
        (string Url, Dictionary<string, string> Values)? Raw = null);
}
