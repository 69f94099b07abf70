using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Accounts;

/// <summary>
/// Everything the portal holds about one person and what they recorded, for their "download my data" (GDPR
/// Art. 15 and 20; issue 11 item 5): the account, the requests, needs, notes, consents, status changes,
/// referral steps, their answers on what came of referrals, the offers they last reviewed, corrections of offers and of company profiles, organisation merges and snapshots attributed to
/// them, their shortlist and their saved searches. Records are found by the
/// user id stored on them, so only the person's own work is included.
/// </summary>
public static class PersonalDataExport
{
    /// <summary>The person's data as one object ready for JSON, or null when there is no such user.</summary>
    public static async Task<PersonalData?> BuildAsync(AppDbContext db, string userId, DateTime exportedAt, CancellationToken cancellationToken = default)
    {
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new PersonalAccount(
                u.Id,
                u.Email,
                u.DisplayName,
                u.EmailConfirmed,
                u.TwoFactorEnabled,
                u.CreatedAt,
                db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
                u.Organisation != null ? u.Organisation.Name : null,
                u.Company != null ? u.Company.Name : null))
            .FirstOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return null;
        }

        var needs = await db.Needs.AsNoTracking().Where(n => n.LoggedByUserId == userId)
            .OrderBy(n => n.LoggedAt)
            .Select(n => new PersonalNeed(n.Id, n.Company!.Name, n.Category!.Name, n.Market != null ? n.Market.Name : null, n.Description, n.Priority.ToString(), n.Status.ToString(), n.RequestedByCompany, n.LoggedAt, n.ClosedAt, n.ClosingNote))
            .ToListAsync(cancellationToken);
        var needSteps = await db.NeedStatusChanges.AsNoTracking().Where(c => c.ChangedByUserId == userId)
            .OrderBy(c => c.ChangedAt)
            .Select(c => new PersonalStep("need", c.NeedId, c.From.HasValue ? c.From.Value.ToString() : null, c.To.ToString(), c.Note, c.ChangedAt))
            .ToListAsync(cancellationToken);
        var partnershipSteps = await db.PartnershipStatusChanges.AsNoTracking().Where(c => c.ChangedByUserId == userId)
            .OrderBy(c => c.ChangedAt)
            .Select(c => new PersonalStep("organisation", c.OrganisationId, c.From.HasValue ? c.From.Value.ToString() : null, c.To.ToString(), c.Note, c.ChangedAt))
            .ToListAsync(cancellationToken);
        var referrals = await db.Referrals.AsNoTracking()
            .Where(r => r.SentByUserId == userId || r.AnsweredByUserId == userId || r.CompletedByUserId == userId)
            .OrderBy(r => r.Id)
            .Select(r => new PersonalReferral(
                r.Id, r.NeedId, r.ReceivingOrganisation!.Name, r.Status.ToString(),
                r.SentByUserId == userId ? r.Message : null, r.SentByUserId == userId ? r.SentAt : null,
                r.AnsweredByUserId == userId ? r.Answer : null, r.AnsweredByUserId == userId ? r.AnsweredAt : null,
                r.CompletedByUserId == userId ? r.Outcome : null, r.CompletedByUserId == userId ? r.Feedback : null, r.CompletedByUserId == userId ? r.CompletedAt : null))
            .ToListAsync(cancellationToken);
        var founderAnswers = await db.Referrals.AsNoTracking().Where(r => r.FounderConfirmedByUserId == userId)
            .OrderBy(r => r.FounderConfirmedAt)
            .Select(r => new PersonalReferralAnswer(r.Id, r.ReceivingOrganisation!.Name, "founderConfirmation", r.FounderConfirmation.ToString()!, r.FounderComment, r.FounderConfirmedAt!.Value))
            .ToListAsync(cancellationToken);
        var followUps = await db.Referrals.AsNoTracking().Where(r => r.FounderFollowUpByUserId == userId || r.AdvisorFollowUpByUserId == userId)
            .OrderBy(r => r.Id)
            .Select(r => r.FounderFollowUpByUserId == userId
                ? new PersonalReferralAnswer(r.Id, r.ReceivingOrganisation!.Name, "founderFollowUp", r.FounderFollowUp.ToString()!, r.FounderFollowUpComment, r.FounderFollowUpAt!.Value)
                : new PersonalReferralAnswer(r.Id, r.ReceivingOrganisation!.Name, "advisorFollowUp", r.AdvisorFollowUp.ToString()!, r.AdvisorFollowUpComment, r.AdvisorFollowUpAt!.Value))
            .ToListAsync(cancellationToken);
        var notes = await db.CompanyNotes.AsNoTracking().Where(n => n.AuthorUserId == userId)
            .OrderBy(n => n.CreatedAt)
            .Select(n => new PersonalNote(n.Id, db.Companies.Where(c => c.Id == n.CompanyId).Select(c => c.Name).First(), n.Text, n.CreatedAt))
            .ToListAsync(cancellationToken);
        var consents = await db.ConsentRecords.AsNoTracking().Where(c => c.RecordedByUserId == userId)
            .OrderBy(c => c.RecordedAt)
            .Select(c => new PersonalConsent(c.Id, c.Company!.Name, c.Given, c.Purpose, c.RecordedAt))
            .ToListAsync(cancellationToken);
        var corrections = await db.CorrectionRequests.AsNoTracking().Where(c => c.SubmittedByUserId == userId)
            .OrderBy(c => c.SubmittedAt)
            .Select(c => new PersonalCorrection(c.Id, c.Offer!.Name, c.Message, c.ReporterName, c.ReporterEmail, c.SubmittedAt, c.Status.ToString(), c.Response))
            .ToListAsync(cancellationToken);
        var snapshots = await db.GapSnapshots.AsNoTracking().Where(s => s.SavedByUserId == userId)
            .OrderBy(s => s.SavedAt)
            .Select(s => new PersonalSnapshot(s.Id, s.Title, s.Comment, s.SavedAt))
            .ToListAsync(cancellationToken);
        var profileCorrections = await db.CompanyCorrections.AsNoTracking().Where(c => c.ProposedByUserId == userId || c.AnsweredByUserId == userId)
            .OrderBy(c => c.ProposedAt)
            .Select(c => new PersonalProfileCorrection(
                c.Id, c.Company!.Name, c.ProposedByUserId == userId ? c.Message : null, c.ProposedByUserId == userId ? c.ProposedAt : null, c.Status.ToString(),
                c.AnsweredByUserId == userId ? c.Response : null, c.AnsweredByUserId == userId ? c.AnsweredAt : null))
            .ToListAsync(cancellationToken);
        var merges = await db.OrganisationMerges.AsNoTracking().Where(m => m.MergedByUserId == userId)
            .OrderBy(m => m.MergedAt)
            .Select(m => new PersonalMerge(m.SurvivorId, m.MergedId, m.MergedName, m.MergedAt))
            .ToListAsync(cancellationToken);
        var reviews = await db.Offers.AsNoTracking().Where(o => o.LastReviewedByUserId == userId)
            .OrderBy(o => o.LastReviewedAt)
            .Select(o => new PersonalOfferReview(o.Id, o.Name, o.LastReviewedByEmail, o.LastReviewedAt))
            .ToListAsync(cancellationToken);
        var shortlist = await db.ShortlistItems.AsNoTracking().Where(s => s.UserId == userId)
            .OrderBy(s => s.AddedAt)
            .Select(s => new PersonalShortlistItem(s.OfferId, s.Offer!.Name, s.AddedAt))
            .ToListAsync(cancellationToken);
        var savedSearches = await db.SavedSearches.AsNoTracking().Where(s => s.UserId == userId)
            .OrderBy(s => s.SavedAt)
            .Select(s => new PersonalSavedSearch(s.Id, s.Name, s.Kind.ToString(), s.Criteria, s.Frequency.ToString(), s.SavedAt))
            .ToListAsync(cancellationToken);

        return new PersonalData(
            exportedAt,
            account,
            needs.Where(n => n.RequestedByYourCompany).ToList(),
            needs.Where(n => !n.RequestedByYourCompany).ToList(),
            needSteps.Concat(partnershipSteps).ToList(),
            referrals,
            notes,
            consents,
            corrections,
            snapshots,
            shortlist,
            savedSearches,
            profileCorrections,
            merges,
            founderAnswers.Concat(followUps).ToList(),
            reviews);
    }
}

