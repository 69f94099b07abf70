using System.Reflection;
using System.Text.Json;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Accounts;

/// <summary>
/// What deleting an account keeps and removes (issue 11 item 5; ADR 1103). The organisation must keep the work
/// done for its clients — needs, requests, referrals, notes, consents, history and the audit log — so those stay,
/// attributed to <see cref="DeletedUserName"/> instead of the person's name or e-mail address. The sign-in, the
/// profile, roles, advisor assignments, the shortlist and the saved searches (with their alert records) go with the
/// account (by cascading foreign keys).
/// </summary>
public static class AccountDeletion
{
    /// <summary>How kept records name the author once their account is deleted.</summary>
    public const string DeletedUserName = RecordedActors.DeletedUser;

    private static readonly MethodInfo AnonymiseEntityMethod =
        typeof(AccountDeletion).GetMethod(nameof(AnonymiseEntityAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>
    /// Replaces the person's name and e-mail address on every record attributed to <paramref name="userId"/>.
    /// Run it in the same transaction that deletes the user, after the delete (so the delete's own audit row is
    /// covered too). The updates go straight to the database: they are not new changes by anyone.
    /// </summary>
    public static async Task AnonymiseAsync(AppDbContext db, string userId, string? displayName, string? email, CancellationToken cancellationToken = default)
    {
        const string gone = DeletedUserName;
        await db.Needs.Where(n => n.LoggedByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(n => n.LoggedByName, gone), cancellationToken);
        await db.NeedStatusChanges.Where(c => c.ChangedByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ChangedByName, gone), cancellationToken);
        await db.PartnershipStatusChanges.Where(c => c.ChangedByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ChangedByName, gone), cancellationToken);
        await db.Referrals.Where(r => r.SentByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(r => r.SentByName, gone), cancellationToken);
        await db.Referrals.Where(r => r.AnsweredByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(r => r.AnsweredByName, gone), cancellationToken);
        await db.Referrals.Where(r => r.CompletedByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(r => r.CompletedByName, gone), cancellationToken);
        await db.Referrals.Where(r => r.FounderConfirmedByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(r => r.FounderConfirmedByName, gone), cancellationToken);
        await db.Referrals.Where(r => r.AdvisorFollowUpByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(r => r.AdvisorFollowUpByName, gone), cancellationToken);
        await db.Referrals.Where(r => r.FounderFollowUpByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(r => r.FounderFollowUpByName, gone), cancellationToken);
        await db.ConsentRecords.Where(c => c.RecordedByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(c => c.RecordedByName, gone), cancellationToken);
        await db.CompanyNotes.Where(n => n.AuthorUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(n => n.AuthorName, gone), cancellationToken);
        await db.CompanyCorrections.Where(c => c.ProposedByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ProposedByName, gone), cancellationToken);
        await db.CompanyCorrections.Where(c => c.AnsweredByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(c => c.AnsweredByName, gone), cancellationToken);
        await db.OrganisationMerges.Where(m => m.MergedByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(m => m.MergedByName, gone), cancellationToken);
        await db.GapSnapshots.Where(g => g.SavedByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(g => g.SavedByName, gone), cancellationToken);
        // The reviewer's address is published in the HSDS export (assurer_email, ADR 1934): it goes; the review stays.
        await db.Offers.Where(o => o.LastReviewedByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(o => o.LastReviewedByEmail, (string?)null), cancellationToken);
        await db.CorrectionRequests.Where(c => c.SubmittedByUserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReporterName, gone).SetProperty(c => c.ReporterEmail, (string?)null), cancellationToken);

        // Created/updated-by columns hold the user name, which is the e-mail address.
        if (!string.IsNullOrEmpty(email))
        {
            foreach (var entityType in db.Model.GetEntityTypes().Where(t => typeof(Entity).IsAssignableFrom(t.ClrType) && t.BaseType is null))
            {
                await (Task)AnonymiseEntityMethod.MakeGenericMethod(entityType.ClrType).Invoke(null, [db, email, cancellationToken])!;
            }
        }

        await db.AuditEntries.Where(a => a.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(a => a.UserName, gone), cancellationToken);

        // Old and new values in the audit log: exact JSON string values equal to the name or address.
        foreach (var value in new[] { email, displayName }.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct())
        {
            var quoted = JsonSerializer.Serialize(value);
            var replacement = JsonSerializer.Serialize(gone);
            await db.AuditEntries.Where(a => a.Changes.Contains(quoted))
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Changes, a => a.Changes.Replace(quoted, replacement)), cancellationToken);
        }
    }

    private static async Task AnonymiseEntityAsync<T>(AppDbContext db, string userName, CancellationToken cancellationToken)
        where T : Entity
    {
        await db.Set<T>().Where(e => e.CreatedBy == userName).ExecuteUpdateAsync(s => s.SetProperty(e => e.CreatedBy, DeletedUserName), cancellationToken);
        await db.Set<T>().Where(e => e.UpdatedBy == userName).ExecuteUpdateAsync(s => s.SetProperty(e => e.UpdatedBy, DeletedUserName), cancellationToken);
    }
}
