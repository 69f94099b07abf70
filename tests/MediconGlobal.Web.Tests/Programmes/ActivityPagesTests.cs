using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Testing;
using MediconGlobal.Web.Tests.Clients;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Programmes;

/// <summary>
/// Programme activities (issue 17 item 1) on SQLite and PostgreSQL: recording and editing through the forms, bad
/// input, scoping of partner staff to their organisation's programmes, the consent rule for participating
/// companies, the programme comparison's activity funnel and the client timeline.
/// </summary>
public sealed class ActivityPagesTests
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ProjectManager_RecordsAnActivity_AndTheFunnelAndPagesShowIt_WhileBadInputSavesNothing(DatabaseProvider provider)
    {
        await using var database = await PortalDatabaseAsync(provider);
        await using var portal = new PortalFactory(postgres: database);
        var (programmeId, consenting, withheld) = await ArrangeAsync(portal);
        var pm = await portal.SignedInClientAsync("pm@activities.test", Roles.ProjectManager, OrganisationSeed.Mva);
        var form = await pm.GetPageAsync($"/programmes/{programmeId}/activities/new");

        var bad = await pm.SubmitAsync(form, "#activity-form", new Dictionary<string, string>
        {
            ["Input.Topic"] = "",
            ["Input.Kind"] = "Spaceflight",
            ["Input.ParticipantCount"] = "many",
            ["Input.FollowUpCount"] = "-3",
            ["Input.CompanyIds[0]"] = "99999999",
        });

        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var messages = (await bad.ParseBodyAsync()).ValidationMessages();
        Assert.Contains("Give the activity's topic.", messages);
        Assert.Contains("Give counts as whole numbers from 0 to 1,000,000.", messages);
        Assert.Equal(0, await portal.WithDbAsync(db => db.Activities.CountAsync()));

        Check(form, "company", consenting[0], consenting[1], withheld);
        Check(form, "organisation", await portal.WithDbAsync(db => CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.RegionZealand)));
        var saved = await pm.SubmitAsync(form, "#activity-form", new Dictionary<string, string>
        {
            ["Input.Topic"] = "Booster Board: fall sensors",
            ["Input.Kind"] = nameof(ActivityKind.BoosterBoard),
            ["Input.Date"] = "2024-03-14",
            ["Input.ParticipantCount"] = "12",
            ["Input.FollowUpCount"] = "6",
            ["Input.ContinuingCount"] = "3",
        });

        saved.AssertRedirectsTo("/activities/");
        var activity = await portal.WithDbAsync(db => db.Activities.Include(a => a.Participants).Include(a => a.Organisations).SingleAsync());
        Assert.Equal((ActivityKind.BoosterBoard, new DateOnly(2024, 3, 14), 3, 1), (activity.Kind, activity.Date, activity.Participants.Count, activity.Organisations.Count));
        Assert.True(await portal.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == nameof(Activity) && e.EntityId == activity.Id.ToString())));

        var compare = Flat((await pm.GetPageAsync($"/programmes/compare?ids={programmeId}")).QuerySelector("#comparison .activity-funnel")!.TextContent);
        Assert.Contains("12 Participants", compare, StringComparison.Ordinal);
        Assert.Contains("3 Companies continuing (25.0%)", compare, StringComparison.Ordinal);
        Assert.Contains("Booster Board: fall sensors", (await pm.GetPageAsync($"/programmes/{programmeId}")).QuerySelector("#activities-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
        var zealand = await portal.WithDbAsync(db => CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.RegionZealand));
        Assert.Contains("Booster Board: fall sensors", (await pm.GetPageAsync($"/organisations/{zealand}")).Text(), StringComparison.Ordinal);

        // A partner of an organisation outside the programme can neither open nor change it, nor add to the programme.
        var outsider = await portal.SignedInClientAsync("partner@outside.test", Roles.PartnerStaff, OrganisationSeed.InnovationSkane);
        await outsider.GetPageAsync($"/activities/{activity.Id}/edit", HttpStatusCode.NotFound);
        await outsider.GetPageAsync($"/programmes/{programmeId}/activities/new", HttpStatusCode.NotFound);
        var forged = await outsider.PostAsync($"/activities/{activity.Id}/edit", new Dictionary<string, string>
        {
            ["Input.Topic"] = "Taken over",
            ["Input.Kind"] = nameof(ActivityKind.Webinar),
            ["Input.Date"] = "2024-03-14",
            ["Input.Version"] = activity.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal("Booster Board: fall sensors", await portal.WithDbAsync(db => db.Activities.Select(a => a.Name).SingleAsync()));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task PartnerOfTheLeadOrganisation_EditsTheActivity_SeesOnlyConsentingCompanies_AndKeepsTheOthers(DatabaseProvider provider)
    {
        await using var database = await PortalDatabaseAsync(provider);
        await using var portal = new PortalFactory(postgres: database);
        var (programmeId, consenting, withheld) = await ArrangeAsync(portal);
        var activityId = await portal.WithDbAsync(async db =>
        {
            var activity = new Activity { ProgrammeId = programmeId, Name = "Matchmaking: hospital logistics", Kind = ActivityKind.Matchmaking, Date = new DateOnly(2024, 5, 2) };
            activity.SetParticipants([consenting[0], consenting[1], withheld]);
            db.Activities.Add(activity);
            await db.SaveChangesAsync();
            return activity.Id;
        });
        var partner = await portal.SignedInClientAsync("partner@dlsc.test", Roles.PartnerStaff, OrganisationSeed.Dlsc);

        var details = await partner.GetPageAsync($"/activities/{activityId}");
        Assert.Equal(2, details.QuerySelectorAll("#activity-companies li").Length);
        Assert.Contains("1 company that has not consented", details.QuerySelector("#anonymous-companies")!.TextContent, StringComparison.Ordinal);
        var withheldName = await portal.WithDbAsync(db => db.Companies.Where(c => c.Id == withheld).Select(c => c.Name).SingleAsync());
        Assert.DoesNotContain(withheldName, details.DocumentElement.OuterHtml, StringComparison.Ordinal);

        var form = await partner.GetPageAsync($"/activities/{activityId}/edit");
        Assert.Null(form.QuerySelector($"#company-{withheld}"));
        Assert.DoesNotContain(withheldName, form.DocumentElement.OuterHtml, StringComparison.Ordinal);
        ((IHtmlInputElement)form.QuerySelector($"#company-{consenting[1]}")!).IsChecked = false;
        var stale = await partner.GetPageAsync($"/activities/{activityId}/edit");
        var saved = await partner.SubmitAsync(form, "#activity-form", new Dictionary<string, string> { ["Input.ContinuingCount"] = "1" });

        saved.AssertRedirectsTo($"/activities/{activityId}");
        var participants = await portal.WithDbAsync(db => db.ActivityParticipants.Where(p => p.ActivityId == activityId).Select(p => p.CompanyId).OrderBy(id => id).ToListAsync());
        Assert.Equal(new[] { consenting[0], withheld }.Order(), participants);

        var conflict = await partner.SubmitAsync(stale, "#activity-form", new Dictionary<string, string> { ["Input.Topic"] = "Stale topic" });
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains((await conflict.ParseBodyAsync()).ValidationMessages(), m => m.Contains("while you were editing", StringComparison.Ordinal));
        Assert.Equal("Matchmaking: hospital logistics", await portal.WithDbAsync(db => db.Activities.Where(a => a.Id == activityId).Select(a => a.Name).SingleAsync()));

        // Deleting: from a page opened before the last save it is refused; an outsider gets 404; then it goes, with its participants.
        var staleDelete = await partner.SubmitAsync(stale, "#delete-activity-form", new Dictionary<string, string>());
        Assert.Contains("Someone changed this activity after you opened it. Look at it again before deleting it.", (await staleDelete.ParseBodyAsync()).ValidationMessages());
        var outsider = await portal.SignedInClientAsync("partner@outside.test", Roles.PartnerStaff, OrganisationSeed.InnovationSkane);
        var version = await portal.WithDbAsync(db => db.Activities.Where(a => a.Id == activityId).Select(a => a.Version).SingleAsync());
        var forged = await outsider.PostAsync($"/activities/{activityId}/edit?handler=Delete", new Dictionary<string, string> { ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(1, await portal.WithDbAsync(db => db.Activities.CountAsync(a => a.Id == activityId)));

        var deleted = await partner.SubmitAsync(await partner.GetPageAsync($"/activities/{activityId}/edit"), "#delete-activity-form", new Dictionary<string, string>());

        deleted.AssertRedirectsTo($"/programmes/{programmeId}");
        Assert.Equal((0, 0), await portal.WithDbAsync(async db => (await db.Activities.CountAsync(a => a.Id == activityId), await db.ActivityParticipants.CountAsync(p => p.ActivityId == activityId))));
        Assert.DoesNotContain("Matchmaking: hospital logistics", (await partner.GetPageAsync($"/programmes/{programmeId}")).QuerySelector("#activities-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Advisor_SeesTheActivityOnTheClientsTimeline_AndFoundersCannotRecord()
    {
        await using var portal = new PortalFactory();
        var (programmeId, consenting, _) = await ArrangeAsync(portal);
        await portal.WithDbAsync(async db =>
        {
            var activity = new Activity { ProgrammeId = programmeId, Name = "Webinar: Danish municipalities", Kind = ActivityKind.Webinar, Date = new DateOnly(2024, 9, 10) };
            activity.SetParticipants([consenting[0]]);
            db.Activities.Add(activity);
            await db.SaveChangesAsync();
        });
        var advisor = await portal.SignedInClientAsync("advisor@smile.test", Roles.Advisor, OrganisationSeed.SmiLe);

        var timeline = (await advisor.GetPageAsync($"/clients/{consenting[0]}")).QuerySelector(".timeline-activityparticipated")!.TextContent;

        Assert.Contains("Webinar: Danish municipalities", timeline, StringComparison.Ordinal);
        Assert.Contains("2024-09-10", timeline, StringComparison.Ordinal);
        var founder = await portal.SignedInClientAsync("founder@activities.test", Roles.Startup, companyId: consenting[0]);
        var refused = await founder.GetAsync($"/programmes/{programmeId}/activities/new");
        Assert.StartsWith("/Identity/Account/AccessDenied", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var advisorRefused = await advisor.GetAsync($"/programmes/{programmeId}/activities/new");
        Assert.StartsWith("/Identity/Account/AccessDenied", advisorRefused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        await advisor.GetPageAsync("/activities/424242", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task BeyondAHundredCompanies_TheFormListsTheChosenOnes_AndFindsOthersByName_KeepingWhatWasTyped()
    {
        await using var portal = new PortalFactory();
        var (programmeId, _, _) = await ArrangeAsync(portal);
        await portal.WithDbAsync(async db =>
        {
            var smile = await CaseBuilder.OrganisationIdAsync(db, OrganisationSeed.SmiLe);
            db.Companies.AddRange(Enumerable.Range(1, MediconGlobal.Web.Pages.Activities.ActivityChoices.ListAllUpTo + 20).Select(i => new Company($"Scale Medtech {i:000}", "SE") { HomeIncubatorId = smile }));
            await db.SaveChangesAsync();
        });
        var pm = await portal.SignedInClientAsync("pm@activities.test", Roles.ProjectManager, OrganisationSeed.Mva);
        var form = await pm.GetPageAsync($"/programmes/{programmeId}/activities/new");
        Assert.Empty(form.QuerySelectorAll("input[name='Input.CompanyIds']"));
        Assert.NotNull(form.QuerySelector("#company-search"));

        var found = await (await pm.SubmitAsync(form, "#activity-form", new Dictionary<string, string> { ["Input.Topic"] = "Kept topic", ["CompanySearch"] = "scale medtech 007" }, "FindCompanies")).ParseBodyAsync();

        Assert.Equal("Kept topic", found.QuerySelector<IHtmlInputElement>("#Input_Topic")!.Value);
        var box = Assert.Single(found.QuerySelectorAll<IHtmlInputElement>("input[name='Input.CompanyIds']"));
        Assert.Contains("Scale Medtech 007", found.QuerySelector($"label[for='{box.Id}']")!.TextContent, StringComparison.Ordinal);
        box.IsChecked = true;
        var many = await (await pm.SubmitAsync(found, "#activity-form", new Dictionary<string, string> { ["CompanySearch"] = "Scale" }, "FindCompanies")).ParseBodyAsync();
        var boxes = many.QuerySelectorAll<IHtmlInputElement>("input[name='Input.CompanyIds']").ToList();
        Assert.Equal(1 + 30, boxes.Count);
        Assert.Equal(box.Value, Assert.Single(boxes, b => b.IsChecked).Value);
        Assert.Contains("type more of the name", many.QuerySelector("#companies-found")!.TextContent, StringComparison.Ordinal);
        var none = await (await pm.SubmitAsync(many, "#activity-form", new Dictionary<string, string> { ["CompanySearch"] = "Nonexistent Biotech" }, "FindCompanies")).ParseBodyAsync();
        Assert.Contains("No company matches “Nonexistent Biotech”.", none.QuerySelector("#companies-found")!.TextContent, StringComparison.Ordinal);

        var saved = await pm.SubmitAsync(none, "#activity-form", new Dictionary<string, string> { ["Input.Kind"] = nameof(ActivityKind.Webinar), ["Input.Date"] = "2024-03-14" });

        saved.AssertRedirectsTo("/activities/");
        Assert.Equal(int.Parse(box.Value, System.Globalization.CultureInfo.InvariantCulture), await portal.WithDbAsync(db => db.ActivityParticipants.Select(p => p.CompanyId).SingleAsync()));
        Assert.Equal("Kept topic", await portal.WithDbAsync(db => db.Activities.Select(a => a.Name).SingleAsync()));
    }

    [Fact]
    public async Task ActivityPage_LastChangedBy_WithholdsTheAddressOfAnotherOrganisationsStaff()
    {
        await using var portal = new PortalFactory();
        var (programmeId, _, _) = await ArrangeAsync(portal);
        var pm = await portal.SignedInClientAsync("pm@last-changed.test", Roles.ProjectManager, OrganisationSeed.Mva);
        var saved = await pm.SubmitAsync(await pm.GetPageAsync($"/programmes/{programmeId}/activities/new"), "#activity-form", new Dictionary<string, string>
        {
            ["Input.Topic"] = "Webinar: reimbursement in Denmark",
            ["Input.Kind"] = nameof(ActivityKind.Webinar),
            ["Input.Date"] = "2024-09-12",
        });
        saved.AssertRedirectsTo("/activities/");
        var activityId = await portal.WithDbAsync(db => db.Activities.Where(a => a.Name == "Webinar: reimbursement in Denmark").Select(a => a.Id).SingleAsync());
        var partner = await portal.SignedInClientAsync("partner@last-changed.test", Roles.PartnerStaff, OrganisationSeed.Dlsc);

        var theirs = await partner.GetPageAsync($"/activities/{activityId}");
        var mine = await pm.GetPageAsync($"/activities/{activityId}");

        Assert.Contains("by staff of another organisation", Flat(theirs.QuerySelector("main")!.TextContent), StringComparison.Ordinal);
        Assert.DoesNotContain("pm@last-changed.test", theirs.DocumentElement.OuterHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("by pm@last-changed.test", Flat(mine.QuerySelector("main")!.TextContent), StringComparison.Ordinal);
    }

    private static async Task<TestDatabase?> PortalDatabaseAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            return null;
        }

        var database = TestDatabase.Create(provider);
        await database.InitializeAsync();
        return database;
    }

    /// <summary>The DLSC programme (led by DLSC) and three SmiLe clients, two of which consent to share their data with partners.</summary>
    private static async Task<(int ProgrammeId, int[] Consenting, int Withheld)> ArrangeAsync(PortalFactory portal) =>
        await portal.WithDbAsync(async db =>
        {
            var programmeId = await db.Programmes.Where(p => p.SeedKey == ProgrammeSeed.DlscInnovationProgram).Select(p => p.Id).SingleAsync();
            var first = await CaseBuilder.CompanyAsync(db, "Consenting Care Robotics", OrganisationSeed.SmiLe);
            var second = await CaseBuilder.CompanyAsync(db, "Consenting Sensors", OrganisationSeed.SmiLe);
            var withheld = await CaseBuilder.CompanyAsync(db, "Withheld Fall Detection", OrganisationSeed.SmiLe, consent: false);
            return (programmeId, new[] { first.Id, second.Id }, withheld.Id);
        });

    private static void Check(IHtmlDocument form, string prefix, params int[] ids)
    {
        foreach (var id in ids)
        {
            ((IHtmlInputElement)form.QuerySelector($"#{prefix}-{id}")!).IsChecked = true;
        }
    }

    private static string Flat(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
}
