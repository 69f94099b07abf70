using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Programmes;

/// <summary>Project managers record what an initiative taught them and which indicators form its funnels.</summary>
public sealed class ProgrammeResults(AppDbContext db)
{
    /// <param name="funnels">Funnel name per indicator id; indicators of other programmes are ignored.</param>
    /// <remarks>Indicators are parts of the programme, so a change of funnels only still bumps and checks its version.</remarks>
    public async Task<CommandResult> SaveAsync(int programmeId, int expectedVersion, string? lessonsLearned, IReadOnlyDictionary<int, string?> funnels, CancellationToken cancellationToken = default) =>
        await db.SaveVersionedAsync(await db.Programmes.Include(p => p.Indicators).FirstOrDefaultAsync(p => p.Id == programmeId, cancellationToken), expectedVersion, programme =>
        {
            programme.LessonsLearned = string.IsNullOrWhiteSpace(lessonsLearned) ? null : lessonsLearned.Trim();
            foreach (var indicator in programme.Indicators)
            {
                if (funnels.TryGetValue(indicator.Id, out var funnel))
                {
                    indicator.Funnel = string.IsNullOrWhiteSpace(funnel) ? null : funnel.Trim();
                }
            }
        }, cancellationToken);
}
