using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Matching;
using MediconGlobal.Core.Referrals;
using MediconGlobal.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Clients;

/// <summary>What a new need says. <see cref="RequestedOfferId"/> is the offer a founder asked about, if any.</summary>
public sealed record NewNeed(int CategoryId, int? MarketId, string Description, NeedPriority Priority, bool RequestedByCompany = false, int? RequestedOfferId = null);

/// <summary>
/// The steps of a need's life as the pages call them: log it, change its status, refer it to a matching
/// offer, or close it as unmet / not available when nothing matches. Each step loads the need through the
/// viewer's data scope (another organisation's need is "not found"), checks the version the user saw, lets the
/// entity enforce its transitions and saves.
/// </summary>
public sealed class NeedWorkflow(AppDbContext db, TimeProvider clock)
{
    public const string NoMatchNote = "No matching offer exists in the catalogue.";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<CommandResult> LogAsync(Viewer viewer, int companyId, NewNeed input, Actor actor, CancellationToken cancellationToken = default)
    {
        var company = await db.Companies.VisibleTo(viewer).FirstOrDefaultAsync(c => c.Id == companyId, cancellationToken);
        if (company is null)
        {
            return CommandResult.NotFound;
        }

        var category = await db.TaxonomyTerms.FirstOrDefaultAsync(t => t.Id == input.CategoryId && t.Kind == TaxonomyKind.SupportCategory, cancellationToken);
        var market = input.MarketId is { } marketId
            ? await db.TaxonomyTerms.FirstOrDefaultAsync(t => t.Id == marketId && t.Kind == TaxonomyKind.Market, cancellationToken)
            : null;
        if (category is null || (input.MarketId is not null && market is null))
        {
            return CommandResult.Refused("Choose the kind of help and the market from the lists.");
        }

        var requestedOffer = input.RequestedOfferId is { } offerId && await db.Offers.Published().AnyAsync(o => o.Id == offerId, cancellationToken)
            ? input.RequestedOfferId
            : null;
        var need = new Need(company, category, market, input.Description.Trim(), input.Priority, actor, Now)
        {
            RequestedByCompany = input.RequestedByCompany,
            RequestedOfferId = requestedOffer,
            IsFictional = company.IsFictional,
        };
        db.Needs.Add(need);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Done(need.Id);
    }

    public async Task<CommandResult> ChangeStatusAsync(Viewer viewer, int companyId, int needId, int version, NeedStatus to, UnmetReason? reason, string? note, Actor actor, CancellationToken cancellationToken = default)
    {
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        return await db.SaveVersionedAsync(await FindAsync(viewer, companyId, needId, cancellationToken), version, need =>
        {
            switch (to)
            {
                case NeedStatus.InProgress:
                    need.StartWork(actor, Now);
                    break;
                case NeedStatus.Met:
                    need.MarkMet(note, actor, Now);
                    break;
                case NeedStatus.Unmet when reason is { } why:
                    need.MarkUnmet(why, UnmetNote(why, note), actor, Now);
                    break;
                case NeedStatus.Unmet:
                    throw new DomainRuleException("Say why the need is unmet: not available or not eligible.");
                case NeedStatus.Withdrawn:
                    need.Withdraw(note, actor, Now);
                    break;
                case NeedStatus.Open:
                    need.Reopen(note, actor, Now);
                    break;
                default:
                    throw new DomainRuleException("A need becomes referred by referring it to an offer.");
            }
        }, cancellationToken);
    }

    /// <summary>Refers the need to a matching published offer's provider; the result's id is the referral's. An offer that does not match is refused.</summary>
    /// <summary>
    /// Refers the need to a matching published offer. <paramref name="emailTo"/>: the address the referral also goes
    /// to when nobody at the provider answers in the portal (issue 11 item 7, <see cref="Referrals.ReceivingSides"/>).
    /// </summary>
    public async Task<CommandResult> ReferAsync(Viewer viewer, int companyId, int needId, int version, int offerId, string? message, Actor actor, string? emailTo = null, CancellationToken cancellationToken = default)
    {
        Referral? referral = null;
        var saved = await db.SaveVersionedAsync(await FindAsync(viewer, companyId, needId, cancellationToken, withReferrals: true), version, async need =>
        {
            var offer = await db.Offers.Include(o => o.Provider).Published().FirstOrDefaultAsync(o => o.Id == offerId, cancellationToken);
            if (offer is null || !await MatchesAsync(need.Id, db.Offers.Where(o => o.Id == offerId), cancellationToken))
            {
                throw new DomainRuleException("That offer does not match this need (any more). Pick one of the suggestions.");
            }

            var due = await ResponsePromises.DueAsync(db, offer.Provider!, Now, cancellationToken);
            referral = need.Refer(offer.Provider!, offer, string.IsNullOrWhiteSpace(message) ? null : message.Trim(), actor, Now, due);
            referral.IsFictional = need.IsFictional;
            if (emailTo is not null)
            {
                referral.SendByEmailTo(emailTo);
            }
        }, cancellationToken);
        return saved.IsDone ? CommandResult.Done(referral!.Id) : saved;
    }

    /// <summary>One step for "nothing matches": closes the need as unmet / not available, but only while no published offer matches it.</summary>
    public async Task<CommandResult> CloseAsNotAvailableAsync(Viewer viewer, int companyId, int needId, int version, Actor actor, CancellationToken cancellationToken = default) =>
        await db.SaveVersionedAsync(await FindAsync(viewer, companyId, needId, cancellationToken), version, async need =>
        {
            if (await MatchesAsync(need.Id, db.Offers.Published().Where(o => o.CategoryId == need.CategoryId), cancellationToken))
            {
                throw new DomainRuleException("A published offer matches this need now, so it is not \"not available\". Look at the suggestions first.");
            }

            need.MarkUnmet(UnmetReason.NotAvailable, UnmetNote(UnmetReason.NotAvailable, NoMatchNote), actor, Now);
        }, cancellationToken);

    /// <summary>The status-change note for an unmet need starts with the reason, so the history says why.</summary>
    public static string UnmetNote(UnmetReason reason, string? note)
    {
        var why = reason == UnmetReason.NotAvailable ? "Not available" : "Not eligible";
        return string.IsNullOrWhiteSpace(note) ? why : $"{why}: {note}";
    }

    private async Task<bool> MatchesAsync(int needId, IQueryable<Offer> offers, CancellationToken cancellationToken)
    {
        var profile = await OfferProfiles.LoadNeedAsync(db, needId, cancellationToken);
        // The display zone's default: the day a deadline passes is the ÖKS regions' day (ADR 1934).
        var rule = await OfferProfiles.LoadRuleAsync(db, OfferDay.At(Now), cancellationToken);
        return profile is not null && rule.Rank(profile, await OfferProfiles.LoadAsync(db, offers, cancellationToken)).Count > 0;
    }

    private Task<Need?> FindAsync(Viewer viewer, int companyId, int needId, CancellationToken cancellationToken, bool withReferrals = false)
    {
        var needs = db.Needs.VisibleTo(viewer).Where(n => n.Id == needId && n.CompanyId == companyId);
        return (withReferrals ? needs.Include(n => n.Referrals) : needs).FirstOrDefaultAsync(cancellationToken);
    }
}
