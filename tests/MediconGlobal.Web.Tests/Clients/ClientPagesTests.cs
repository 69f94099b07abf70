using System.Globalization;
using System.Net;
using MediconGlobal.Core.Data.Seed;
using MediconGlobal.Core.Domain;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Tests.Clients;

/// <summary>/clients, /clients/new, /clients/{id} and /clients/{id}/edit.</summary>
public sealed class ClientPagesTests(CasePortal cases) : IClassFixture<CasePortal>
{
    [Fact]
    public async Task Get_Caseload_ShowsOwnOrganisationsClients_NotOthers()
    {
        var tag = CasePortal.Unique("Caseload");
        await cases.CompanyAsync($"{tag} Mine", OrganisationSeed.SmiLe);
        await cases.CompanyAsync($"{tag} Theirs", OrganisationSeed.InnovationSkane);
        var advisor = await cases.AdvisorAsync();

        var page = await advisor.GetPageAsync($"/clients?q={Uri.EscapeDataString(tag)}");

        Assert.Contains($"{tag} Mine", page.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain($"{tag} Theirs", page.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Caseload_ProjectManager_SeesEveryOrganisationsClients()
    {
        var tag = CasePortal.Unique("Everyone");
        await cases.CompanyAsync($"{tag} SmiLe", OrganisationSeed.SmiLe);
        await cases.CompanyAsync($"{tag} Skåne", OrganisationSeed.InnovationSkane);
        var pm = await cases.ProjectManagerAsync();

        var text = (await pm.GetPageAsync($"/clients?q={Uri.EscapeDataString(tag)}")).Text();

        Assert.Contains($"{tag} SmiLe", text, StringComparison.Ordinal);
        Assert.Contains($"{tag} Skåne", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Caseload_ManyClients_PagesOfFifty_AttentionFirst_AndThePagerKeepsTheSearch()
    {
        var tag = CasePortal.Unique("Paged");
        var companies = new List<Company>();
        for (var i = 1; i <= 120; i++)
        {
            companies.Add(await cases.CompanyAsync($"{tag} {i:000}", OrganisationSeed.SmiLe));
        }

        await cases.ReferralAsync(await cases.NeedAsync(companies[^1], at: DateTime.UtcNow.AddDays(-30)), at: DateTime.UtcNow.AddDays(-20));
        var advisor = await cases.AdvisorAsync();

        var first = await advisor.GetPageAsync($"/clients?q={Uri.EscapeDataString(tag)}");
        var thirdLink = first.QuerySelectorAll(".pagination a").Single(a => a.TextContent.Trim() == "Page 3").GetAttribute("href")!;
        var third = await advisor.GetPageAsync(thirdLink);

        var firstNames = first.QuerySelectorAll("tbody tr th a, tbody tr td a").Select(a => a.TextContent.Trim()).Where(t => t.StartsWith(tag, StringComparison.Ordinal)).ToList();
        Assert.Equal(50, firstNames.Count);
        Assert.Equal([$"{tag} 120", $"{tag} 001", $"{tag} 002"], firstNames.Take(3));
        Assert.Contains($"q={Uri.EscapeDataString(tag)}", thirdLink.Replace("+", "%20", StringComparison.Ordinal), StringComparison.Ordinal);
        var thirdNames = third.QuerySelectorAll("tbody tr th a, tbody tr td a").Select(a => a.TextContent.Trim()).Where(t => t.StartsWith(tag, StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(100, 20).Select(i => $"{tag} {i:000}"), thirdNames);
        Assert.Equal("page", third.QuerySelector(".pagination .active a")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task Get_Clients_WrongRoleOrAnonymous_IsRefused()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Refused"));
        var partner = await cases.PartnerAsync();
        var founder = await cases.FounderAsync(company.Id);
        var anonymous = cases.Portal.CreatePortalClient();

        (await partner.GetAsync("/clients")).AssertRedirectsTo("/Identity/Account/AccessDenied");
        (await founder.GetAsync($"/clients/{company.Id}")).AssertRedirectsTo("/Identity/Account/AccessDenied");
        (await anonymous.GetAsync("/clients/new")).AssertRedirectsTo("/Identity/Account/Login");
    }

    [Fact]
    public async Task Get_AnotherOrganisationsClientById_Is404_AndShowsNoData()
    {
        var secret = await cases.CompanyAsync(CasePortal.Unique("Secret Skåne Client"), OrganisationSeed.InnovationSkane, organisationNumber: "5560125790");
        var need = await cases.NeedAsync(secret);
        var advisor = await cases.AdvisorAsync(OrganisationSeed.SmiLe);

        foreach (var url in new[] { $"/clients/{secret.Id}", $"/clients/{secret.Id}/edit", $"/clients/{secret.Id}/needs/new", $"/clients/{secret.Id}/needs/{need.Id}" })
        {
            var response = await advisor.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain(secret.Name, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var note = await advisor.PostAsync($"/clients/{secret.Id}?handler=Note", new Dictionary<string, string> { ["Note.Text"] = "Sneaky" });
        Assert.Equal(HttpStatusCode.NotFound, note.StatusCode);
        Assert.False(await cases.DbAsync(db => db.CompanyNotes.AnyAsync(n => n.CompanyId == secret.Id)));
    }

    [Fact]
    public async Task Post_New_InvalidOrganisationNumber_ShowsError_AndSavesNothing()
    {
        var advisor = await cases.AdvisorAsync();
        var name = CasePortal.Unique("Typo Bio");
        var form = await advisor.GetPageAsync("/clients/new");

        var response = await advisor.SubmitAsync(form, "#company-form", new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.CountryCode"] = "SE",
            ["Input.OrganisationNumber"] = "556012-5791",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseBodyAsync();
        Assert.Contains(page.ValidationMessages(), m => m.Contains("check digit", StringComparison.Ordinal));
        Assert.False(await cases.DbAsync(db => db.Companies.AnyAsync(c => c.Name == name)));
    }

    [Fact]
    public async Task Post_New_Valid_WithConsent_RedirectsAndPersists()
    {
        var advisor = await cases.AdvisorAsync();
        var name = CasePortal.Unique("Fresh Medtech");
        var form = await advisor.GetPageAsync("/clients/new");
        var (skane, medtech, usa) = await cases.DbAsync(async db => (
            await db.TaxonomyTerms.Where(t => t.Code == "se-skane").Select(t => t.Id).SingleAsync(),
            await db.TaxonomyTerms.Where(t => t.Code == "medtech").Select(t => t.Id).SingleAsync(),
            await db.TaxonomyTerms.Where(t => t.Code == "usa").Select(t => t.Id).SingleAsync()));

        var response = await advisor.SubmitAsync(form, "#company-form", new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.CountryCode"] = "SE",
            ["Input.OrganisationNumber"] = "559123-4561",
            ["Input.RegionId"] = skane.ToString(),
            ["Input.SectorId"] = medtech.ToString(),
            ["Input.MarketIds"] = usa.ToString(),
            ["Input.ConsentGiven"] = "true",
            ["Input.ConsentPurpose"] = "Share with partners we refer to.",
        });

        var company = await cases.DbAsync(db => db.Companies.Include(c => c.ConsentRecords).Include(c => c.Advisors).Include(c => c.Terms).Include(c => c.HomeIncubator).SingleAsync(c => c.Name == name));
        response.AssertRedirectsTo($"/clients/{company.Id}");
        Assert.Equal(("5591234561", OrganisationSeed.SmiLe, true), (company.OrganisationNumber, company.HomeIncubator!.SeedKey, company.SharesDataWithPartners));
        var consent = Assert.Single(company.ConsentRecords);
        Assert.Equal(("Share with partners we refer to.", true), (consent.Purpose, consent.Given));
        Assert.Single(company.Advisors);
        Assert.Equal([usa], company.Terms.Select(t => t.TermId));

        var text = (await advisor.GetPageAsync($"/clients/{company.Id}")).Text();
        Assert.Contains("559123-4561", text, StringComparison.Ordinal);
        Assert.Contains("Consent to share data with partners given", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_New_SameOrganisationNumber_WarnsWithLink_BeforeSaving_ThenCreatesOnConfirmation()
    {
        var existing = await cases.CompanyAsync(CasePortal.Unique("Original Name"), organisationNumber: "5567778880");
        var advisor = await cases.AdvisorAsync();
        var name = CasePortal.Unique("Completely Different");
        var form = await advisor.GetPageAsync("/clients/new");
        var values = new Dictionary<string, string> { ["Input.Name"] = name, ["Input.CountryCode"] = "SE", ["Input.OrganisationNumber"] = "556777-8880" };

        var warned = await advisor.SubmitAsync(form, "#company-form", values);

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        var page = await warned.ParseBodyAsync();
        var link = page.QuerySelector($"#duplicate-warning a[href='/clients/{existing.Id}']");
        Assert.NotNull(link);
        Assert.Contains("same organisation number", page.QuerySelector("#duplicate-warning")!.TextContent, StringComparison.Ordinal);
        Assert.False(await cases.DbAsync(db => db.Companies.AnyAsync(c => c.Name == name)));

        var confirmed = await advisor.SubmitAsync(await HtmlClient.ParseAtAsync(page.DocumentElement.OuterHtml, "/clients/new"), "#company-form", new Dictionary<string, string>(values) { ["Input.IgnoreDuplicates"] = "true" });
        confirmed.AssertRedirectsTo("/clients/");
        Assert.True(await cases.DbAsync(db => db.Companies.AnyAsync(c => c.Name == name)));
    }

    [Fact]
    public async Task Post_New_VerySimilarName_Warns()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        await cases.CompanyAsync($"Aurora {tag} Biologics AB");
        var advisor = await cases.AdvisorAsync();
        var form = await advisor.GetPageAsync("/clients/new");

        var warned = await advisor.SubmitAsync(form, "#company-form", new Dictionary<string, string> { ["Input.Name"] = $"aurora {tag} biologic", ["Input.CountryCode"] = "SE" });

        var page = await warned.ParseBodyAsync();
        Assert.Contains("very similar name", page.QuerySelector("#duplicate-warning")?.TextContent ?? "", StringComparison.Ordinal);
    }

    /// <summary>Issue 13 item 6: numbers that pass a check digit but no register issues to a company, on create and on edit.</summary>
    [Theory]
    [InlineData("new", "SE", "0000000000", "does not start with 0")]
    [InlineData("edit", "SE", "0000000000", "does not start with 0")]
    [InlineData("new", "SE", "811218-9876", "personal identity number")]
    [InlineData("edit", "DK", "00000000", "does not start with 0")]
    [InlineData("edit", "NO", "123456785", "starts with 8 or 9")]
    public async Task Post_NumberNoRegisterIssues_ShowsWhy_AndSavesNothing(string page, string country, string number, string expected)
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Numbered"));
        var advisor = await cases.AdvisorAsync();
        var url = page == "new" ? "/clients/new" : $"/clients/{company.Id}/edit";
        var name = page == "new" ? CasePortal.Unique("Zero Number") : company.Name;

        var response = await advisor.SubmitAsync(await advisor.GetPageAsync(url), "#company-form", new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.CountryCode"] = country,
            ["Input.OrganisationNumber"] = number,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains((await response.ParseBodyAsync()).ValidationMessages(), m => m.Contains(expected, StringComparison.Ordinal));
        Assert.Equal(page == "new" ? 0 : 1, await cases.DbAsync(db => db.Companies.CountAsync(c => c.Name == name)));
        Assert.Null(await cases.DbAsync(db => db.Companies.Where(c => c.Id == company.Id).Select(c => c.OrganisationNumber).SingleAsync()));
    }

    [Fact]
    public async Task Post_Edit_GivingAnotherClientsNumber_WarnsBeforeSaving_ThenSavesOnConfirmation()
    {
        var number = OrganisationNumber.Complete("SE", $"559{Random.Shared.Next(1_000_000):D6}")!;
        var existing = await cases.CompanyAsync(CasePortal.Unique("Demo Startup AB"), organisationNumber: number);
        var edited = await cases.CompanyAsync(CasePortal.Unique("Second Client"));
        var advisor = await cases.AdvisorAsync();
        var values = new Dictionary<string, string> { ["Input.OrganisationNumber"] = OrganisationNumber.Format("SE", number) };

        var warned = await advisor.SubmitAsync(await advisor.GetPageAsync($"/clients/{edited.Id}/edit"), "#company-form", values);

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        var page = await warned.ParseBodyAsync();
        Assert.NotNull(page.QuerySelector($"#duplicate-warning a[href='/clients/{existing.Id}']"));
        Assert.Contains("same organisation number", page.QuerySelector("#duplicate-warning")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await cases.DbAsync(db => db.Companies.Where(c => c.Id == edited.Id).Select(c => c.OrganisationNumber).SingleAsync()));

        var confirmed = await advisor.SubmitAsync(await HtmlClient.ParseAtAsync(page.DocumentElement.OuterHtml, $"/clients/{edited.Id}/edit"), "#company-form", new Dictionary<string, string>(values) { ["Input.IgnoreDuplicates"] = "true" });
        confirmed.AssertRedirectsTo($"/clients/{edited.Id}");
        Assert.Equal(number, await cases.DbAsync(db => db.Companies.Where(c => c.Id == edited.Id).Select(c => c.OrganisationNumber).SingleAsync()));
    }

    [Fact]
    public async Task Post_Edit_KeepingItsOwnNameAndNumber_DoesNotWarnAboutItself()
    {
        var number = OrganisationNumber.Complete("SE", $"559{Random.Shared.Next(1_000_000):D6}")!;
        var company = await cases.CompanyAsync(CasePortal.Unique("Only One"), organisationNumber: number);
        var advisor = await cases.AdvisorAsync();

        var response = await advisor.SubmitAsync(await advisor.GetPageAsync($"/clients/{company.Id}/edit"), "#company-form", new Dictionary<string, string> { ["Input.Employees"] = "7" });

        response.AssertRedirectsTo($"/clients/{company.Id}");
        Assert.Equal(7, await cases.DbAsync(db => db.Companies.Where(c => c.Id == company.Id).Select(c => c.Employees).SingleAsync()));
    }

    [Fact]
    public async Task Post_Edit_StaleVersion_ShowsConflict_AndKeepsTheOtherChange()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Edited Twice"));
        var advisor = await cases.AdvisorAsync();
        var form = await advisor.GetPageAsync($"/clients/{company.Id}/edit");
        await cases.DbAsync(async db =>
        {
            var tracked = await db.Companies.SingleAsync(c => c.Id == company.Id);
            tracked.Employees = 12;
            return await db.SaveChangesAsync();
        });

        var response = await advisor.SubmitAsync(form, "#company-form", new Dictionary<string, string> { ["Input.Employees"] = "99" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var conflict = await response.ParseBodyAsync();
        Assert.Contains("saved a change here", conflict.Text(), StringComparison.Ordinal);
        Assert.Equal("99", conflict.QuerySelector("#Input_Employees")!.GetAttribute("value"));
        Assert.Contains("12", conflict.QuerySelector("#Input_Employees-saved")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(12, await cases.DbAsync(db => db.Companies.Where(c => c.Id == company.Id).Select(c => c.Employees).SingleAsync()));
    }

    /// <summary>
    /// Issue 13 item 5: the same moment showed as 02:01 on the timeline and as 01:01, unlabelled UTC, in the
    /// edit-conflict message. Both are now the display zone's (Europe/Stockholm by default) wall-clock time.
    /// </summary>
    [Fact]
    public async Task TimesOnTheTimelineAndInTheConflictMessage_AreTheDisplayZonesTime()
    {
        var stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
        string Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), stockholm).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var company = await cases.CompanyAsync(CasePortal.Unique("Two Clocks"));
        var advisor = await cases.AdvisorAsync();
        var form = await advisor.GetPageAsync($"/clients/{company.Id}/edit");
        var savedAt = await cases.DbAsync(async db =>
        {
            var tracked = await db.Companies.SingleAsync(c => c.Id == company.Id);
            tracked.Employees = 3;
            await db.SaveChangesAsync();
            return tracked.UpdatedAt;
        });

        var conflict = await (await advisor.SubmitAsync(form, "#company-form", new Dictionary<string, string> { ["Input.Employees"] = "4" })).ParseBodyAsync();
        var timeline = await advisor.GetPageAsync($"/clients/{company.Id}");

        Assert.Contains($"saved a change here at {Local(savedAt)},", conflict.Text(), StringComparison.Ordinal);
        var times = timeline.QuerySelectorAll("time[datetime]").ToList();
        Assert.NotEmpty(times);
        Assert.All(times, time => Assert.Equal(Local(DateTime.Parse(time.GetAttribute("datetime")!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal)), time.TextContent.Trim()));
    }

    [Fact]
    public async Task Post_ConsentWithdrawal_IsRecordedWithWhoWhenWhy_AndShownOnTheTimeline()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Changes Mind"));
        var advisor = await cases.AdvisorAsync();
        var page = await advisor.GetPageAsync($"/clients/{company.Id}");

        var response = await advisor.SubmitAsync(page, "#consent-form", new Dictionary<string, string> { ["Consent.Purpose"] = "The board said no." });

        response.AssertRedirectsTo($"/clients/{company.Id}");
        var saved = await cases.DbAsync(db => db.Companies.Include(c => c.ConsentRecords).SingleAsync(c => c.Id == company.Id));
        Assert.False(saved.SharesDataWithPartners);
        var withdrawal = saved.ConsentRecords.OrderBy(r => r.Id).Last();
        Assert.Equal((false, "The board said no."), (withdrawal.Given, withdrawal.Purpose));
        Assert.StartsWith("advisor-", withdrawal.RecordedByName, StringComparison.Ordinal);
        var text = (await advisor.GetPageAsync($"/clients/{company.Id}")).Text();
        Assert.Contains("Consent to share data with partners withdrawn", text, StringComparison.Ordinal);
        Assert.Contains("The board said no.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Note_Empty_ShowsError_Valid_AddsToTimeline()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Noted"));
        var advisor = await cases.AdvisorAsync();
        var page = await advisor.GetPageAsync($"/clients/{company.Id}");

        var empty = await advisor.SubmitAsync(page, "#note-form", new Dictionary<string, string> { ["Note.Text"] = " " });
        var messages = (await empty.ParseBodyAsync()).ValidationMessages();
        Assert.True(messages.Contains("Write the note first."), string.Join(" / ", messages));

        (await advisor.SubmitAsync(page, "#note-form", new Dictionary<string, string> { ["Note.Text"] = "Met the CEO at BIO." })).AssertRedirectsTo($"/clients/{company.Id}");
        Assert.Contains("Met the CEO at BIO.", (await advisor.GetPageAsync($"/clients/{company.Id}")).Text(), StringComparison.Ordinal);
    }
}