/// <summary>A correction of a company profile the person proposed (as a founder) or answered (as an advisor): only the parts they wrote are filled in.</summary>
public sealed record PersonalProfileCorrection(int Id, string Company, string? Proposal, DateTime? ProposedAtUtc, string Status, string? AnswerGiven, DateTime? AnsweredAtUtc);

/// <summary>A merge of duplicate organisations the person carried out (an administrator's or project manager's work).</summary>
public sealed record PersonalMerge(int SurvivorId, int MergedId, string MergedName, DateTime MergedAtUtc);

/// <summary>The download: times are UTC; "requests" are needs the person asked for as a founder, "needsLogged" those they logged as staff.</summary>
public sealed record PersonalData(
    DateTime ExportedAtUtc,
    PersonalAccount Account,
    IReadOnlyList<PersonalNeed> Requests,
    IReadOnlyList<PersonalNeed> NeedsLogged,
    IReadOnlyList<PersonalStep> StatusChanges,
    IReadOnlyList<PersonalReferral> Referrals,
    IReadOnlyList<PersonalNote> Notes,
    IReadOnlyList<PersonalConsent> ConsentsRecorded,
    IReadOnlyList<PersonalCorrection> CorrectionsReported,
    IReadOnlyList<PersonalSnapshot> GapSnapshotsSaved,
    IReadOnlyList<PersonalShortlistItem> Shortlist,
    IReadOnlyList<PersonalSavedSearch> SavedSearches,
    IReadOnlyList<PersonalProfileCorrection> ProfileCorrections,
    IReadOnlyList<PersonalMerge> OrganisationMerges,
    IReadOnlyList<PersonalReferralAnswer> ReferralAnswers,
    IReadOnlyList<PersonalOfferReview> OffersReviewed);

