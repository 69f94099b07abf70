namespace MediconGlobal.Core.Security;

/// <summary>
/// The names the audit fields (<c>CreatedBy</c>, <c>UpdatedBy</c>, the audit log's user name) record for a change no
/// signed-in person made, beside the user name of one who did. None contains "@", so none can be a user name (an
/// e-mail address). Pages show each in the viewer's language.
/// </summary>
public static class RecordedActors
{
    /// <summary>The portal itself: start-up seeding, background jobs, command-line tools.</summary>
    public const string System = "system";

    /// <summary>A visitor who was not signed in (a problem report, a registration).</summary>
    public const string Anonymous = "anonymous";

    /// <summary>An account deleted by its owner: its changes stay, attributed to no one (<c>AccountDeletion</c>).</summary>
    public const string DeletedUser = "deleted user";

    /// <summary>Not recorded, only shown: a person of another organisation, whose address the viewer may not see.</summary>
    public const string Withheld = "withheld";
}
