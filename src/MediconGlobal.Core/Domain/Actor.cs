namespace MediconGlobal.Core.Domain;

/// <summary>
/// Who takes a step, as the entities record it: the account's user id and the name shown on timelines, e-mails and
/// the audit trail. Entity methods that record their author take <c>(Actor by, DateTime at)</c> (issue 15 item 4).
/// </summary>
/// <param name="UserId">
/// The Identity user id of the account that acted; <see langword="null"/> only for a step taken without an account,
/// made with <see cref="ByEmailLink"/>.
/// </param>
/// <param name="Name">The name people read for this step.</param>
public sealed record Actor(string? UserId, string Name)
{
    /// <summary>
    /// A person acting through a link e-mailed to them, without an account — today the contact of an organisation
    /// without staff accounts answering a referral (issue 11 item 7): no user id, only the name to show.
    /// </summary>
    public static Actor ByEmailLink(string name) => new(null, name);

    /// <summary>
    /// The user id, for steps only an account can take (logging a need, changing a status, consent, merges).
    /// </summary>
    /// <exception cref="DomainRuleException">The actor has no account (<see cref="ByEmailLink"/>).</exception>
    public string RequireAccount() =>
        UserId ?? throw new DomainRuleException("Only a signed-in user can take this step."); // l10n
}
