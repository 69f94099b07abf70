namespace MediconGlobal.Core.Domain;

/// <summary>
/// An editable record: who created and last changed it (filled in by <c>AuditInterceptor</c>) and a version
/// number that guards against lost updates when two people edit it at once.
/// </summary>
public abstract class Entity
{
    /// <summary>
    /// Characters in a name: of an organisation, offer, programme, company, taxonomy term, contact or person, as
    /// stored (every name column) and as forms and importers accept it (ADR 1901).
    /// </summary>
    public const int NameMaxLength = 200;

    public int Id { get; protected set; }

    public DateTime CreatedAt { get; internal set; }

    public string? CreatedBy { get; internal set; }

    public DateTime UpdatedAt { get; internal set; }

    public string? UpdatedBy { get; internal set; }

    /// <summary>Concurrency token, incremented on every save that changes the record.</summary>
    public int Version { get; set; }
}

/// <summary>A record whose text is searched: the interceptor keeps <see cref="SearchText"/> in step.</summary>
public interface ISearchable
{
    string SearchText { get; set; }

    string BuildSearchText();
}

/// <summary>Thrown when an entity refuses a change that its rules do not allow.</summary>
public sealed class DomainRuleException(string message) : InvalidOperationException(message);
