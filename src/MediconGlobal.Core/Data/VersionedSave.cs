using MediconGlobal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Data;

/// <summary>
/// The one version-checked save every editing page and command uses (issue 15 item 3, docs/decisions/1050): a
/// change is applied only to the version of the record the person loaded, and a save that would overwrite
/// someone else's newer save is a <see cref="CommandOutcome.Conflict"/> that changes nothing.
/// </summary>
public static class VersionedSave
{
    /// <summary>
    /// Applies <paramref name="change"/> to <paramref name="entity"/> (tracked by <paramref name="db"/>) and saves,
    /// provided the entity is still at <paramref name="expectedVersion"/> — the <see cref="Entity.Version"/> the
    /// person's form was loaded with. Null entity: <see cref="CommandResult.NotFound"/>. A different version now,
    /// or a save by someone else between loading and saving (the version is the row's concurrency token, and a
    /// change of the entity's parts bumps it too): <see cref="CommandResult.Conflict"/>, with nothing written.
    /// A <see cref="DomainRuleException"/> from the change: <see cref="CommandResult.Refused"/> with its message.
    /// Otherwise <see cref="CommandResult.Done"/> with the entity's id.
    /// </summary>
    public static async Task<CommandResult> SaveVersionedAsync<T>(this AppDbContext db, T? entity, int expectedVersion, Func<T, Task> change, CancellationToken cancellationToken = default)
        where T : Entity
    {
        if (entity is null)
        {
            return CommandResult.NotFound;
        }

        if (entity.Version != expectedVersion)
        {
            return CommandResult.Conflict;
        }

        try
        {
            await change(entity);
        }
        catch (DomainRuleException refused)
        {
            return CommandResult.Refused(refused.Message);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Done(entity.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Conflict;
        }
    }

    /// <inheritdoc cref="SaveVersionedAsync{T}(AppDbContext, T, int, Func{T, Task}, CancellationToken)"/>
    public static Task<CommandResult> SaveVersionedAsync<T>(this AppDbContext db, T? entity, int expectedVersion, Action<T> change, CancellationToken cancellationToken = default)
        where T : Entity =>
        db.SaveVersionedAsync(entity, expectedVersion, e =>
        {
            change(e);
            return Task.CompletedTask;
        }, cancellationToken);
}
