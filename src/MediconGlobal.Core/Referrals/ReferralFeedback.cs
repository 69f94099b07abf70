using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Referrals;

/// <summary>
/// The two answers that close the loop of a referral (issue 19 items 3 and 4): the founder's "I got help" / "nobody
/// contacted me" (ADR 1776) and the follow-up after completion, answered by the referring side's advisors and by the
/// company's founders (ADR 1777). Each loads the referral through the viewer's scope (another company's or
/// organisation's referral is not found), checks who may answer, and saves against the version the person saw.
/// </summary>
public sealed class ReferralFeedback(AppDbContext db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>A founder (role Startup) of the referred company: the only people who confirm for the company.</summary>
    public static bool IsFounderOf(Viewer viewer, int companyId)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.IsInRole(Roles.Startup) && viewer.CompanyId == companyId;
    }

    /// <summary>The referrals a founder sees: those made for their own company (none for anyone else).</summary>
    public static IQueryable<Referral> OfFoundersCompany(IQueryable<Referral> referrals, Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var companyId = viewer.IsInRole(Roles.Startup) ? viewer.CompanyId : null;
        return referrals.VisibleTo(viewer).Where(r => companyId != null && r.Need!.CompanyId == companyId);
    }

    /// <summary>The founder says whether they got help; a later answer replaces the earlier one (the audit keeps both).</summary>
    public async Task<CommandResult> ConfirmByFounderAsync(Viewer viewer, int id, int version, FounderConfirmation confirmation, string? comment, Actor actor, CancellationToken cancellationToken = default)
    {
        var referral = await OfFoundersCompany(db.Referrals, viewer).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return await db.SaveVersionedAsync(referral, version, r => r.ConfirmByFounder(confirmation, comment, actor, Now), cancellationToken);
    }

    /// <summary>
    /// One side answers the follow-up of a completed referral: a founder of the company for the founder's side, an
    /// advisor who may complete the referral (<see cref="ReferralWorkflow.IsSender"/>) for the advisor's side.
    /// </summary>
    public async Task<CommandResult> AnswerFollowUpAsync(Viewer viewer, int id, int version, FollowUpResults results, string? comment, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var referral = await db.Referrals.VisibleTo(viewer).Include(r => r.Need).ThenInclude(n => n!.Company)
            .FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (referral is null)
        {
            return CommandResult.NotFound;
        }

        if (RespondentOf(viewer, referral.Need!.CompanyId, referral.SentByUserId, referral.Need.Company!.HomeIncubatorId) is not { } side)
        {
            return CommandResult.Refused("Only the referring organisation's advisors and the company's founders answer the follow-up.");
        }

        return await db.SaveVersionedAsync(referral, version, r => r.AnswerFollowUp(side, results, comment, actor, Now), cancellationToken);
    }

    /// <summary>Which side of the follow-up <paramref name="viewer"/> answers for, if any.</summary>
    public static FollowUpRespondent? RespondentOf(Viewer viewer, int companyId, string sentByUserId, int? homeIncubatorId) =>
        IsFounderOf(viewer, companyId) ? FollowUpRespondent.Founder
        : ReferralWorkflow.IsSender(viewer, sentByUserId, homeIncubatorId) ? FollowUpRespondent.Advisor
        : null;
}