/// <summary>
/// An offer whose latest review (confirmed as correct, or saved) is the person's (ADR 1934): the address is the one
/// recorded at the time, which the HSDS export publishes as <c>assurer_email</c>. Only the latest review is kept.
/// </summary>
public sealed record PersonalOfferReview(int OfferId, string Offer, string? ReviewerEmail, DateTime ReviewedAtUtc);

/// <summary>
/// An answer the person gave about a referral's result (issue 19 items 3 and 8, ADR 1776–1777): <c>Kind</c> is
/// "founderConfirmation" (got help / nobody contacted), "founderFollowUp" or "advisorFollowUp" (the results, as the
/// stored flag names); the comment is their own words.
/// </summary>
public sealed record PersonalReferralAnswer(int ReferralId, string ReceivingOrganisation, string Kind, string Answer, string? Comment, DateTime AnsweredAtUtc);

public sealed record PersonalAccount(string Id, string? Email, string DisplayName, bool EmailConfirmed, bool TwoFactorEnabled, DateTime CreatedAtUtc, IReadOnlyList<string> Roles, string? Organisation, string? Company);

public sealed record PersonalNeed(int Id, string Company, string Category, string? Market, string Description, string Priority, string Status, bool RequestedByYourCompany, DateTime LoggedAtUtc, DateTime? ClosedAtUtc, string? ClosingNote);

public sealed record PersonalStep(string RecordKind, int RecordId, string? From, string To, string? Note, DateTime ChangedAtUtc);

/// <summary>A referral step the person took: only the parts they wrote are filled in.</summary>
public sealed record PersonalReferral(int Id, int NeedId, string ReceivingOrganisation, string Status, string? MessageSent, DateTime? SentAtUtc, string? AnswerGiven, DateTime? AnsweredAtUtc, string? Outcome, string? Feedback, DateTime? CompletedAtUtc);

public sealed record PersonalNote(int Id, string Company, string Text, DateTime CreatedAtUtc);

public sealed record PersonalConsent(int Id, string Company, bool Given, string Purpose, DateTime RecordedAtUtc);

public sealed record PersonalCorrection(int Id, string Offer, string Message, string? ReporterName, string? ReporterEmail, DateTime SubmittedAtUtc, string Status, string? Response);

public sealed record PersonalSnapshot(int Id, string Title, string? Comment, DateTime SavedAtUtc);

public sealed record PersonalShortlistItem(int OfferId, string Offer, DateTime AddedAtUtc);

/// <summary>A saved search: <c>Criteria</c> is its page's query string, <c>Frequency</c> how often it is e-mailed (ADR 1760).</summary>
public sealed record PersonalSavedSearch(int Id, string Name, string Kind, string Criteria, string Frequency, DateTime SavedAtUtc);
