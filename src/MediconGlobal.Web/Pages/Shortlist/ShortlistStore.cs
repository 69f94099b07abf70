using System.Globalization;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Pages.Shortlist;

/// <summary>
/// The visitor's shortlist of offers: in a cookie for anonymous visitors, on the account for signed-in users.
/// Offers saved before signing in move onto the account the first time the shortlist is read after sign-in.
/// </summary>
public sealed class ShortlistStore(AppDbContext db, IHttpContextAccessor accessor, TimeProvider clock)
{
    public const string CookieName = "MediconGlobal.Shortlist";
    public const int MaxItems = 50;

    private List<int>? _ids;

    private HttpContext Http => accessor.HttpContext ?? throw new InvalidOperationException("The shortlist needs a request.");

    private string? UserId => Http.User.Identity?.IsAuthenticated == true ? Http.User.GetUserId() : null;

    /// <summary>The saved offer ids, most recently saved first.</summary>
    public async Task<IReadOnlyList<int>> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_ids is not null)
        {
            return _ids;
        }

        var fromCookie = Parse(Http.Request.Cookies[CookieName]);
        if (UserId is not { } userId)
        {
            return _ids = fromCookie;
        }

        if (fromCookie.Count > 0)
        {
            await SaveToAccountAsync(userId, fromCookie, cancellationToken);
            Http.Response.Cookies.Delete(CookieName);
        }

        return _ids = await db.ShortlistItems.AsNoTracking().Where(s => s.UserId == userId)
            .OrderByDescending(s => s.AddedAt).ThenByDescending(s => s.Id).Select(s => s.OfferId).ToListAsync(cancellationToken);
    }

    public async Task<bool> ContainsAsync(int offerId) => (await GetAsync()).Contains(offerId);

    /// <summary>Adds published offers that are not saved yet; returns false when the offer is not in the catalogue.</summary>
    public async Task<bool> AddAsync(IReadOnlyList<int> offerIds, CancellationToken cancellationToken = default)
    {
        var published = await db.Offers.Published().Where(o => offerIds.Contains(o.Id)).Select(o => o.Id).ToListAsync(cancellationToken);
        var ordered = offerIds.Where(published.Contains).Distinct().ToList();
        if (ordered.Count == 0)
        {
            return false;
        }

        if (UserId is { } userId)
        {
            await SaveToAccountAsync(userId, ordered, cancellationToken);
            _ids = null;
        }
        else
        {
            WriteCookie([.. ordered.AsEnumerable().Reverse(), .. (await GetAsync(cancellationToken)).Except(ordered)]);
        }

        return true;
    }

    public async Task RemoveAsync(int offerId, CancellationToken cancellationToken = default)
    {
        if (UserId is { } userId)
        {
            await db.ShortlistItems.Where(s => s.UserId == userId && s.OfferId == offerId).ExecuteDeleteAsync(cancellationToken);
            _ids = null;
        }
        else
        {
            WriteCookie((await GetAsync(cancellationToken)).Where(id => id != offerId).ToList());
        }
    }

    /// <summary>Offer ids from a cookie or a share link ("12,15" or "12-15"); anything else is ignored.</summary>
    public static List<int> Parse(string? value) =>
        (value ?? "").Split([',', '-', '.', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0).Distinct().Take(MaxItems).ToList();

    public static string Format(IEnumerable<int> ids) => string.Join(",", ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));

    private async Task SaveToAccountAsync(string userId, IReadOnlyList<int> offerIds, CancellationToken cancellationToken)
    {
        var existing = await db.ShortlistItems.Where(s => s.UserId == userId).Select(s => s.OfferId).ToListAsync(cancellationToken);
        var valid = await db.Offers.Where(o => offerIds.Contains(o.Id)).Select(o => o.Id).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var fresh = offerIds.Where(id => valid.Contains(id) && !existing.Contains(id)).Take(Math.Max(0, MaxItems - existing.Count)).ToList();
        for (var i = 0; i < fresh.Count; i++)
        {
            // Later items in the list were saved earlier: keep their order when they move onto the account.
            db.ShortlistItems.Add(new ShortlistItem(userId, fresh[i], now.AddMilliseconds(-i)));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same offer saved twice at once (two tabs): the unique index keeps one, which is what we want.
            db.ChangeTracker.Clear();
        }
    }

    private void WriteCookie(IReadOnlyList<int> ids)
    {
        _ids = ids.Take(MaxItems).ToList();
        Http.Response.Cookies.Append(CookieName, string.Join("-", _ids), new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = Http.Request.IsHttps,
            Expires = clock.GetUtcNow().AddDays(180),
        });
    }
}
