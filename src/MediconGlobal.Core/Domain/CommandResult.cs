namespace MediconGlobal.Core.Domain;

public enum CommandOutcome
{
    Done,

    /// <summary>No such record, or not the viewer's to see (the two are not told apart).</summary>
    NotFound,

    /// <summary>A rule refused the step; <see cref="CommandResult.Message"/> says why, in a sentence for the person.</summary>
    Refused,

    /// <summary>Someone else saved the record after the person loaded it; nothing was changed.</summary>
    Conflict,
}

/// <summary>
/// What became of a domain command — a step a person asked for, such as saving a form, referring a need or
/// publishing an offer: done (with the record's id), not found, refused by a rule (with the sentence to show) or
/// a conflict with someone else's save. The one result type of every command (issue 15 item 3); pages turn a
/// conflict into the one conflict behaviour of docs/decisions/1050.
/// </summary>
public sealed record CommandResult(CommandOutcome Outcome, string? Message = null, int? Id = null)
{
    public static readonly CommandResult NotFound = new(CommandOutcome.NotFound);

    public static readonly CommandResult Conflict = new(CommandOutcome.Conflict);

    public bool IsDone => Outcome == CommandOutcome.Done;

    public static CommandResult Done(int? id = null) => new(CommandOutcome.Done, null, id);

    public static CommandResult Refused(string message) => new(CommandOutcome.Refused, message);
}
