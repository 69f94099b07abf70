using System.Globalization;
using System.Text.Json;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Auditing;

/// <summary>The records that have a history view (issue 11, item 4).</summary>
public enum HistorySubject
{
    Offer,
    Organisation,
    Programme,
    Company,
}

/// <summary>
/// A value as the history shows it: text, or a UTC time the page shows in the display time zone, or a taxonomy term
/// (<see cref="TermId"/>; <see cref="Text"/> then names it in English with its kind) the page names in its language.
/// </summary>
/// <param name="IsKey">The text is an English key the page translates (an enum value in words, <see cref="HistoryLabels.ValueOf"/>).</param>
public sealed record HistoryValue(string Text, DateTime? Utc = null, int? TermId = null, bool IsKey = false)
{
    public static readonly HistoryValue Empty = new("");
}

/// <summary>One field's change; <see cref="Field"/> is the English field name (for the localiser).</summary>
public sealed record FieldChange(string Field, HistoryValue Old, HistoryValue New);

/// <summary>
/// One saved change: when (UTC), by whom (the account's user name, as the audit log holds it), which part of the
/// record (the record itself, a term link, a contact, a partner, an indicator…), added / changed / removed / merged,
/// and the fields with their old and new values.
/// </summary>
public sealed record HistoryEntry(DateTime At, string? By, string Part, string Action, IReadOnlyList<FieldChange> Changes);

/// <summary>
/// Reads a record's history from the audit log's field-level old/new values, including its child rows (term links,
/// contacts, partners, indicators, advisors) and, for an organisation, the organisations merged into it. Ids are
/// turned into names. The caller applies the record's own scoping before asking.
/// </summary>
public sealed class ChangeHistory(AppDbContext db)
{
    public const int MaxEntries = 500;

    private static readonly HashSet<string> Hidden = ["Id", "CreatedAt", "CreatedBy", "SeedKey", "IsFictional"];

    /// <summary>How the audit log names a user's role link (Identity's generic type).</summary>
    private static readonly string RoleLinkType = typeof(IdentityUserRole<string>).Name;

