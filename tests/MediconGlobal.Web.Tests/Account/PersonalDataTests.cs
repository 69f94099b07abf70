using System.Net;
using System.Text.Json;
using MediconGlobal.Core.Accounts;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Tests.Clients;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediconGlobal.Web.Tests.Account;

/// <summary>Issue 11 item 5: the personal-data download holds the person's own records; deleting the account keeps the organisation's records, attributed to "deleted user".</summary>
public sealed class PersonalDataTests(CasePortal cases) : IClassFixture<CasePortal>
{
    [Fact]
    public async Task Download_HoldsTheAdvisorsOwnNeedsNotesAndConsents_AndNotOthers()
    {
        var email = $"own-{Guid.NewGuid():N}@test.example";
        var advisor = await cases.Portal.CreateUserAsync(email, Roles.Advisor, "smile");
        var company = await cases.CompanyAsync(CasePortal.Unique("Own Data"), consent: false);
        await cases.DbAsync(async db =>
        {
            var tracked = await db.Companies.SingleAsync(c => c.Id == company.Id);
            var category = await db.TaxonomyTerms.FirstAsync(t => t.Kind == TaxonomyKind.SupportCategory);
            db.Needs.Add(new Need(tracked, category, null, "My own need text", NeedPriority.High, new Actor(advisor.Id, advisor.DisplayName), DateTime.UtcNow));
            db.Needs.Add(new Need(tracked, category, null, "Someone else's need text", NeedPriority.Low, new Actor("someone-else", "Someone Else"), DateTime.UtcNow));
            tracked.GiveConsent("Share with the partners it is referred to.", new Actor(advisor.Id, advisor.DisplayName), DateTime.UtcNow);
            db.CompanyNotes.Add(new CompanyNote { CompanyId = company.Id, Text = "My own note", AuthorUserId = advisor.Id, AuthorName = advisor.DisplayName, CreatedAt = DateTime.UtcNow });
            db.CompanyNotes.Add(new CompanyNote { CompanyId = company.Id, Text = "Another advisor's note", AuthorUserId = "someone-else", AuthorName = "Someone Else", CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        var client = cases.Portal.CreatePortalClient();
        await client.SignInAsync(email, PortalFactory.Password);

        var page = await client.GetPageAsync("/Identity/Account/Manage/PersonalData");
        var response = await client.SubmitAsync(page, "#download-personal-data");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var json = await response.Content.ReadAsStringAsync();
        using var data = JsonDocument.Parse(json);
        Assert.Equal(email, data.RootElement.GetProperty("account").GetProperty("email").GetString());
        Assert.Equal("My own need text", Assert.Single(data.RootElement.GetProperty("needsLogged").EnumerateArray()).GetProperty("description").GetString());
        Assert.Equal("My own note", Assert.Single(data.RootElement.GetProperty("notes").EnumerateArray()).GetProperty("text").GetString());
        Assert.Single(data.RootElement.GetProperty("consentsRecorded").EnumerateArray());
        Assert.DoesNotContain("Someone", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_HoldsTheFoundersProposedCorrections_AndNotTheAdvisorsAnswerToThem()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Proposing Own Data"));
        var founder = await cases.FounderAsync(company.Id);
        await founder.SubmitAsync(await founder.GetPageAsync("/my-company"), "#proposal-form", new Dictionary<string, string> { ["Proposal.Message"] = "We moved to Lund in May." });
        await cases.DbAsync(async db =>
        {
            var correction = await db.CompanyCorrections.SingleAsync(c => c.CompanyId == company.Id);
            correction.Answer(CorrectionStatus.Resolved, "Thanks, the advisor's own words.", new Actor("advisor-elsewhere", "Advisor Elsewhere"), DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });

        var response = await founder.SubmitAsync(await founder.GetPageAsync("/Identity/Account/Manage/PersonalData"), "#download-personal-data");

        var json = await response.Content.ReadAsStringAsync();
        using var data = JsonDocument.Parse(json);
        var proposal = Assert.Single(data.RootElement.GetProperty("profileCorrections").EnumerateArray());
        Assert.Equal(("We moved to Lund in May.", "Resolved"), (proposal.GetProperty("proposal").GetString(), proposal.GetProperty("status").GetString()));
        Assert.DoesNotContain("the advisor's own words", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_HoldsTheFoundersAnswerOnWhatCameOfAReferral()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Answering Own Data"));
        var referral = await cases.ReferralAsync(await cases.NeedAsync(company));
        var founder = await cases.FounderAsync(company.Id);
        var page = await founder.GetPageAsync($"/my-requests/referrals/{referral.Id}");
        (await founder.SubmitAsync(page, "#confirm-form", new Dictionary<string, string>
        {
            ["Confirmation.Answer"] = nameof(FounderConfirmation.NobodyContacted),
            ["Confirmation.Comment"] = "Still waiting for the call.",
        })).AssertRedirectsTo($"/my-requests/referrals/{referral.Id}");

        var response = await founder.SubmitAsync(await founder.GetPageAsync("/Identity/Account/Manage/PersonalData"), "#download-personal-data");

        using var data = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var answer = Assert.Single(data.RootElement.GetProperty("referralAnswers").EnumerateArray());
        Assert.Equal(
            (referral.Id, "founderConfirmation", "NobodyContacted", "Still waiting for the call."),
            (answer.GetProperty("referralId").GetInt32(), answer.GetProperty("kind").GetString(), answer.GetProperty("answer").GetString(), answer.GetProperty("comment").GetString()));
    }

    /// <summary>
    /// Every column that ties a record to a person's account is reviewed here for the download and for deletion:
    /// a new one fails this test until its row says how both treat it (issue 11 item 5, GDPR Art. 15, 17 and 20).
    /// </summary>
    [Fact]
    public void EveryColumnNamingAnAccount_IsCoveredByTheDownloadAndByDeletion()
    {
        Dictionary<string, string> reviewed = new()
        {
            ["AuditEntry.UserId"] = "deletion replaces the name; the audit log is the organisation's record, not downloaded",
            ["CompanyAdvisor.UserId"] = "an assignment: deleted with the account (foreign key), the companies are the incubator's",
            ["ConsentRecord.RecordedByUserId"] = "download: consentsRecorded; deletion: name replaced",
            ["CompanyNote.AuthorUserId"] = "download: notes; deletion: name replaced",
            ["CompanyCorrection.ProposedByUserId"] = "download: profileCorrections; deletion: name replaced",
            ["CompanyCorrection.AnsweredByUserId"] = "download: profileCorrections; deletion: name replaced",
            ["CorrectionRequest.SubmittedByUserId"] = "download: correctionsReported; deletion: name and address removed",
            ["GapSnapshot.SavedByUserId"] = "download: gapSnapshotsSaved; deletion: name replaced",
            ["Need.LoggedByUserId"] = "download: requests and needsLogged; deletion: name replaced",
            ["NeedStatusChange.ChangedByUserId"] = "download: statusChanges; deletion: name replaced",
            ["OrganisationMerge.MergedByUserId"] = "download: organisationMerges; deletion: name replaced",
            ["PartnershipStatusChange.ChangedByUserId"] = "download: statusChanges; deletion: name replaced",
            ["Offer.LastReviewedByUserId"] = "download: offersReviewed; deletion: address removed (the HSDS assurer_email, ADR 1934), the review kept",
            ["Referral.SentByUserId"] = "download: referrals; deletion: name replaced",
            ["Referral.AnsweredByUserId"] = "download: referrals; deletion: name replaced",
            ["Referral.CompletedByUserId"] = "download: referrals; deletion: name replaced",
            ["Referral.FounderConfirmedByUserId"] = "download: referralAnswers (founderConfirmation); deletion: name replaced",
            ["Referral.FounderFollowUpByUserId"] = "download: referralAnswers (founderFollowUp); deletion: name replaced",
            ["Referral.AdvisorFollowUpByUserId"] = "download: referralAnswers (advisorFollowUp); deletion: name replaced",
            ["ShortlistItem.UserId"] = "download: shortlist; deleted with the account",
            ["SavedSearch.UserId"] = "download: savedSearches; deleted with the account (ADR 1760)",
        };
        var columns = cases.Portal.Services.CreateScope().ServiceProvider.GetRequiredService<Core.Data.AppDbContext>().Model.GetEntityTypes()
            .Where(t => !t.IsOwned() && t.ClrType.Namespace!.StartsWith("MediconGlobal.", StringComparison.Ordinal))
            .SelectMany(t => t.GetProperties().Where(p => p.Name.EndsWith("UserId", StringComparison.Ordinal)).Select(p => $"{t.ClrType.Name}.{p.Name}"))
            .Distinct()
            .Order()
            .ToList();

        Assert.True(columns.Except(reviewed.Keys).ToList() is [], "Not reviewed: " + string.Join(", ", columns.Except(reviewed.Keys)));
        Assert.True(reviewed.Keys.Except(columns).ToList() is [], "No longer in the model: " + string.Join(", ", reviewed.Keys.Except(columns)));
    }

    [Fact]
    public async Task Delete_KeepsTheFoundersRequest_AttributedToDeletedUser_AndRemovesTheirNameAndAddressEverywhere()
    {
        var company = await cases.CompanyAsync(CasePortal.Unique("Leaving Founder"));
        var email = $"leaving-{Guid.NewGuid():N}@test.example";
        await cases.Portal.CreateUserAsync(email, Roles.Startup, companyId: company.Id);
        var founder = cases.Portal.CreatePortalClient();
        await founder.SignInAsync(email, PortalFactory.Password);
        var profile = await founder.GetPageAsync("/Identity/Account/Manage");
        await founder.SubmitAsync(profile, "#profile", new Dictionary<string, string> { ["Input.DisplayName"] = "Lotta Leaving" });
        var categoryId = await cases.DbAsync(db => db.TaxonomyTerms.Where(t => t.Kind == TaxonomyKind.SupportCategory).Select(t => t.Id).FirstAsync());
        var request = await founder.GetPageAsync("/my-requests/new");
        (await founder.SubmitAsync(request, "#request-form", new Dictionary<string, string> { ["Input.CategoryId"] = categoryId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Description"] = "Help with a CE marking plan." }))
            .AssertRedirectsTo("/my-requests");
        var userId = await cases.DbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

        var form = await founder.GetPageAsync("/Identity/Account/Manage/DeletePersonalData");
        Assert.Contains("attributed to “deleted user”", form.Text(), StringComparison.Ordinal);
        var response = await founder.SubmitAsync(form, "#delete-user", new Dictionary<string, string> { ["Input.Password"] = PortalFactory.Password });

        response.AssertRedirectsTo("/");
        Assert.Contains("deleted user", (await founder.GetPageAsync("/")).Text(), StringComparison.Ordinal);
        Assert.False(await cases.DbAsync(db => db.Users.AnyAsync(u => u.Id == userId)));
        var need = await cases.DbAsync(db => db.Needs.AsNoTracking().SingleAsync(n => n.CompanyId == company.Id));
        Assert.Equal(("Help with a CE marking plan.", AccountDeletion.DeletedUserName, AccountDeletion.DeletedUserName), (need.Description, need.LoggedByName, need.CreatedBy));
        var audit = await cases.DbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.UserId == userId || a.EntityId == userId || a.EntityId == need.Id.ToString()).ToListAsync());
        Assert.NotEmpty(audit);
        Assert.All(audit, a => Assert.DoesNotContain(email, a.UserName + a.Changes, StringComparison.OrdinalIgnoreCase));
        Assert.All(audit, a => Assert.DoesNotContain("Lotta Leaving", a.UserName + a.Changes, StringComparison.Ordinal));
    }

    /// <summary>
    /// A partner's "Mark as reviewed" records them as the offer's reviewer with their address, which HSDS publishes as
    /// <c>assurer_email</c> (ADR 1934): the download lists the offer; deleting the account removes the address and keeps the review.
    /// </summary>
    [Fact]
    public async Task Download_HoldsTheOffersThePartnerReviewed_AndDeletionRemovesTheirAddressFromThem()
    {
        var email = $"reviewer-{Guid.NewGuid():N}@test.example";
        var partner = await cases.Portal.SignedInClientAsync(email, Roles.PartnerStaff, Core.Data.Seed.OrganisationSeed.InnovationSkane);
        var offerName = CasePortal.Unique("Reviewed desk");
        var offerId = await cases.DbAsync(async db => (await MediconGlobal.Testing.CatalogueBuilder.AddOfferAsync(db, offerName)).Id);
        var overview = await partner.GetPageAsync("/partner");
        (await partner.SubmitAsync(overview, $"form[action='/partner/offers/{offerId}/edit?handler=Reviewed']")).AssertRedirectsTo("/partner");

        var download = await partner.SubmitAsync(await partner.GetPageAsync("/Identity/Account/Manage/PersonalData"), "#download-personal-data");
        using (var data = JsonDocument.Parse(await download.Content.ReadAsStringAsync()))
        {
            var review = Assert.Single(data.RootElement.GetProperty("offersReviewed").EnumerateArray());
            Assert.Equal((offerId, offerName, email), (review.GetProperty("offerId").GetInt32(), review.GetProperty("offer").GetString(), review.GetProperty("reviewerEmail").GetString()));
        }

        var form = await partner.GetPageAsync("/Identity/Account/Manage/DeletePersonalData");
        (await partner.SubmitAsync(form, "#delete-user", new Dictionary<string, string> { ["Input.Password"] = PortalFactory.Password })).AssertRedirectsTo("/");

        var offer = await cases.DbAsync(db => db.Offers.AsNoTracking().Where(o => o.Id == offerId).Select(o => new { o.LastReviewedByEmail, o.LastReviewedByUserId }).SingleAsync());
        Assert.Null(offer.LastReviewedByEmail);
        Assert.NotNull(offer.LastReviewedByUserId);
    }

    [Fact]
    public async Task Delete_WrongPassword_SaysSo_AndDeletesNothing()
    {
        var email = $"staying-{Guid.NewGuid():N}@test.example";
        var client = await cases.Portal.SignedInClientAsync(email, Roles.Advisor, "smile");
        var form = await client.GetPageAsync("/Identity/Account/Manage/DeletePersonalData");

        var response = await client.SubmitAsync(form, "#delete-user", new Dictionary<string, string> { ["Input.Password"] = "not my password at all" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter your current password to delete your account.", (await response.ParseBodyAsync()).ValidationMessages());
        Assert.True(await cases.DbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }
}
