using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Clients;

/// <summary>One proposal as the founder's and the advisor's pages list it.</summary>
public sealed record CompanyCorrectionLine(
    int Id,
    int Version,
    string Message,
    string ProposedBy,
    DateTime ProposedAt,
    CorrectionStatus Status,
    string? Response,
    string? AnsweredBy,
    DateTime? AnsweredAt);

/// <summary>
/// Founders' proposals to correct their company's profile (issue 17 item 5, ADR 1702): a founder proposes, the
/// company's advisors (and project managers, administrators) accept or decline once. Every step is scoped by
/// <see cref="DataScopes"/> in the query, so a founder reaches only their own company and an advisor only their
/// organisation's clients; anything else is <see cref="CommandResult.NotFound"/>.
/// </summary>
public sealed class CompanyCorrections(AppDbContext db, TimeProvider clock)
{
    /// <summary>A founder proposes a correction of <paramref name="companyId"/>'s profile; only a founder of that company may.</summary>
    public async Task<CommandResult> ProposeAsync(Viewer viewer, int companyId, string message, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!viewer.IsInRole(Roles.Startup) || !await db.Companies.VisibleTo(viewer).AnyAsync(c => c.Id == companyId, cancellationToken))
        {
            return CommandResult.NotFound;
        }

        var correction = new CompanyCorrection(companyId, message.Trim(), actor.UserId, actor.Name, clock.GetUtcNow().UtcDateTime);
        db.CompanyCorrections.Add(correction);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Done(correction.Id);
    }

    /// <summary>
    /// Staff who see the company accept (<see cref="CorrectionStatus.Resolved"/>) or decline
    /// (<see cref="CorrectionStatus.Dismissed"/>) a proposal at the version they loaded; founders cannot answer.
    /// </summary>
    public async Task<CommandResult> AnswerAsync(Viewer viewer, int id, int version, CorrectionStatus outcome, string? response, Actor actor, CancellationToken cancellationToken = default)
    {
        var correction = viewer.IsInRole(Roles.Startup) && !viewer.SeesEverything
            ? null
            : await db.CompanyCorrections.Where(c => db.Companies.VisibleTo(viewer).Any(v => v.Id == c.CompanyId)).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return await db.SaveVersionedAsync(correction, version, c => c.Answer(outcome, response, actor.UserId, actor.Name, clock.GetUtcNow().UtcDateTime), cancellationToken);
    }

    /// <summary>The company's proposals the viewer may see, open ones first, newest first.</summary>
    public Task<List<CompanyCorrectionLine>> ListAsync(Viewer viewer, int companyId, CancellationToken cancellationToken = default) =>
        db.CompanyCorrections.AsNoTracking()
            .Where(c => c.CompanyId == companyId && db.Companies.VisibleTo(viewer).Any(v => v.Id == c.CompanyId))
            .OrderBy(c => c.Status != CorrectionStatus.Open).ThenByDescending(c => c.ProposedAt).ThenByDescending(c => c.Id)
            .Select(c => new CompanyCorrectionLine(c.Id, c.Version, c.Message, c.ProposedByName, c.ProposedAt, c.Status, c.Response, c.AnsweredByName, c.AnsweredAt))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Where news about a company goes by e-mail: its own advisors' addresses, or — when it has none — those of every
    /// advisor of its home incubator (as a founder's help request does). Empty when neither exists.
    /// </summary>
    public static async Task<IReadOnlyList<string>> AdvisorAddressesAsync(AppDbContext db, int companyId, CancellationToken cancellationToken = default)
    {
        var advisors = db.Users.Where(u => u.Email != null && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Advisor)));
        var own = await advisors.Where(u => db.CompanyAdvisors.Any(a => a.CompanyId == companyId && a.UserId == u.Id)).Select(u => u.Email!).ToListAsync(cancellationToken);
        if (own.Count > 0)
        {
            return own;
        }

        var incubator = await db.Companies.Where(c => c.Id == companyId).Select(c => c.HomeIncubatorId).FirstOrDefaultAsync(cancellationToken);
        return incubator is null ? [] : await advisors.Where(u => u.OrganisationId == incubator).Select(u => u.Email!).ToListAsync(cancellationToken);
    }
}
