namespace MediconGlobal.Core.Domain;

/// <summary>One change to a record: who, when, what. Written by the audit interceptor, never edited.</summary>
public class AuditEntry
{
    /// <summary>Room for a composite key such as an Identity user-role pair ("user id/role id").</summary>
    public const int EntityIdLength = 160;

    public long Id { get; set; }

    public DateTime At { get; set; }

    public string? UserId { get; set; }

    public string? UserName { get; set; }

    public string EntityType { get; set; } = "";

    public string EntityId { get; set; } = "";

    /// <summary>Added, Modified or Deleted.</summary>
    public string Action { get; set; } = "";

    /// <summary>JSON object of property name to {"old": …, "new": …}.</summary>
    public string Changes { get; set; } = "{}";
}
