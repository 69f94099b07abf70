namespace MediconGlobal.Core.Domain;

/// <summary>
/// One dated, attributed step from one status to another (a need's life, an organisation's partnership).
/// Append-only: written by the owning entity's transition method, never edited afterwards.
/// </summary>
public abstract class StatusChange<TStatus>
    where TStatus : struct, Enum
{
    protected StatusChange()
    {
    }

    protected StatusChange(TStatus? from, TStatus to, string? note, Actor by, DateTime at)
    {
        From = from;
        To = to;
        Note = note;
        ChangedByUserId = by.RequireAccount();
        ChangedByName = by.Name;
        ChangedAt = at;
    }

    public int Id { get; private set; }

    /// <summary>Empty for the first step.</summary>
    public TStatus? From { get; private set; }

    public TStatus To { get; private set; }

    public string? Note { get; private set; }

    public string ChangedByUserId { get; private set; } = "";

    public string ChangedByName { get; private set; } = "";

    public DateTime ChangedAt { get; private set; }
}
