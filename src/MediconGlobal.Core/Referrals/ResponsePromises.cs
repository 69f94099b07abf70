using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Referrals;

/// <summary>An organisation's response promise as shown before sending: working days, and whether it is the organisation's own or the portal's default.</summary>
public readonly record struct OrganisationPromise(int WorkingDays, bool IsOwn);

/// <summary>
/// Response promises (issue 19 item 1, ADR 1762): each organisation's own promise or the portal's default, and the due
/// times a referral sent now gets from them, counted in the receiver's working days (<see cref="WorkingDayCalendar"/>).
/// </summary>
public static class ResponsePromises
{
    /// <summary>The portal's default promise: the settings row's, or <see cref="PortalSettings.DefaultAnswerWorkingDaysInitially"/> before anyone set one.</summary>
    public static async Task<int> DefaultAsync(AppDbContext db, CancellationToken cancellationToken = default) =>
        await db.PortalSettings.AsNoTracking().OrderBy(s => s.Id).Select(s => (int?)s.DefaultAnswerWorkingDays).FirstOrDefaultAsync(cancellationToken)
            ?? PortalSettings.DefaultAnswerWorkingDaysInitially;

    /// <summary>The settings row as saved, or null before anyone saved one (for the settings page: its version guards the save).</summary>
    public static Task<PortalSettings?> SettingsAsync(AppDbContext db, CancellationToken cancellationToken = default) =>
        db.PortalSettings.OrderBy(s => s.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Sets the portal's default promise to <paramref name="workingDays"/>, checking the <paramref name="version"/> the
    /// project manager saw (0 when nothing was saved yet). Referrals already sent keep the due times they were sent with.
    /// </summary>
    public static async Task<CommandResult> SetDefaultAsync(AppDbContext db, int workingDays, int version, CancellationToken cancellationToken = default)
    {
        var settings = await SettingsAsync(db, cancellationToken);
        if (settings is null)
        {
            if (version != 0)
            {
                return CommandResult.Conflict;
            }

            settings = new PortalSettings();
            db.PortalSettings.Add(settings);
        }

        return await db.SaveVersionedAsync(settings, version, s => s.SetDefaultAnswerWorkingDays(workingDays), cancellationToken);
    }

    /// <summary>The promise of each of <paramref name="organisationIds"/> (its own, else the default), by organisation id.</summary>
    public static async Task<IReadOnlyDictionary<int, OrganisationPromise>> OfOrganisationsAsync(AppDbContext db, IReadOnlyCollection<int> organisationIds, CancellationToken cancellationToken = default)
    {
        var fallback = await DefaultAsync(db, cancellationToken);
        var own = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id))
            .Select(o => new { o.Id, o.AnswerWithinWorkingDays }).ToListAsync(cancellationToken);
        return own.ToDictionary(o => o.Id, o => o.AnswerWithinWorkingDays is { } days ? new OrganisationPromise(days, true) : new OrganisationPromise(fallback, false));
    }

    /// <summary>The due times of a referral sent at <paramref name="sentAt"/> (UTC) to an organisation in <paramref name="countryCode"/> that promises <paramref name="workingDays"/>.</summary>
    public static ResponseDue Due(string? countryCode, int workingDays, DateTime sentAt)
    {
        var calendar = WorkingDayCalendar.For(countryCode);
        return new ResponseDue(workingDays, calendar.EndOfWorkingDaysAfter(sentAt, workingDays), calendar.EndOfWorkingDaysAfter(sentAt, 2 * workingDays));
    }

    /// <summary>The due times of a referral sent at <paramref name="sentAt"/> (UTC) to <paramref name="receiver"/>, from the promise in force now.</summary>
    public static async Task<ResponseDue> DueAsync(AppDbContext db, Organisation receiver, DateTime sentAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        var days = receiver.AnswerWithinWorkingDays ?? await DefaultAsync(db, cancellationToken);
        return Due(receiver.CountryCode, days, sentAt);
    }
}