    /// <summary>
    /// A user account's history: the audited fields of the account (name, e-mail, organisation, lock-out,
    /// deactivation, second factor, invitation) and the roles given and taken away (issue 11, item 1).
    /// </summary>
    public async Task<IReadOnlyList<HistoryEntry>> LoadUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        var prefix = userId + "/";
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => (a.EntityType == nameof(ApplicationUser) && a.EntityId == userId) || (a.EntityType == RoleLinkType && a.EntityId.StartsWith(prefix)))
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(MaxEntries)
            .ToListAsync(cancellationToken);
        var names = await NamesAsync(entries, cancellationToken);
        return entries.Select(e => Describe(e, nameof(ApplicationUser), names)).ToList();
    }

    public async Task<IReadOnlyList<HistoryEntry>> LoadAsync(HistorySubject subject, int id, CancellationToken cancellationToken = default)
    {
        var (ownType, owners, parts) = await PartsAsync(subject, id, cancellationToken);
        var ownerKeys = owners.Select(o => o.ToString(CultureInfo.InvariantCulture)).ToList();
        var audit = db.AuditEntries.AsNoTracking();
        var query = audit.Where(a => a.EntityType == ownType && ownerKeys.Contains(a.EntityId));
        foreach (var (type, prefix, childIds) in parts)
        {
            if (prefix)
            {
                foreach (var key in ownerKeys)
                {
                    var start = key + "/";
                    query = query.Concat(audit.Where(a => a.EntityType == type && a.EntityId.StartsWith(start)));
                }
            }
            else
            {
                var keys = childIds.Select(c => c.ToString(CultureInfo.InvariantCulture)).ToList();
                query = query.Concat(audit.Where(a => a.EntityType == type && keys.Contains(a.EntityId)));
            }
        }

        var entries = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(MaxEntries).ToListAsync(cancellationToken);
        var names = await NamesAsync(entries, cancellationToken);
        var history = entries.Select(e => Describe(e, ownType, names)).ToList();
        if (subject == HistorySubject.Organisation)
        {
            var merges = await db.OrganisationMerges.AsNoTracking().Where(m => owners.Contains(m.SurvivorId)).ToListAsync(cancellationToken);
            history.AddRange(merges.Select(m => new HistoryEntry(m.MergedAt, m.MergedByName, "Organisation", "Merged", [
                new FieldChange(HistoryLabels.MergedOrganisation, HistoryValue.Empty, new HistoryValue($"{m.MergedName} (#{m.MergedId})")),
                new FieldChange(HistoryLabels.FieldsTakenFromIt, HistoryValue.Empty, new HistoryValue(m.FieldsTaken.Length == 0 ? "–" : m.FieldsTaken.Replace(",", ", ", StringComparison.Ordinal))),
            ])));
        }

        return history.OrderByDescending(h => h.At).ToList();
    }

    /// <summary>The ids the record has had (an organisation also those merged into it) and its child rows in the audit log.</summary>
    private async Task<(string OwnType, IReadOnlyList<int> Owners, List<(string Type, bool Prefix, IReadOnlyList<int> Ids)> Parts)> PartsAsync(HistorySubject subject, int id, CancellationToken cancellationToken)
    {
        switch (subject)
        {
            case HistorySubject.Offer:
                return (nameof(Offer), [id], [(nameof(OfferTerm), true, [])]);
            case HistorySubject.Organisation:
                var owners = await MergedIntoAsync(id, cancellationToken);
                var contacts = await ChildIdsAsync(nameof(OrganisationContact), nameof(OrganisationContact.OrganisationId), owners, db.OrganisationContacts.Where(c => owners.Contains(c.OrganisationId)).Select(c => c.Id), cancellationToken);
                return (nameof(Organisation), owners, [(nameof(OrganisationTerm), true, []), (nameof(OrganisationContact), false, contacts)]);
            case HistorySubject.Programme:
                var indicators = await ChildIdsAsync(nameof(ProgrammeIndicator), nameof(ProgrammeIndicator.ProgrammeId), [id], db.ProgrammeIndicators.Where(i => i.ProgrammeId == id).Select(i => i.Id), cancellationToken);
                return (nameof(Programme), [id], [(nameof(ProgrammePartner), true, []), (nameof(ProgrammeIndicator), false, indicators)]);
            default:
                return (nameof(Company), [id], [(nameof(CompanyTerm), true, []), (nameof(CompanyAdvisor), true, [])]);
        }
    }

    /// <summary>The organisation's id and the ids of every organisation merged into it, directly or through another merge.</summary>
    private async Task<IReadOnlyList<int>> MergedIntoAsync(int id, CancellationToken cancellationToken)
    {
        var merges = await db.OrganisationMerges.AsNoTracking().Select(m => new { m.SurvivorId, m.MergedId }).ToListAsync(cancellationToken);
        var ids = new List<int> { id };
        for (var i = 0; i < ids.Count; i++)
        {
            ids.AddRange(merges.Where(m => m.SurvivorId == ids[i] && !ids.Contains(m.MergedId)).Select(m => m.MergedId));
        }

        return ids;
    }

    /// <summary>
    /// Child rows with their own id: the current ones, plus removed ones found by their owner's id in the audit
    /// entries that added or deleted them (those entries always carry the foreign key).
    /// </summary>
    private async Task<IReadOnlyList<int>> ChildIdsAsync(string type, string ownerProperty, IReadOnlyList<int> owners, IQueryable<int> current, CancellationToken cancellationToken)
    {
        var ids = await current.ToListAsync(cancellationToken);
        foreach (var owner in owners)
        {
            var (middle, end) = ($"\"{ownerProperty}\":{owner},", $"\"{ownerProperty}\":{owner}}}");
            var found = await db.AuditEntries.AsNoTracking()
                .Where(a => a.EntityType == type && a.Action != "Modified" && (a.Changes.Contains(middle) || a.Changes.Contains(end)))
                .Select(a => a.EntityId).ToListAsync(cancellationToken);
            ids.AddRange(found.Select(f => int.TryParse(f, CultureInfo.InvariantCulture, out var n) ? n : 0).Where(n => n > 0));
        }

        return ids.Distinct().ToList();
    }

    private async Task<Names> NamesAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var terms = await db.TaxonomyTerms.AsNoTracking().Select(t => new { t.Id, t.Name, t.Kind }).ToDictionaryAsync(t => t.Id, t => $"{t.Name} ({t.Kind})", cancellationToken);
        var organisations = await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        foreach (var merged in await db.OrganisationMerges.AsNoTracking().Select(m => new { m.MergedId, m.MergedName }).ToListAsync(cancellationToken))
        {
            organisations.TryAdd(merged.MergedId, merged.MergedName);
        }

        var programmes = await db.Programmes.AsNoTracking().Select(p => new { p.Id, p.Name }).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var userIds = entries.Where(e => e.EntityType == nameof(CompanyAdvisor)).Select(e => e.EntityId.Split('/').Last()).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var roles = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name ?? r.Id, cancellationToken);
        // Enum properties of the audited records, so their values (numbers in the log) are shown in words.
        var types = entries.Select(e => e.EntityType).ToHashSet(StringComparer.Ordinal);
        var enums = new Dictionary<(string, string), Type>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => types.Contains(e.ClrType.Name)))
        {
            foreach (var property in entity.GetProperties())
            {
                if ((Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType) is { IsEnum: true } type)
                {
                    enums.TryAdd((entity.ClrType.Name, property.Name), type);
                }
            }
        }

        return new Names(terms, organisations, programmes, users, roles, enums);
    }

    private static HistoryEntry Describe(AuditEntry entry, string ownType, Names names)
    {
        var part = entry.EntityType == ownType ? ownType : entry.EntityType == RoleLinkType ? "Role" : entry.EntityType;
        var changes = new List<FieldChange>();
        using var json = JsonDocument.Parse(entry.Changes);
        foreach (var property in json.RootElement.EnumerateObject())
        {
            if (Hidden.Contains(property.Name) || IsOwnerKey(entry.EntityType, property.Name))
            {
                continue;
            }

            var isChange = entry.Action == "Modified" && property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("old", out _);
            var enumType = names.EnumOf(entry.EntityType, property.Name);
            var old = isChange ? Value(property.Name, property.Value.GetProperty("old"), names, enumType) : HistoryValue.Empty;
            var @new = isChange ? Value(property.Name, property.Value.GetProperty("new"), names, enumType) : Value(property.Name, property.Value, names, enumType);
            if (!isChange && entry.Action == "Deleted")
            {
                (old, @new) = (@new, HistoryValue.Empty);
            }

            changes.Add(new FieldChange(FieldName(property.Name), old, @new));
        }

        if (entry.EntityType == nameof(CompanyAdvisor))
        {
            var userId = entry.EntityId.Split('/').Last();
            var advisor = names.Users.TryGetValue(userId, out var advisorName) ? new HistoryValue(advisorName) : new HistoryValue("a deleted account", IsKey: true);
            changes = [entry.Action == "Deleted" ? new FieldChange(FieldName(nameof(CompanyAdvisor.UserId)), advisor, HistoryValue.Empty) : new FieldChange(FieldName(nameof(CompanyAdvisor.UserId)), HistoryValue.Empty, advisor)];
        }

        return new HistoryEntry(entry.At, entry.UserName, part, entry.Action, changes);
    }

    /// <summary>The foreign key back to the record whose history this is says nothing a reader needs.</summary>
    private static bool IsOwnerKey(string entityType, string property) => (entityType, property) switch
    {
        (nameof(OfferTerm), nameof(OfferTerm.OfferId)) => true,
        (nameof(OrganisationTerm), nameof(OrganisationTerm.OrganisationId)) => true,
        (nameof(OrganisationContact), nameof(OrganisationContact.OrganisationId)) => true,
        (nameof(ProgrammePartner), nameof(ProgrammePartner.ProgrammeId)) => true,
        (nameof(ProgrammeIndicator), nameof(ProgrammeIndicator.ProgrammeId)) => true,
        (nameof(CompanyTerm), nameof(CompanyTerm.CompanyId)) => true,
        (_, "UserId") when entityType == RoleLinkType => true,
        _ => false,
    };

    private static HistoryValue Value(string property, JsonElement value, Names names, Type? enumType)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number when enumType is not null && value.TryGetInt64(out var member):
                var words = HistoryLabels.ValueOf((Enum)Enum.ToObject(enumType, member));
                return words is null ? new HistoryValue(Enum.ToObject(enumType, member).ToString()!) : new HistoryValue(words, IsKey: true);
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return HistoryValue.Empty;
            case JsonValueKind.True:
                return new HistoryValue("yes");
            case JsonValueKind.False:
                return new HistoryValue("no");
            case JsonValueKind.Number when value.TryGetInt32(out var id) && names.Resolve(property, id) is { } name:
                return new HistoryValue(name, TermId: Names.IsTerm(property) ? id : null);
            case JsonValueKind.String when property == "RoleId":
                return new HistoryValue(names.Roles.GetValueOrDefault(value.GetString() ?? "", value.GetString() ?? ""));
            case JsonValueKind.String when property == nameof(ApplicationUser.LockoutEnd) && value.TryGetDateTimeOffset(out var end):
                return end.Year == DateTimeOffset.MaxValue.Year ? new HistoryValue("until unlocked") : new HistoryValue(end.ToString("u", CultureInfo.InvariantCulture), end.UtcDateTime);
            case JsonValueKind.String when property.EndsWith("At", StringComparison.Ordinal) && value.TryGetDateTime(out var at):
                return new HistoryValue(at.ToString("u", CultureInfo.InvariantCulture), DateTime.SpecifyKind(at.Kind == DateTimeKind.Local ? at.ToUniversalTime() : at, DateTimeKind.Utc));
            case JsonValueKind.String:
                return new HistoryValue(value.GetString() ?? "");
            default:
                return new HistoryValue(value.GetRawText());
        }
    }

    /// <summary>
    /// The English name of an audited property, the key the localiser translates: its <see cref="HistoryLabels"/>
    /// entry, else made from the property's name ("ProviderId" → "Provider").
    /// </summary>
    public static string FieldName(string property)
    {
        if (HistoryLabels.Of(property) is { } label)
        {
            return label;
        }

        var name = property.EndsWith("Id", StringComparison.Ordinal) && property.Length > 2 ? property[..^2] : property;
        var words = new System.Text.StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(c);
            }
        }

        return words.ToString();
    }

    private sealed record Names(
        IReadOnlyDictionary<int, string> Terms,
        IReadOnlyDictionary<int, string> Organisations,
        IReadOnlyDictionary<int, string> Programmes,
        IReadOnlyDictionary<string, string> Users,
        IReadOnlyDictionary<string, string> Roles,
        IReadOnlyDictionary<(string EntityType, string Property), Type> Enums)
    {
        public Type? EnumOf(string entityType, string property) => Enums.GetValueOrDefault((entityType, property));

        public static bool IsTerm(string property) => property is "TermId" or "CategoryId" or "RegionId" or "SectorId" or "StageId" or "MarketId" or "ParentId";

        public string? Resolve(string property, int id) => property switch
        {
            _ when IsTerm(property) => Terms.GetValueOrDefault(id),
            "ProviderId" or "LeadOrganisationId" or "FunderOrganisationId" or "HomeIncubatorId" or "OrganisationId" or "OrganiserId" => Organisations.GetValueOrDefault(id),
            "ProgrammeId" => Programmes.GetValueOrDefault(id),
            _ => null,
        };
    }
}
