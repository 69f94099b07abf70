using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Referrals;

/// <summary>
/// The receiving side accepts or declines a referral; the advisor completes it with an outcome. Only staff of
/// the receiving organisation may answer and only the referring organisation's advisors may complete; the
/// referral entity itself refuses steps out of order.
/// </summary>
public sealed class ReferralWorkflow(AppDbContext db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<CommandResult> AcceptAsync(Viewer viewer, int id, int version, string? answer, Actor actor, CancellationToken cancellationToken = default) =>
        AnswerAsync(viewer, id, version, r => r.Accept(Trimmed(answer), actor, Now), cancellationToken);

    public Task<CommandResult> DeclineAsync(Viewer viewer, int id, int version, string reason, Actor actor, CancellationToken cancellationToken = default) =>
        AnswerAsync(viewer, id, version, r => r.Decline(reason.Trim(), actor, Now), cancellationToken);

    /// <summary>Staff of the receiving organisation answer a referral (accept or decline).</summary>
    public static bool IsReceiver(Viewer viewer, int receivingOrganisationId) =>
        viewer.IsInRole(Roles.PartnerStaff) && viewer.OrganisationId == receivingOrganisationId;

    /// <summary>The advisor who sent it, or an advisor of the company's home incubator, completes a referral.</summary>
    public static bool IsSender(Viewer viewer, string sentByUserId, int? homeIncubatorId) =>
        viewer.IsInRole(Roles.Advisor) && (viewer.UserId == sentByUserId || (viewer.OrganisationId is { } org && org == homeIncubatorId));

    /// <summary>Completes an accepted referral with its outcome and, when asked, marks the need met in the same save.</summary>
    public async Task<CommandResult> CompleteAsync(Viewer viewer, int id, int version, string outcome, string? feedback, bool needIsMet, Actor actor, CancellationToken cancellationToken = default)
    {
        var referral = await db.Referrals.VisibleTo(viewer).Include(r => r.Need).ThenInclude(n => n!.Company).Include(r => r.ReceivingOrganisation)
            .FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (referral is null)
        {
            return CommandResult.NotFound;
        }

        if (!IsSender(viewer, referral.SentByUserId, referral.Need!.Company!.HomeIncubatorId))
        {
            return CommandResult.Refused("Only the referring organisation's advisors can complete a referral.");
        }

        return await db.SaveVersionedAsync(referral, version, r =>
        {
            r.Complete(outcome.Trim(), Trimmed(feedback), actor, Now);
            if (needIsMet && r.Need!.CanMoveTo(NeedStatus.Met))
            {
                r.Need.MarkMet($"Met through the referral to {r.ReceivingOrganisation!.Name}.", actor, Now);
            }
        }, cancellationToken);
    }

    private async Task<CommandResult> AnswerAsync(Viewer viewer, int id, int version, Action<Referral> answer, CancellationToken cancellationToken)
    {
        var referral = await db.Referrals.VisibleTo(viewer).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (referral is null)
        {
            return CommandResult.NotFound;
        }

        if (!IsReceiver(viewer, referral.ReceivingOrganisationId))
        {
            return CommandResult.Refused("Only staff of the receiving organisation can accept or decline a referral.");
        }

        return await db.SaveVersionedAsync(referral, version, answer, cancellationToken);
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
