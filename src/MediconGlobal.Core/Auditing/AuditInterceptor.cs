using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace MediconGlobal.Core.Auditing;

/// <summary>
/// The one place that stamps audit fields, bumps concurrency versions, refreshes search text and writes the
/// audit log. Audit rows are written in the same transaction as the change, after keys are known. A change to
/// an entity's parts only (<see cref="IPartOf{TOwner}"/>: its taxonomy links, contacts, partners…) counts as a
/// change of the entity, so its version is bumped and checked too (docs/decisions/1050). A change to what a person
/// may reach (a role added or removed, another organisation or company) renews their security stamp, which ends
/// every session they have (docs/decisions/1003).
/// </summary>
public sealed class AuditInterceptor(ICurrentUser currentUser, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<string> QuietProperties =
        [nameof(Entity.Version), nameof(Entity.UpdatedAt), nameof(Entity.UpdatedBy), nameof(ISearchable.SearchText), nameof(Offer.ContentChangedAt),
            nameof(Offer.LastReviewedByUserId), nameof(Offer.VerificationRequestedAt)];

    // Of a user record only these are worth an audit line (who they are, where they belong, whether they can sign
    // in, their second factor); the rest is Identity's own bookkeeping or secret.
    private static readonly HashSet<string> AuditedUserProperties =
    [
        nameof(ApplicationUser.DisplayName), nameof(ApplicationUser.Email), nameof(ApplicationUser.OrganisationId), nameof(ApplicationUser.CompanyId),
        nameof(ApplicationUser.LockoutEnd), nameof(ApplicationUser.TwoFactorEnabled), nameof(ApplicationUser.DeactivatedAt), nameof(ApplicationUser.InvitationSentAt),
    ];

    private static readonly ConcurrentDictionary<Type, Type?> OwnerTypes = new();

    private readonly Dictionary<DbContext, Pending> _pending = [];
    private readonly HashSet<DbContext> _subscribed = [];
    private bool _writingAudit;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (!_writingAudit && eventData.Context is { } context)
        {
            var changes = Prepare(context);
            if (changes.Count > 0)
            {
                Track(context, changes, context.Database.CurrentTransaction is null ? context.Database.BeginTransaction() : null);
            }
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (!_writingAudit && eventData.Context is { } context)
        {
            var changes = Prepare(context);
            if (changes.Count > 0)
            {
                var transaction = context.Database.CurrentTransaction is null ? await context.Database.BeginTransactionAsync(cancellationToken) : null;
                Track(context, changes, transaction);
            }
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (!_writingAudit && eventData.Context is { } context && _pending.Remove(context, out var pending))
        {
            context.AddRange(pending.Changes.Select(ToAuditEntry));
            _writingAudit = true;
            try
            {
                context.SaveChanges();
            }
            finally
            {
                _writingAudit = false;
            }

            pending.Transaction?.Commit();
            pending.Transaction?.Dispose();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (!_writingAudit && eventData.Context is { } context && _pending.Remove(context, out var pending))
        {
            context.AddRange(pending.Changes.Select(ToAuditEntry));
            _writingAudit = true;
            try
            {
                await context.SaveChangesAsync(cancellationToken);
            }
            finally
            {
                _writingAudit = false;
            }

            if (pending.Transaction is not null)
            {
                await pending.Transaction.CommitAsync(cancellationToken);
                await pending.Transaction.DisposeAsync();
            }
        }

        return result;
    }

    // DbContext raises SaveChangesFailed for every failure, concurrency conflicts included (the interceptor's
    // own SaveChangesFailed hook is skipped for those), so the transaction this interceptor began is always
    // rolled back before the caller sees the exception.
    private void Abandon(object? sender, SaveChangesFailedEventArgs e)
    {
        if (!_writingAudit && sender is DbContext context && _pending.Remove(context, out var pending))
        {
            pending.Transaction?.Rollback();
            pending.Transaction?.Dispose();
        }
    }

    private void Track(DbContext context, List<PendingChange> changes, IDbContextTransaction? transaction)
    {
        if (_subscribed.Add(context))
        {
            context.SaveChangesFailed += Abandon;
        }

        _pending[context] = new Pending(changes, transaction);
    }

    private List<PendingChange> Prepare(DbContext context)
    {
        context.ChangeTracker.DetectChanges();
        var ownersOfChangedParts = MarkOwnersOfChangedParts(context);
        RenewStampsOfChangedAccess(context);
        var now = clock.GetUtcNow().UtcDateTime;
        var changes = new List<PendingChange>();
        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || entry.Entity is AuditEntry)
            {
                continue;
            }

            Stamp(entry, now, ownersOfChangedParts);
            var values = Describe(entry);
            if (values is not null)
            {
                var knownKey = entry.State == EntityState.Added ? null : KeyOf(entry);
                changes.Add(new PendingChange(entry, entry.State.ToString(), knownKey, values, now));
            }
        }

        return changes;
    }

    /// <summary>
    /// Marks the owner of every added, changed or removed part as modified, so the owner's row is updated with its
    /// version checked and bumped, exactly as when one of its own columns changed. An owner that is not tracked
    /// (a part changed on its own) is loaded; a new or deleted owner needs no bump. Returns the owners, by type and key.
    /// </summary>
    private static HashSet<(Type Type, object Key)> MarkOwnersOfChangedParts(DbContext context)
    {
        var owners = new HashSet<(Type Type, object Key)>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || OwnerTypeOf(entry.Metadata.ClrType) is not { } ownerType)
            {
                continue;
            }

            var foreignKey = entry.Metadata.GetForeignKeys().First(fk => fk.PrincipalEntityType.ClrType == ownerType).Properties.Single();
            var key = entry.Property(foreignKey.Name);
            var value = entry.State == EntityState.Deleted ? key.OriginalValue : key.CurrentValue;
            if (!key.IsTemporary && value is not null)
            {
                owners.Add((ownerType, value));
            }
        }

        if (owners.Count == 0)
        {
            return owners;
        }

        var tracked = context.ChangeTracker.Entries<Entity>().ToLookup(e => (e.Metadata.ClrType, (object)e.Entity.Id));
        foreach (var (type, key) in owners)
        {
            var owner = tracked[(type, key)].FirstOrDefault() ?? (context.Find(type, key) is { } found ? context.Entry(found) : null);
            if (owner?.State == EntityState.Unchanged)
            {
                owner.Property(nameof(Entity.Version)).IsModified = true;
            }
        }

        return owners;
    }

    /// <summary>
    /// Gives a new security stamp to every existing account whose roles, organisation or company change in this save,
    /// whichever code changes them (user administration, an organisation merge, the command line). The portal compares
    /// the stamp on every request, so the account's sign-in cookies stop working on their next request (issue 10,
    /// item 2). A new account has no sessions to end; a deleted one has no row to stamp.
    /// </summary>
    private static void RenewStampsOfChangedAccess(DbContext context)
    {
        var changed = context.ChangeTracker.Entries<IdentityUserRole<string>>()
            .Where(e => e.State is EntityState.Added or EntityState.Deleted)
            .Select(e => e.Entity.UserId)
            .Concat(context.ChangeTracker.Entries<ApplicationUser>()
                .Where(e => e.State == EntityState.Modified && (Changed(e, nameof(ApplicationUser.OrganisationId)) || Changed(e, nameof(ApplicationUser.CompanyId))))
                .Select(e => e.Entity.Id))
            .ToHashSet();
        foreach (var userId in changed)
        {
            if (context.Find<ApplicationUser>(userId) is not { } user || context.Entry(user).State is not (EntityState.Modified or EntityState.Unchanged))
            {
                continue;
            }

            // Identity renews the concurrency stamp of the accounts it saves; one changed behind its back gets a new
            // one here, so a stale copy saved later fails instead of restoring the old security stamp.
            if (context.Entry(user).State == EntityState.Unchanged)
            {
                user.ConcurrencyStamp = Guid.NewGuid().ToString();
            }

            user.SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(20));
        }
    }

    private static bool Changed(EntityEntry entry, string property) =>
        entry.Property(property) is { IsModified: true } value && !Equals(value.OriginalValue, value.CurrentValue);

    private static Type? OwnerTypeOf(Type type) => OwnerTypes.GetOrAdd(type, t => t.GetInterfaces()
        .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IPartOf<>))?.GetGenericArguments()[0]);

    private void Stamp(EntityEntry entry, DateTime now, HashSet<(Type Type, object Key)> ownersOfChangedParts)
    {
        if (entry.Entity is ISearchable searchable && entry.State != EntityState.Deleted)
        {
            searchable.SearchText = searchable.BuildSearchText();
        }

        if (entry.Entity is not Entity entity)
        {
            return;
        }

        if (entry.State == EntityState.Added)
        {
            entity.CreatedAt = entity.CreatedAt == default ? now : entity.CreatedAt;
            entity.CreatedBy ??= currentUser.UserName;
            entity.UpdatedAt = now;
            entity.UpdatedBy = currentUser.UserName;
            entity.Version = 1;
        }
        else if (entry.State == EntityState.Modified)
        {
            entity.UpdatedAt = now;
            entity.UpdatedBy = currentUser.UserName;
            entity.Version = (int)entry.Property(nameof(Entity.Version)).OriginalValue! + 1;
        }

        if (entity is Offer offer && (entry.State == EntityState.Added || ownersOfChangedParts.Contains((typeof(Offer), offer.Id)) || ChangesContent(entry)))
        {
            offer.ContentChangedAt = now;
        }
    }

    /// <summary>Whether a changed offer changed more than its bookkeeping and <see cref="Offer.ConfirmationOnly"/> (ADR 1761).</summary>
    private static bool ChangesContent(EntityEntry entry) =>
        entry.State == EntityState.Modified && entry.Properties.Any(p =>
            p.IsModified && !QuietProperties.Contains(p.Metadata.Name) && !Offer.ConfirmationOnly.Contains(p.Metadata.Name) && !Equals(p.OriginalValue, p.CurrentValue));

    private static Dictionary<string, object?>? Describe(EntityEntry entry)
    {
        var isUser = entry.Entity is ApplicationUser;
        var auditable = entry.Entity.GetType().Namespace == typeof(Entity).Namespace || entry.Entity is IdentityUserRole<string>;
        if (!auditable)
        {
            return null;
        }

        var values = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (QuietProperties.Contains(name) || (isUser && !AuditedUserProperties.Contains(name)))
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added when property.CurrentValue is not null && !property.IsTemporary:
                    values[name] = property.CurrentValue;
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    values[name] = new { old = property.OriginalValue, @new = property.CurrentValue };
                    break;
                case EntityState.Deleted when property.Metadata.IsKey() || property.Metadata.IsForeignKey():
                    values[name] = property.OriginalValue;
                    break;
                default:
                    break;
            }
        }

        return entry.State == EntityState.Modified && values.Count == 0 ? null : values;
    }

    private AuditEntry ToAuditEntry(PendingChange change)
    {
        return new AuditEntry
        {
            At = change.At,
            UserId = currentUser.UserId,
            UserName = currentUser.UserName,
            EntityType = change.Entry.Metadata.ClrType.Name,
            EntityId = change.KnownKey ?? KeyOf(change.Entry),
            Action = change.Action,
            Changes = JsonSerializer.Serialize(change.Values),
        };
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join("/", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));

    private sealed record PendingChange(EntityEntry Entry, string Action, string? KnownKey, Dictionary<string, object?> Values, DateTime At);

    private sealed record Pending(List<PendingChange> Changes, IDbContextTransaction? Transaction);
}
