using System.Security.Claims;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Infrastructure;

/// <summary>
/// Who made a change, as a page shows it. The audit fields record a user name (an e-mail address) or one of
/// <see cref="RecordedActors"/>. A viewer who does not see every organisation (<see cref="ClaimsPrincipalExtensions.SeesEverything"/>)
/// sees the names of their own organisation's people only: the address of a person at another organisation is
/// personal data they have no need for (GDPR Art. 5(1)(c), data minimisation), so it is withheld.
/// </summary>
public sealed class ActorNames(AppDbContext db)
{
    /// <summary>The localisation key of a withheld person, for a value the history shows through its key.</summary>
    public const string WithheldKey = "staff of another organisation";

    /// <summary>The recorded name in the viewer's language: the portal, a visitor, a deleted account, "staff of another organisation", or the user name.</summary>
    public static string Show(string? recorded, IStringLocalizer<SharedResource> t) => recorded switch
    {
        null or RecordedActors.System => t["the portal"],
        RecordedActors.Anonymous => t["a visitor who was not signed in"],
        RecordedActors.DeletedUser => t["a deleted account"],
        RecordedActors.Withheld => t["staff of another organisation"],
        _ => recorded,
    };

    /// <summary>What <paramref name="viewer"/> may see of one recorded name: the name itself or <see cref="RecordedActors.Withheld"/> (see the overload for many). At most one query.</summary>
    public async Task<string?> ForViewerAsync(ClaimsPrincipal viewer, string? recorded, CancellationToken cancellationToken)
        => (await ForViewerAsync(viewer, [recorded], cancellationToken))(recorded);

    /// <summary>
    /// A map from each of <paramref name="recorded"/> to what <paramref name="viewer"/> may see: the name itself, or
    /// <see cref="RecordedActors.Withheld"/> for a user outside the viewer's organisation (or no longer known). One query.
    /// </summary>
    public async Task<Func<string?, string?>> ForViewerAsync(ClaimsPrincipal viewer, IEnumerable<string?> recorded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.SeesEverything())
        {
            return name => name;
        }

        // Identity's normalised user names are upper case (UpperInvariantLookupNormalizer).
        var names = recorded.OfType<string>().Where(n => n.Contains('@', StringComparison.Ordinal)).Select(n => n.ToUpperInvariant()).Distinct().ToList();
        var organisation = viewer.GetOrganisationId();
        var colleagues = names.Count == 0 || organisation is null
            ? []
            : (await db.Users.AsNoTracking().Where(u => names.Contains(u.NormalizedUserName!) && u.OrganisationId == organisation).Select(u => u.UserName!).ToListAsync(cancellationToken))
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return name => name is not null && name.Contains('@', StringComparison.Ordinal) && !colleagues.Contains(name) ? RecordedActors.Withheld : name;
    }
}
