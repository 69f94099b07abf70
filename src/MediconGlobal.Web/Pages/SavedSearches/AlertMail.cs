using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Notifications;
using MediconGlobal.Web.Infrastructure.Localisation;
using MediconGlobal.Web.Infrastructure.Mail;
using MediconGlobal.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.SavedSearches;

/// <summary>
/// The alert e-mail of a saved search (issue 17 item 2, ADR 1760): the offers that were published or changed and match
/// it, linked from <c>Portal:PublicUrl</c>, in the founder's language (<see cref="MailCulture"/>), with a one-click
/// unsubscribe link (RFC 8058) that carries the search's secret token, never its id.
/// </summary>
public sealed class AlertMail(AppDbContext db, MailLinks links, MailCulture culture, IStringLocalizer<SharedResource> t)
{
    /// <summary>The one e-mail about <paramref name="offerIds"/> for saved search <paramref name="savedSearchId"/>; none when the search or its owner's address is gone.</summary>
    public async Task<IReadOnlyList<OutgoingMail>> MatchesAsync(int savedSearchId, IReadOnlyCollection<int> offerIds, CancellationToken cancellationToken)
    {
        var search = await db.SavedSearches.AsNoTracking().Where(s => s.Id == savedSearchId)
            .Select(s => new { s.UserId, s.Name, s.Kind, s.Criteria, s.Frequency, s.UnsubscribeToken })
            .FirstOrDefaultAsync(cancellationToken);
        var to = search is null ? null : await db.Users.Where(u => u.Id == search.UserId && u.Email != null).Select(MailCulture.Recipient).FirstOrDefaultAsync(cancellationToken);
        if (search is null || to is null)
        {
            return [];
        }

        var offers = await db.Offers.AsNoTracking().Where(o => offerIds.Contains(o.Id))
            .OrderByName(o => o.Name, db).ThenBy(o => o.Id)
            .Select(o => new { o.Id, o.Name, Provider = o.Provider!.Name })
            .ToListAsync(cancellationToken);
        var list = string.Join("\n", offers.Select(o => $"- {o.Name} ({o.Provider}): {links.Page("/Offers/Details", new { id = o.Id })}"));
        var unsubscribe = links.Page("/SavedSearches/Unsubscribe", new { token = search.UnsubscribeToken });
        return
        [
            culture.Compose(to, () => new OutgoingMail(
                to.Email,
                t.Count(offers.Count, "A new offer matches your saved search “{1}”", "{0} new offers match your saved search “{1}”", search.Name),
                t["These offers were published or changed in the MediconGlobal catalogue and match your saved search “{0}”:\n\n{1}\n\nSee everything the search finds: {2}\n\nYou get this e-mail because you asked for alerts for this search ({3}). Change or delete your saved searches: {4}\n\nStop these e-mails with one click: {5}",
                    search.Name, list, links.Page(SavedSearchPages.Of(search.Kind), query: search.Criteria), t[SavedSearchLabels.Short(search.Frequency)].Value, links.Page("/SavedSearches/Index"), unsubscribe],
                unsubscribe)),
        ];
    }
}
