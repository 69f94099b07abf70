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

        var correction = new CompanyCorrection(companyId, message.Trim(), actor, clock.GetUtcNow().UtcDateTime);
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
        return await db.SaveVersionedAsync(correction, version, c => c.Answer(outcome, response, actor, clock.GetUtcNow().UtcDateTime), cancellationToken);
    }

    /// <summary>The company's proposals the viewer may see, open ones first, newest first.</summary>
    public Task<List<CompanyCorrectionLine>> ListAsync(Viewer viewer, int companyId, CancellationToken cancellationToken = default) =>
        db.CompanyCorrections.AsNoTracking()
            .Where(c => c.CompanyId == companyId && db.Companies.VisibleTo(viewer).Any(v => v.Id == c.CompanyId))
            .OrderBy(c => c.Status != CorrectionStatus.Open).ThenByDescending(c => c.ProposedAt).ThenByDescending(c => c.Id)
            .Select(c => new CompanyCorrectionLine(c.Id, c.Version, c.Message, c.ProposedByName, c.ProposedAt, c.Status, c.Response, c.AnsweredByName, c.AnsweredAt))
            .ToListAsync(cancellationToken);
}
