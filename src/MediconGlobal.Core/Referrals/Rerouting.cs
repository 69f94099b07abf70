using System.Globalization;
using MediconGlobal.Core.Clients;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Referrals;

/// <summary>
/// Re-routing a referral nobody answered (issue 19 item 2, ADR 1762): once it waits past twice its receiver's promise,
/// the advisors who may complete it see the next matching offers — the need's suggestions by the one matching rule
/// (<see cref="NeedSuggestions"/>), without the offers of the organisation that did not answer and without offers this
/// need was already referred to — and in one version-checked step close it as "no answer"
/// (<see cref="ReferralStatus.Unanswered"/>) and send the need to the chosen offer (<see cref="Need.Reroute"/>).
/// </summary>
public sealed class Rerouting(AppDbContext db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The offers the need may go to instead of <paramref name="unansweredReceiverId"/>'s, best first.</summary>
    public static async Task<IReadOnlyList<Suggestion>> OptionsAsync(AppDbContext db, int needId, int unansweredReceiverId, DateTime now, CultureInfo? language = null, CancellationToken cancellationToken = default)
    {
        var suggestions = await NeedSuggestions.LoadAsync(db, needId, now, language, cancellationToken: cancellationToken);
        if (suggestions is null)
        {
            return [];
        }

        var referredBefore = await db.Referrals.AsNoTracking().Where(r => r.NeedId == needId && r.OfferId != null).Select(r => r.OfferId!.Value).ToListAsync(cancellationToken);
        return [.. suggestions.Offers.Where(o => o.ProviderId != unansweredReceiverId && !referredBefore.Contains(o.OfferId))];
    }

    /// <summary>
    /// Closes referral <paramref name="referralId"/> (seen at <paramref name="version"/>) as not answered and refers its
    /// need to <paramref name="offerId"/>, which must be one of <see cref="OptionsAsync"/>. <paramref name="emailTo"/>:
    /// where the new referral also goes when nobody at the new provider answers in the portal. The result's id is the
    /// new referral's. Refused before twice the promise, for anyone but the referring organisation's advisors, and for
    /// an offer that is not an option (any more).
    /// </summary>
    public async Task<CommandResult> RerouteAsync(Viewer viewer, int referralId, int version, int offerId, string? message, Actor actor, string? emailTo = null, CancellationToken cancellationToken = default)
    {
        var referral = await db.Referrals.VisibleTo(viewer)
            .Include(r => r.ReceivingOrganisation)
            .Include(r => r.Need).ThenInclude(n => n!.Company)
            .Include(r => r.Need).ThenInclude(n => n!.Referrals)
            .FirstOrDefaultAsync(r => r.Id == referralId, cancellationToken);
        if (referral is null)
        {
            return CommandResult.NotFound;
        }

        if (!ReferralWorkflow.IsSender(viewer, referral.SentByUserId, referral.Need!.Company!.HomeIncubatorId))
        {
            return CommandResult.Refused("Only the referring organisation's advisors can re-route a referral.");
        }

        Referral? next = null;
        var saved = await db.SaveVersionedAsync(referral, version, async r =>
        {
            var options = await OptionsAsync(db, r.NeedId, r.ReceivingOrganisationId, Now, cancellationToken: cancellationToken);
            var offer = options.Any(o => o.OfferId == offerId)
                ? await db.Offers.Include(o => o.Provider).FirstOrDefaultAsync(o => o.Id == offerId, cancellationToken)
                : null;
            if (offer is null)
            {
                throw new DomainRuleException("That offer is not one of the next matching offers (any more). Pick one of those shown.");
            }

            var due = await ResponsePromises.DueAsync(db, offer.Provider!, Now, cancellationToken);
            next = r.Need!.Reroute(r, offer, string.IsNullOrWhiteSpace(message) ? null : message.Trim(), due, actor, Now);
            next.IsFictional = r.Need.IsFictional;
            if (emailTo is not null)
            {
                next.SendByEmailTo(emailTo);
            }
        }, cancellationToken);
        return saved.IsDone ? CommandResult.Done(next!.Id) : saved;
    }
}
